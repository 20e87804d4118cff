package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best-fit compacts as the skeleton documents, and its hole index follows the moves. */
class BestFitCompactionTest {

  /** Blocks [0,2) [4,6) [9,12) [17,20) in capacity 24: holes of 2, 3 and 5, tail of 4. */
  private static Allocator fragmented() {
    Allocator allocator = new BestFitStrategy().create(24);
    allocator.alloc(20);
    allocator.dealloc(2, 2);
    allocator.dealloc(6, 3);
    allocator.dealloc(12, 5);
    return allocator;
  }

  @Test
  void compact_full_givesTheSamePlanAsTheSkeletonDocuments() {
    Allocator allocator = fragmented();

    CompactionPlan plan = allocator.compact();

    assertEquals(
        List.of(
            CompactionMove.of(4, 2, 2), CompactionMove.of(17, 4, 3), CompactionMove.of(9, 7, 3)),
        plan.moves());
    assertTrue(plan.isComplete());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
    assertEquals(14, allocator.getLargestFreeHole());
  }

  @Test
  void compact_granularity_keepsTheHoleIndexInStep() {
    Allocator allocator = fragmented();

    allocator.compact(Long.MAX_VALUE, 2);

    assertEquals(
        List.of(new Region(0, 4), new Region(5, 3), new Region(9, 3)),
        allocator.getAllocatedRegions());
    assertEquals(12, allocator.getLargestFreeHole());
    assertEquals(4, allocator.alloc(1)); // the smallest holes are [4,5) and [8,9): lowest first
    assertEquals(8, allocator.alloc(1));
    assertEquals(List.of(new Region(0, 12)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_blockAtZeroMissing_slidesTheFirstBlockDown() {
    Allocator allocator = new BestFitStrategy().create(10);
    allocator.alloc(6);
    allocator.dealloc(0, 3);

    CompactionPlan plan = allocator.compact();

    assertEquals(List.of(new CompactionMove(3, 0, 3, false)), plan.moves());
    assertEquals(List.of(new Region(0, 3)), allocator.getAllocatedRegions());
    assertEquals(7, allocator.getLargestFreeHole());
  }
}
