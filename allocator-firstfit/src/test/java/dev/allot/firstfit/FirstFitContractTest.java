package dev.allot.firstfit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;
import dev.allot.testkit.AllocatorFeature;
import java.util.Set;

/**
 * First-fit passes the allocator contract, aligned calls included, and matches the literal pyglet
 * reference at every step.
 */
class FirstFitContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new FirstFitStrategy();
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(
        AllocatorFeature.PYGLET_FIRST_FIT, AllocatorFeature.COMPACTION, AllocatorFeature.ALIGNMENT);
  }
}
