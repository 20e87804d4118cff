package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.trace.ReplayFormat;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked cases of the aligned rules of {@code docs/spec/semantics.md} ("Aligned allocation")
 * on best-fit: the smallest hole where {@code up(holeStart) + size} fits, lowest start on a tie.
 * The maps in comments are {@code #} used, {@code -} free.
 */
class BestFitAlignedTest {

  /** Builds an allocator whose blocks are exactly {@code layout}'s {@code #} runs. */
  private static Allocator layout(String layout) {
    Allocator allocator = new BestFitStrategy().create(layout.length());
    allocator.alloc(layout.length());
    for (int i = 0; i < layout.length(); i++) {
      if (layout.charAt(i) == '-') {
        allocator.dealloc(i, 1);
      }
    }
    return allocator;
  }

  private static String blocks(Allocator allocator) {
    return ReplayFormat.appendRegions(new StringBuilder(), allocator.getAllocatedRegions())
        .toString();
  }

  @Test
  void alloc_smallestHoleFailsOnPadding_takesTheSmallestThatFits() {
    // holes [1, 4) (3), [5, 9) (4), [10, 16) (6): for 2 at 4, [1, 4) has no room after up(1) = 4
    Allocator allocator = layout("#---#----#------");
    assertEquals(1, layout("#---#----#------").alloc(2)); // unaligned: the smallest hole
    assertEquals(8, allocator.alloc(1, 4)); // [5, 9): up(5) = 8, room for 1
    assertEquals(12, allocator.alloc(2, 4)); // [5, 8) now fails; [10, 16) at 12
    assertEquals("0:1,4:1,8:2,12:2", blocks(allocator));
  }

  @Test
  void alloc_equalHolesThatFit_takesTheLowestStart() {
    Allocator allocator = layout("#---#---#---#---");
    assertEquals(2, allocator.alloc(2, 2));
    assertEquals("0:1,2:3,8:1,12:1", blocks(allocator));
  }

  @Test
  void alloc_padding_staysAHoleThatLaterCallsCanUse() {
    Allocator allocator = layout("###-------------");
    assertEquals(8, allocator.alloc(8, 8));
    assertEquals(3, allocator.alloc(5)); // the padding [3, 8) is the smallest hole now
    assertEquals("0:16", blocks(allocator));
  }

  @Test
  void alloc_alignedRegionEndsAtTheNextBlock_joinsIt() {
    Allocator allocator = layout("#-------####--");
    assertEquals(4, allocator.alloc(4, 4)); // [1, 8) is the only hole long enough
    assertEquals("0:1,4:8", blocks(allocator));
  }

  @Test
  void alloc_leadingGapExactly_isUsed() {
    Allocator allocator = layout("------##-------------");
    assertEquals(0, allocator.alloc(6, 3));
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void alloc_noHoleFits_requestsTheAlignedEndOfTheLastBlockPlusSize() {
    Allocator allocator = layout("#--#####---");
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(3, 5));
    assertEquals(13, e.getRequestedCapacity()); // up(8) = 10, + 3
    assertEquals("0:1,3:5", blocks(allocator));
    allocator.setCapacity(13);
    assertEquals(10, allocator.alloc(3, 5));
  }

  @Test
  void alloc_requestedCapacityPastMaxValue_isInvalidAndChangesNothing() {
    Allocator allocator = new BestFitStrategy().create(10);
    allocator.alloc(3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(2, Long.MAX_VALUE));
    assertEquals(
        "alloc(2, 9223372036854775807): 9223372036854775807 + 2 exceeds 9223372036854775807",
        e.getMessage());
    assertEquals("0:3", blocks(allocator));
  }

  @Test
  void realloc_unalignedStartShrinking_movesToAnAlignedStart() {
    Allocator allocator = layout("#####-----------");
    assertEquals(8, allocator.realloc(1, 4, 3, 8));
    assertEquals("0:1,8:3", blocks(allocator));
  }

  @Test
  void realloc_alignedStartGrowing_growsIntoTheHoleAfter() {
    Allocator allocator = layout("####--##--------");
    assertEquals(0, allocator.realloc(0, 4, 6, 4));
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void alloc_manyHolesFailingOnPadding_acrossLeaves_findsTheOneThatFits() {
    // 300 holes of length 5 at 8k + 3 ([8k + 3, 8k + 8): up = 8k + 8 leaves no room), then one
    // of length 5 at 2408 that fits 2 at its start: more holes of that length than a leaf holds
    StringBuilder map = new StringBuilder();
    for (int k = 0; k < 300; k++) {
      map.append("###-----");
    }
    String layout = map.append("########-----###").toString();
    Allocator allocator = layout(layout);
    assertEquals(2408, allocator.alloc(2, 8));
    assertEquals(3, layout(layout).alloc(2)); // unaligned: the first of the equal holes
  }

  @Test
  void alloc_unalignedAfterOnlyAlignedCalls_findsThePaddingHoles() {
    Allocator allocator = new BestFitStrategy().create(64);
    assertEquals(0, allocator.alloc(5, 16));
    assertEquals(16, allocator.alloc(10, 16));
    assertEquals(32, allocator.alloc(16, 16)); // holes: [5, 16) and [26, 32), padding; [48, 64)

    assertEquals(48, allocator.alloc(3, 16)); // no padding hole holds a multiple of 16
    assertEquals(13, allocator.getLargestFreeHole()); // [51, 64)
    assertEquals(26, allocator.alloc(6)); // the smallest hole: padding [26, 32), exactly
    assertEquals(5, allocator.alloc(11));
    assertEquals(51, allocator.alloc(2, 3)); // [51, 64) holds 51, a multiple of 3
    assertEquals("0:53", blocks(allocator));
  }

  @Test
  void getLargestFreeHole_onlyPaddingLeft_countsTheLongestPadding() {
    Allocator allocator = new BestFitStrategy().create(48);
    allocator.alloc(3, 16);
    allocator.alloc(9, 16);
    allocator.alloc(14, 16); // padding [3, 16), [25, 32), [46, 48)

    assertEquals(13, allocator.getLargestFreeHole());
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(1, 16));
    assertEquals(13, e.getLargestFreeHole());
    assertEquals(49, e.getRequestedCapacity());
    allocator.dealloc(0, 3); // [0, 16) is free and holds 0
    assertEquals(0, allocator.alloc(16, 16));
    assertEquals(7, allocator.getLargestFreeHole());
  }
}
