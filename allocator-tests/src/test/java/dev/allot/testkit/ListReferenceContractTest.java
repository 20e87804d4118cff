package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import java.util.Set;

/**
 * The list reference of best-fit, a correct strategy that is not pyglet, passes the contract and
 * the smallest-fit oracle.
 */
class ListReferenceContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new ListReferenceStrategy(HoleChoice.SMALLEST);
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(
        AllocatorFeature.SMALLEST_FIT, AllocatorFeature.COMPACTION, AllocatorFeature.ALIGNMENT);
  }
}
