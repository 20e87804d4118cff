package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import java.util.Set;

/** A correct strategy that is not pyglet passes the contract and the smallest-fit oracle. */
class SmallestFitContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new TestStrategy(SmallestFitAllocator.NAME, SmallestFitAllocator::new);
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(AllocatorFeature.SMALLEST_FIT, AllocatorFeature.COMPACTION);
  }
}
