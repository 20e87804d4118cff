package dev.allot.examples;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;

/**
 * The custom strategy's whole test against the SDK contract: subclass the kit, name the strategy.
 */
class WorstFitContractTest extends AllocatorContract {
  @Override
  protected AllocationStrategy strategy() {
    return new WorstFitStrategy();
  }
}
