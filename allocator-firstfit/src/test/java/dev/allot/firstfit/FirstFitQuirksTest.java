package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked values for each rule and quirk of pyglet 2.1's allocator in {@code
 * docs/spec/semantics.md}. Each test builds its blocks with plain calls, then checks one decision.
 */
class FirstFitQuirksTest {

  private static Allocator allocator(long capacity) {
    return new FirstFitStrategy().create(capacity);
  }

  /** Builds the given blocks by allocating everything up to the last end, then freeing the gaps. */
  private static Allocator withBlocks(long capacity, long... startSizePairs) {
    Allocator allocator = allocator(capacity);
    long end =
        startSizePairs[startSizePairs.length - 2] + startSizePairs[startSizePairs.length - 1];
    allocator.alloc(end);
    long previousEnd = 0;
    for (int i = 0; i < startSizePairs.length; i += 2) {
      if (startSizePairs[i] > previousEnd) {
        allocator.dealloc(previousEnd, startSizePairs[i] - previousEnd);
      }
      previousEnd = startSizePairs[i] + startSizePairs[i + 1];
    }
    assertEquals(regions(startSizePairs), allocator.getAllocatedRegions());
    return allocator;
  }

  private static List<Region> regions(long... startSizePairs) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < startSizePairs.length; i += 2) {
      regions.add(new Region(startSizePairs[i], startSizePairs[i + 1]));
    }
    return regions;
  }

  @Test
  void alloc_zero_returnsZeroEvenWithNoCapacity() {
    Allocator allocator = allocator(0);
    assertEquals(0, allocator.alloc(0));
    assertEquals(List.of(), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_empty_tooBig_requestsSize() {
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator(5).alloc(8));
    assertEquals(8, e.getRequestedCapacity());
  }

  @Test
  void alloc_firstBlockStartsAfterSize_usesLeadingGap() {
    Allocator allocator = withBlocks(20, 3, 5);
    assertEquals(0, allocator.alloc(2));
    assertEquals(regions(0, 2, 3, 5), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_leadingGapExactlySize_isSkipped() {
    Allocator allocator = withBlocks(20, 3, 5);
    assertEquals(8, allocator.alloc(3));
    assertEquals(regions(3, 8), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_leadingGapExactlySize_isSkippedForALaterGap() {
    Allocator allocator = withBlocks(20, 3, 5, 12, 2);
    assertEquals(8, allocator.alloc(3));
    assertEquals(regions(3, 8, 12, 2), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_gapExactlySize_mergesBothBlocks() {
    Allocator allocator = withBlocks(20, 0, 4, 6, 4);
    assertEquals(4, allocator.alloc(2));
    assertEquals(regions(0, 10), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_gapLarger_growsBlockBeforeIt() {
    Allocator allocator = withBlocks(20, 0, 4, 9, 4);
    assertEquals(4, allocator.alloc(2));
    assertEquals(regions(0, 6, 9, 4), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_firstFittingGapWins_notTheTightest() {
    Allocator allocator = withBlocks(40, 0, 2, 10, 2, 14, 2);
    assertEquals(2, allocator.alloc(2));
    assertEquals(regions(0, 4, 10, 2, 14, 2), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_tailExactlySize_fillsToCapacity() {
    Allocator allocator = withBlocks(10, 0, 4);
    assertEquals(4, allocator.alloc(6));
    assertEquals(regions(0, 10), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_noGapNorTailFits_requestsLastEndPlusSize() {
    Allocator allocator = withBlocks(10, 0, 3, 5, 2);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(5));
    assertEquals(12, e.getRequestedCapacity());
    assertEquals(3, e.getLargestFreeHole());
    assertEquals(2, e.getFragmentedFreeSize());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(7, allocator.alloc(5));
  }

  @Test
  void dealloc_prefixMiddleSuffix_trimOrSplitTheBlock() {
    Allocator allocator = withBlocks(20, 0, 12);
    allocator.dealloc(0, 2);
    assertEquals(regions(2, 10), allocator.getAllocatedRegions());
    allocator.dealloc(10, 2);
    assertEquals(regions(2, 8), allocator.getAllocatedRegions());
    allocator.dealloc(4, 3);
    assertEquals(regions(2, 2, 7, 3), allocator.getAllocatedRegions());
  }

  @Test
  void dealloc_zeroSize_changesNothingWhateverTheStart() {
    Allocator allocator = withBlocks(20, 0, 4);
    allocator.dealloc(17, 0);
    assertEquals(regions(0, 4), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_sameSizeEndingItsLastBlock_staysInPlace() {
    Allocator allocator = withBlocks(20, 0, 4);
    assertEquals(0, allocator.realloc(0, 4, 4));
    assertEquals(regions(0, 4), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_sameSizeEndingAtCapacity_failsWithMemory() {
    Allocator allocator = withBlocks(10, 0, 10);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(0, 10, 10));
    assertEquals(20, e.getRequestedCapacity());
    assertEquals(regions(0, 10), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_sameSizeNotEndingItsBlock_moves() {
    Allocator allocator = withBlocks(20, 0, 6);
    assertEquals(6, allocator.realloc(0, 3, 3));
    assertEquals(regions(3, 6), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_growLastToExactlyCapacity_failsWithMemory() {
    Allocator allocator = withBlocks(10, 0, 5);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(0, 5, 10));
    assertEquals(15, e.getRequestedCapacity());
    assertEquals(regions(0, 5), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_growFillingGapExactly_mergesWithNextBlock() {
    Allocator allocator = withBlocks(20, 0, 4, 6, 4);
    assertEquals(0, allocator.realloc(0, 4, 6));
    assertEquals(regions(0, 10), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_growIntoLargerGap_growsInPlace() {
    Allocator allocator = withBlocks(20, 0, 4, 8, 2);
    assertEquals(0, allocator.realloc(0, 4, 6));
    assertEquals(regions(0, 6, 8, 2), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_regionInsideBlock_relocatesBeforeFreeing() {
    Allocator allocator = withBlocks(20, 0, 4, 6, 4);
    assertEquals(10, allocator.realloc(0, 2, 3));
    assertEquals(regions(2, 2, 6, 7), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_shrink_freesTheTail() {
    Allocator allocator = withBlocks(20, 0, 10);
    assertEquals(2, allocator.realloc(2, 4, 1));
    assertEquals(regions(0, 3, 6, 4), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_fromZeroSize_allocatesIgnoringStart() {
    Allocator allocator = withBlocks(20, 0, 4);
    assertEquals(4, allocator.realloc(99, 0, 3));
    assertEquals(regions(0, 7), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_toZero_freesAndReturnsZero() {
    Allocator allocator = withBlocks(20, 0, 4, 6, 4);
    assertEquals(0, allocator.realloc(6, 4, 0));
    assertEquals(regions(0, 4), allocator.getAllocatedRegions());
  }

  @Test
  void setCapacity_sameValue_changesNothing() {
    Allocator allocator = withBlocks(20, 0, 4);
    allocator.setCapacity(20);
    assertEquals(20, allocator.getCapacity());
  }

  @Test
  void metrics_countTheLeadingGap() {
    Allocator allocator = withBlocks(10, 2, 3);
    assertEquals(7, allocator.getFreeSize());
    assertEquals(2, allocator.getFragmentedFreeSize());
    assertEquals(0.3, allocator.getUsage(), 1e-12);
    assertEquals(2.0 / 7, allocator.getFragmentation(), 1e-12);
    assertEquals(5, allocator.getLargestFreeHole());
  }

  @Test
  void metrics_emptyAndFull_areZeroWhereUndefined() {
    Allocator empty = allocator(0);
    assertEquals(0.0, empty.getUsage());
    assertEquals(0.0, empty.getFragmentation());
    Allocator full = withBlocks(4, 0, 4);
    assertEquals(1.0, full.getUsage());
    assertEquals(0.0, full.getFragmentation());
    assertEquals(0, full.getLargestFreeHole());
  }

  @Test
  void toString_namesStrategyCapacityAndBlocks() {
    Allocator allocator = new FirstFitStrategy().create(6);
    allocator.alloc(4);
    allocator.dealloc(1, 2);
    assertEquals("first-fit", new FirstFitStrategy().toString());
    assertEquals("first-fit[capacity=6, blocks=0:1,3:1]", allocator.toString());
  }
}
