package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.ReportedAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan a compaction returns, and the default for strategies that cannot compact. */
class CompactionPlanTest {

  /**
   * A plan shares the builder's arrays, which later adds write past its moves or replace when they
   * grow: it keeps exactly the moves it was built with.
   */
  @Test
  void build_thenMoreAdds_theEarlierPlanKeepsItsMoves() {
    CompactionPlan.Builder builder = CompactionPlan.builder().add(10, 2, 3).add(40, 5, 4);
    CompactionPlan early = builder.build(false);
    for (long from = 100; from < 200; from += 10) {
      builder.add(from, from - 50, 5); // 10 more: past the first array's 8 slots
    }
    CompactionPlan late = builder.build(true);

    assertEquals(List.of(CompactionMove.of(10, 2, 3), CompactionMove.of(40, 5, 4)), early.moves());
    assertEquals(7, early.movedIndices());
    assertEquals(100, early.translate(100)); // a later move's source: not moved by this plan
    assertEquals("CompactionPlan[moves=2, moved=7, complete=false]", early.toString());
    assertEquals(12, late.moves().size());
    assertEquals(54, late.translate(104));
  }

  @Test
  void translate_eachMoveSourceIncludingItsEnds_shiftsByItsDistance() {
    CompactionPlan plan =
        CompactionPlan.builder().add(10, 2, 3).add(40, 5, 4).add(6, 4, 2).build(true);

    assertEquals(2, plan.translate(10));
    assertEquals(4, plan.translate(12));
    assertEquals(13, plan.translate(13)); // just past the first source: not moved
    assertEquals(4, plan.translate(6));
    assertEquals(5, plan.translate(7));
    assertEquals(5, plan.translate(40));
    assertEquals(8, plan.translate(43));
    assertEquals(44, plan.translate(44));
    assertEquals(0, plan.translate(0));
    assertEquals(9, plan.movedIndices());
    assertTrue(plan.isComplete());
  }

  @Test
  void moves_inApplicationOrder_withOverlapFlags() {
    CompactionPlan plan = CompactionPlan.builder().add(10, 8, 3).add(20, 10, 10).build(false);

    assertEquals(
        List.of(new CompactionMove(10, 8, 3, true), new CompactionMove(20, 10, 10, false)),
        plan.moves());
    assertFalse(plan.isComplete());
    assertThrows(IndexOutOfBoundsException.class, () -> plan.moves().get(2));
  }

  @Test
  void builder_moreMovesThanItFirstHolds_keepsThemAllInOrder() {
    CompactionPlan.Builder builder = CompactionPlan.builder();
    List<CompactionMove> moves = new ArrayList<>();
    for (long i = 0; i < 20; i++) {
      builder.add(100 + 10 * i, i, 1);
      moves.add(CompactionMove.of(100 + 10 * i, i, 1));
    }

    CompactionPlan plan = builder.build(true);

    assertEquals(moves, plan.moves());
    assertEquals(20, plan.movedIndices());
    assertEquals(19, plan.translate(290));
    assertEquals("CompactionPlan[moves=20, moved=20, complete=true]", plan.toString());
  }

  @Test
  void builder_badMove_isRejected() {
    CompactionPlan.Builder builder = CompactionPlan.builder();

    assertThrows(IllegalArgumentException.class, () -> builder.add(4, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> builder.add(-1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> builder.add(Long.MAX_VALUE, 2, 1));
    assertEquals(0, builder.moveCount());
  }

  @Test
  void empty_movesNothing_andTranslatesToItself() {
    CompactionPlan plan = CompactionPlan.empty(true);

    assertEquals(List.of(), plan.moves());
    assertEquals(0, plan.movedIndices());
    assertEquals(7, plan.translate(7));
    assertThrows(IllegalArgumentException.class, () -> plan.translate(-1));
  }

  @Test
  void defaultCompact_fragmentedStrategyWithoutCompaction_throwsNamedException() {
    UnsupportedCompactionException thrown =
        assertThrows(
            UnsupportedCompactionException.class, () -> ReportedAllocator.healthy().compact(64, 2));

    assertEquals(
        "compact(64, 2): strategy reported does not support compaction", thrown.getMessage());
    assertEquals("reported", thrown.getStrategyName());
  }

  @Test
  void defaultCompact_nothingFragmented_returnsEmptyCompletePlan() {
    ReportedAllocator compact = new ReportedAllocator(20, List.of(new Region(0, 3)), 17, 0, false);

    CompactionPlan plan = compact.compact();

    assertTrue(plan.isComplete());
    assertEquals(List.of(), plan.moves());
  }

  @Test
  void defaultCompact_badInput_isRejectedBeforeAnythingElse() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> ReportedAllocator.healthy().compact(1, 0));

    assertEquals("compact(1, 0): granularity 0 is below 1", thrown.getMessage());
  }
}
