package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented compaction of first-fit, move by move, on small block lists. */
class FirstFitCompactionTest {

  /** Blocks [0,2) [4,6) [9,12) [17,20) in capacity 20: holes of 2, 3 and 5. */
  private static Allocator fragmented() {
    Allocator allocator = new FirstFitStrategy().create(20);
    allocator.alloc(20);
    allocator.dealloc(2, 2);
    allocator.dealloc(6, 3);
    allocator.dealloc(12, 5);
    return allocator;
  }

  @Test
  void compact_full_slidesWhatDoesNotFitAndFillsWithTheLastBlock() {
    Allocator allocator = fragmented();

    CompactionPlan plan = allocator.compact();

    assertEquals(
        List.of(
            CompactionMove.of(4, 2, 2), // the last block (3) does not fit the hole of 2: slide
            CompactionMove.of(17, 4, 3), // the hole is now 5: the last block fills it
            CompactionMove.of(9, 7, 3)), // the last block is next to the hole: slide, overlapping
        plan.moves());
    assertEquals(
        List.of(false, false, true), plan.moves().stream().map(m -> m.overlapping()).toList());
    assertEquals(8, plan.movedIndices());
    assertTrue(plan.isComplete());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
    assertEquals(0, allocator.getFragmentedFreeSize());
    assertEquals(10, allocator.getFreeSize());
  }

  @Test
  void translate_movedAndUnmovedIndices_mapsEachToItsNewPlace() {
    CompactionPlan plan = fragmented().compact();

    assertEquals(0, plan.translate(0));
    assertEquals(2, plan.translate(4));
    assertEquals(3, plan.translate(5));
    assertEquals(7, plan.translate(9));
    assertEquals(9, plan.translate(11));
    assertEquals(4, plan.translate(17));
    assertEquals(6, plan.translate(19));
    assertEquals(20, plan.translate(20)); // not in a moved block: unchanged
    assertThrows(IllegalArgumentException.class, () -> plan.translate(-1));
  }

  @Test
  void compact_zeroBudget_makesExactlyOneMove() {
    Allocator allocator = fragmented();

    CompactionPlan plan = allocator.compact(0, 1);

    assertEquals(List.of(CompactionMove.of(4, 2, 2)), plan.moves());
    assertFalse(plan.isComplete());
  }

  @Test
  void compact_budget_stopsBeforeTheMoveThatWouldPassIt() {
    Allocator allocator = fragmented();
    allocator.compact(0, 1);

    CompactionPlan plan = allocator.compact(5, 1);

    assertEquals(List.of(CompactionMove.of(17, 4, 3)), plan.moves()); // 3 + 3 would pass 5
    assertFalse(plan.isComplete());
    assertEquals(List.of(CompactionMove.of(9, 7, 3)), allocator.compact(5, 1).moves());
    assertTrue(allocator.compact(5, 1).isComplete());
  }

  @Test
  void compact_granularity_movesByMultiplesAndLeavesShorterGaps() {
    Allocator allocator = fragmented();

    CompactionPlan plan = allocator.compact(Long.MAX_VALUE, 2);

    assertEquals(List.of(CompactionMove.of(4, 2, 2), CompactionMove.of(17, 5, 3)), plan.moves());
    assertTrue(plan.isComplete());
    assertEquals(
        List.of(new Region(0, 4), new Region(5, 3), new Region(9, 3)),
        allocator.getAllocatedRegions());
    assertEquals(2, allocator.getFragmentedFreeSize());
  }

  @Test
  void compact_nothingFragmented_returnsEmptyCompletePlan() {
    Allocator allocator = new FirstFitStrategy().create(10);
    allocator.alloc(4);

    CompactionPlan plan = allocator.compact();

    assertEquals(List.of(), plan.moves());
    assertTrue(plan.isComplete());
    assertEquals(List.of(new Region(0, 4)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_afterwards_allocPlacesIntoTheFreedTail() {
    Allocator allocator = fragmented();
    allocator.compact();

    assertEquals(10, allocator.alloc(10));
    assertEquals(List.of(new Region(0, 20)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_badInput_namesTheCallAndChangesNothing() {
    Allocator allocator = fragmented();
    List<Region> before = allocator.getAllocatedRegions();

    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> allocator.compact(-1, 1));
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> allocator.compact(5, 0));

    assertEquals("compact(-1, 1): negative number -1", negative.getMessage());
    assertEquals("compact(5, 0): granularity 0 is below 1", zero.getMessage());
    assertEquals(before, allocator.getAllocatedRegions());
  }

  @Test
  void replay_compactLine_printsTheMovedIndices() {
    List<String> lines = new ArrayList<>();

    TraceReplayer.replay(
        TraceParser.parse(
            """
            capacity 20
            alloc 20
            dealloc 2 2
            dealloc 6 3
            dealloc 12 5
            compact 0 1
            compact 100 1
            compact -1 1
            compact 5 0
            """),
        new FirstFitStrategy(),
        false,
        lines::add);

    assertEquals(
        List.of(
            "moved=2 regions=0:4,9:3,17:3 free=10 fragmented=10",
            "moved=6 regions=0:10 free=10 fragmented=0",
            "invalid regions=0:10 free=10 fragmented=0",
            "invalid regions=0:10 free=10 fragmented=0"),
        lines.subList(5, 9));
  }
}
