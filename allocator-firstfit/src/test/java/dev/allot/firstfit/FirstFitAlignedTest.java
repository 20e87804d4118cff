package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.trace.ReplayFormat;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked cases of the aligned rules of {@code docs/spec/semantics.md} ("Aligned allocation")
 * on first-fit: the first hole in address order where {@code up(holeStart) + size} fits, with no
 * pyglet quirk. The maps in comments are {@code #} used, {@code -} free.
 */
class FirstFitAlignedTest {

  /** Builds an allocator whose blocks are exactly {@code layout}'s {@code #} runs. */
  private static Allocator layout(String layout) {
    return layout(new FirstFitAllocator(layout.length()), layout);
  }

  private static Allocator layout(Allocator allocator, String layout) {
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
  void alloc_leadingGapExactlySize_isUsedWithoutThePygletQuirk() {
    assertEquals(8, layout("----####--------").alloc(4)); // alignment 1 keeps the quirk
    Allocator allocator = layout("----####--------");
    assertEquals(0, allocator.alloc(4, 2));
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void alloc_padding_staysFree() {
    Allocator allocator = layout("###-------------");
    assertEquals(8, allocator.alloc(4, 8));
    assertEquals("0:3,8:4", blocks(allocator));
    assertEquals(5, allocator.getFragmentedFreeSize());
  }

  @Test
  void alloc_gapLongEnoughButPaddingDoesNotFit_takesTheNextGapThatFits() {
    // [1, 4) holds 3 but up(1) = 4 leaves no room; [9, 12) is too short; [13, 24) fits at 16
    Allocator allocator = layout("#---#####---#-----------");
    assertEquals(16, allocator.alloc(3, 8));
    assertEquals("0:1,4:5,12:1,16:3", blocks(allocator));
  }

  @Test
  void alloc_alignedRegionEndsAtTheNextBlock_joinsIt() {
    Allocator allocator = layout("#-------####----");
    assertEquals(4, allocator.alloc(4, 4));
    assertEquals("0:1,4:8", blocks(allocator));
  }

  @Test
  void alloc_alignedStartIsTheGapStart_growsTheBlockBefore() {
    Allocator allocator = layout("####-------#----");
    assertEquals(4, allocator.alloc(2, 4));
    assertEquals("0:6,11:1", blocks(allocator));
  }

  @Test
  void alloc_exactGapAtAlignedStart_mergesThreeBlocks() {
    Allocator allocator = layout("######---#------");
    assertEquals(6, allocator.alloc(3, 3));
    assertEquals("0:10", blocks(allocator));
  }

  @Test
  void alloc_alignmentThree_startsOnAMultipleOfThree() {
    Allocator allocator = layout("#---------------");
    assertEquals(3, allocator.alloc(3, 3)); // a triangle: padding [1, 3)
    assertEquals(6, allocator.alloc(3, 3)); // touches the previous region: one block
    assertEquals("0:1,3:6", blocks(allocator));
  }

  @Test
  void alloc_tailFilledExactly_isUsed() {
    Allocator allocator = layout("#####---");
    assertEquals(6, allocator.alloc(2, 2));
    assertEquals("0:5,6:2", blocks(allocator));
  }

  @Test
  void alloc_noHoleFits_requestsTheAlignedEndOfTheLastBlockPlusSize() {
    Allocator allocator = layout("#####---");
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(4, 4));
    assertEquals(12, e.getRequestedCapacity()); // up(5) = 8, + 4
    assertEquals("0:5", blocks(allocator));
    allocator.setCapacity(12);
    assertEquals(8, allocator.alloc(4, 4));
  }

  @Test
  void alloc_noBlocks_requestsTheSize() {
    AllocatorMemoryException e =
        assertThrows(
            AllocatorMemoryException.class, () -> new FirstFitAllocator(10).alloc(20, 256));
    assertEquals(20, e.getRequestedCapacity());
  }

  @Test
  void alloc_alignedEndPastMaxValue_isInvalidAndChangesNothing() {
    Allocator allocator = new FirstFitAllocator(Long.MAX_VALUE);
    allocator.alloc(Long.MAX_VALUE - 1);
    long alignment = 1L << 62;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(1, alignment));
    assertEquals(
        "alloc(1, 4611686018427387904): 9223372036854775806 aligned up to 4611686018427387904"
            + " exceeds 9223372036854775807",
        e.getMessage());
    assertEquals("0:9223372036854775806", blocks(allocator));
  }

  @Test
  void alloc_largeAlignmentThatFits_startsAtItsMultiple() {
    Allocator allocator = new FirstFitAllocator(Long.MAX_VALUE);
    allocator.alloc(5);
    long alignment = Long.MAX_VALUE / 2; // 2^62 - 1, not a power of two
    assertEquals(alignment, allocator.alloc(10, alignment));
    assertEquals(2 * alignment, allocator.alloc(1, alignment)); // ends at Long.MAX_VALUE
    assertEquals("0:5,4611686018427387903:10,9223372036854775806:1", blocks(allocator));
  }

  @Test
  void alloc_badAlignment_isInvalidNamingTheCall() {
    Allocator allocator = layout("##--");
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(1, 0));
    assertEquals("alloc(1, 0): alignment 0 is below 1", zero.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(0, 2, 3, -4));
    assertEquals("realloc(0, 2, 3, -4): negative number -4", negative.getMessage());
    assertEquals("0:2", blocks(allocator));
  }

  @Test
  void realloc_unalignedStartShrinking_movesToAnAlignedStart() {
    Allocator allocator = layout("########--------");
    assertEquals(8, allocator.realloc(3, 5, 2, 4)); // 3 is not a multiple of 4
    assertEquals("0:3,8:2", blocks(allocator));
  }

  @Test
  void realloc_alignedStartShrinking_freesTheSuffix() {
    Allocator allocator = layout("########--------");
    assertEquals(4, allocator.realloc(4, 4, 1, 4));
    assertEquals("0:5", blocks(allocator));
  }

  @Test
  void realloc_alignedSameSizeNotEndingItsBlock_staysWherePygletWouldMove() {
    Allocator allocator = layout("########--------");
    assertEquals(8, allocator.realloc(0, 4, 4)); // alignment 1: pyglet moves it into the tail...
    Allocator aligned = layout("########--------");
    assertEquals(0, aligned.realloc(0, 4, 4, 4)); // ...an aligned same-size call stays
    assertEquals("0:8", blocks(aligned));
  }

  @Test
  void realloc_growingIntoTheWholeTail_growsInPlaceWherePygletFails() {
    Allocator unaligned = layout("#####-----");
    assertEquals(
        15,
        assertThrows(AllocatorMemoryException.class, () -> unaligned.realloc(0, 5, 10))
            .getRequestedCapacity());
    Allocator allocator = layout("#####-----");
    assertEquals(0, allocator.realloc(0, 5, 10, 5));
    assertEquals("0:10", blocks(allocator));
  }

  @Test
  void realloc_growingIntoAnExactGap_mergesWithTheNextBlock() {
    Allocator allocator = layout("####--##");
    assertEquals(0, allocator.realloc(0, 4, 6, 2));
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void realloc_unalignedStart_movesEvenWhenItCouldGrowInPlace() {
    Allocator allocator = layout("###-------------");
    assertEquals(4, allocator.realloc(1, 2, 3, 4));
    assertEquals("0:1,4:3", blocks(allocator));
  }

  @Test
  void alloc_manyGapsFailingOnPadding_tinyNodes_searchCrossesLeavesAndBranches() {
    // 200 blocks [8k + 1, 8k + 7): each gap [8k + 7, 8k + 9) holds 2 but up(8k + 7) = 8k + 8
    // leaves room for 1 only; block 151 starts one later, so that the gap before it fits.
    int blocks = 200;
    Allocator allocator = new FirstFitAllocator(new GapTree(8L * blocks + 1, 2, 4));
    StringBuilder map = new StringBuilder();
    for (int k = 0; k < blocks; k++) {
      map.append(k == 151 ? "--#####-" : "-######-");
    }
    layout(allocator, map.append('-').toString());
    assertEquals(8 * 151, allocator.alloc(2, 8));
    assertEquals(new Region(8 * 151, 7), allocator.getAllocatedRegions().get(151));
    assertEquals(blocks, allocator.getAllocatedRegions().size());
  }

  @Test
  void alloc_alignmentOne_isTheUnalignedCall() {
    Allocator unaligned = layout("#--#---#--------");
    Allocator aligned = layout("#--#---#--------");
    for (long size : new long[] {2, 3, 1, 4}) {
      assertEquals(unaligned.alloc(size), aligned.alloc(size, 1));
    }
    assertEquals(unaligned.getAllocatedRegions(), aligned.getAllocatedRegions());
  }
}
