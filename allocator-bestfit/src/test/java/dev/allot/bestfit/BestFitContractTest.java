package dev.allot.bestfit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;
import dev.allot.testkit.AllocatorFeature;
import java.util.Set;

/**
 * Best-fit passes the allocator contract, always takes the smallest hole that fits, and allocates
 * nothing once its churn is warm.
 */
class BestFitContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new BestFitStrategy();
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(
        AllocatorFeature.SMALLEST_FIT,
        AllocatorFeature.COMPACTION,
        AllocatorFeature.ALIGNMENT,
        AllocatorFeature.ALLOCATION_FREE_CHURN);
  }
}
