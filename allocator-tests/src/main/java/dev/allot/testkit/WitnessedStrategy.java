package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import java.util.function.Consumer;

/**
 * The strategy under test with a {@link MemoryFailureWitness} around each allocator it creates,
 * handed to {@code onCreate} so that a {@link ContractRun} reads the allocator and its failures.
 *
 * @param strategy the strategy under test
 * @param onCreate receives each witness created
 */
record WitnessedStrategy(AllocationStrategy strategy, Consumer<MemoryFailureWitness> onCreate)
    implements AllocationStrategy {

  @Override
  public String getName() {
    return strategy.getName();
  }

  @Override
  public int getPriority() {
    return strategy.getPriority();
  }

  @Override
  public Allocator create(long capacity) {
    MemoryFailureWitness witness = new MemoryFailureWitness(Allocators.create(strategy, capacity));
    onCreate.accept(witness);
    return witness;
  }
}
