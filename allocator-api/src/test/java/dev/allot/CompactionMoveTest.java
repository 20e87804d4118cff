package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One move of a compaction plan: its checks, its overlap flag, and what it translates. */
class CompactionMoveTest {

  @Test
  void of_keepsTheRangesAndComputesTheOverlap() {
    CompactionMove move = CompactionMove.of(10, 7, 4);

    assertEquals(10, move.from());
    assertEquals(7, move.to());
    assertEquals(4, move.size());
    assertTrue(move.overlapping());
    assertEquals(new CompactionMove(10, 7, 4, true), move);
    assertEquals(new CompactionMove(10, 7, 4, true).hashCode(), move.hashCode());
    assertNotEquals(new CompactionMove(10, 7, 4, false), move);
    assertEquals("CompactionMove[from=10, to=7, size=4, overlapping=true]", move.toString());
  }

  @Test
  void of_rangesThatTouchOrShareOneIndex_areToldApart() {
    assertFalse(CompactionMove.of(10, 6, 4).overlapping()); // [6, 10) ends where [10, 14) starts
    assertTrue(CompactionMove.of(10, 7, 4).overlapping()); // both hold 10
    assertFalse(CompactionMove.of(6, 10, 4).overlapping()); // upwards, touching
    assertTrue(CompactionMove.of(7, 10, 4).overlapping());
    assertFalse(CompactionMove.of(0, Long.MAX_VALUE - 1, 1).overlapping());
  }

  @Test
  void moves_isTrueExactlyInsideTheSource() {
    CompactionMove move = CompactionMove.of(10, 2, 3);

    assertFalse(move.moves(9));
    assertTrue(move.moves(10));
    assertTrue(move.moves(12));
    assertFalse(move.moves(13));
    assertFalse(move.moves(Long.MAX_VALUE));
    assertFalse(move.moves(Long.MIN_VALUE));
  }

  @Test
  void translate_shiftsByTheDistance() {
    CompactionMove down = CompactionMove.of(10, 2, 3);
    CompactionMove up = CompactionMove.of(2, 10, 3);

    assertEquals(2, down.translate(10));
    assertEquals(4, down.translate(12));
    assertEquals(12, up.translate(4));
  }

  @Test
  void constructor_badRange_isRejectedNamingTheValues() {
    long max = Long.MAX_VALUE;
    for (long[] bad :
        new long[][] {
          {-1, 0, 1}, {0, -1, 1}, {0, 1, 0}, {0, 1, -1}, {max, 0, 1}, {0, max, 1}, {max - 1, 0, 2}
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new CompactionMove(bad[0], bad[1], bad[2], false));
      assertEquals(
          "CompactionMove("
              + bad[0]
              + ", "
              + bad[1]
              + ", "
              + bad[2]
              + "): starts must be >= 0, size > 0 and both ends must fit in a long",
          e.getMessage());
    }
  }

  @Test
  void constructor_rangesEndingAtLongMax_areAccepted() {
    long max = Long.MAX_VALUE;

    assertEquals(max - 1, new CompactionMove(max - 1, 0, 1, false).from());
    assertEquals(max - 1, new CompactionMove(0, max - 1, 1, false).to());
    assertEquals(max, new CompactionMove(0, 0, max, true).size());
  }
}
