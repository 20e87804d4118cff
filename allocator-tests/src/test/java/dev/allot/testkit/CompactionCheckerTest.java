package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Region;
import dev.allot.testkit.reference.SlidingCompactionAllocator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compaction check simulates the caller's buffer in O(live regions), so it works past 2^32
 * indices, where a buffer of one slot per index cannot exist.
 */
class CompactionCheckerTest {

  /** A capacity past 2^32, with regions beyond 2^31 and a hole to close before them. */
  private static final String FAR_TRACE =
      """
      capacity 4294967400
      set_capacity 4294967500
      alloc 3000000000
      alloc 5
      alloc 7
      dealloc 3000000000 5
      compact 9223372036854775807 1
      """;

  @Test
  void replay_farCapacityCompaction_keepsTheContract() {
    ContractRun run =
        ContractRun.replay(
            new TestStrategy("sliding", SlidingCompactionAllocator::new),
            FAR_TRACE,
            Set.of(Invariant.COMPACTION, Invariant.BLOCK_LIST));

    assertEquals(List.of(new Region(0, 3_000_000_007L)), run.allocator().getAllocatedRegions());
  }

  @Test
  void replay_farCapacityShiftedTranslation_isCaught() {
    assertCaughtAtFarCapacity(
        new TestStrategy("shifted-translation", ShiftedTranslationAllocator::new));
  }

  @Test
  void replay_farCapacitySplittingCompaction_isCaught() {
    assertCaughtAtFarCapacity(new TestStrategy("splitting", SplittingCompactionAllocator::new));
  }

  private static void assertCaughtAtFarCapacity(TestStrategy broken) {
    ContractViolation violation =
        assertThrows(
            ContractViolation.class,
            () -> ContractRun.replay(broken, FAR_TRACE, Set.of(Invariant.COMPACTION)));

    assertEquals(Invariant.COMPACTION, violation.invariant());
  }
}
