package dev.allot.firstfit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;
import dev.allot.testkit.AllocatorFeature;
import java.util.Set;

/**
 * First-fit passes the allocator contract, aligned calls included, matches the literal pyglet
 * reference at every step, and allocates nothing once its churn is warm.
 */
class FirstFitContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new FirstFitStrategy();
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(
        AllocatorFeature.PYGLET_FIRST_FIT,
        AllocatorFeature.COMPACTION,
        AllocatorFeature.ALIGNMENT,
        AllocatorFeature.ALLOCATION_FREE_CHURN);
  }
}
