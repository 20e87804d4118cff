package dev.allot.testkit;

import dev.allot.testkit.reference.SlidingCompactionAllocator;
import org.junit.jupiter.api.Test;

/**
 * The compaction property accepts a correct plan that is not the skeleton's: the broken strategies
 * of {@link BrokenStrategiesTest} break this one, so it must pass unbroken.
 */
class SlidingCompactionTest {

  @Test
  void compaction_slidingPlanNotTheSkeletons_passes() {
    ContractProperties.check(
        Invariant.COMPACTION, new TestStrategy("sliding", SlidingCompactionAllocator::new));
  }
}
