package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.fixture.TreeMapAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The skeleton's rules for aligned calls ({@code docs/spec/semantics.md}, "Aligned allocation"),
 * checked on the obvious {@link TreeMapAllocator}: the order of the realloc rules, which start
 * counts as aligned, the requested capacity of a failure and its overflow, the messages, and the
 * refusal of a strategy without alignment.
 */
class AbstractAllocatorAlignedTest {

  /** Blocks 0:3 and 8:4 in capacity 32. */
  private static AbstractAllocator sample() {
    AbstractAllocator allocator = new TreeMapAllocator(32);
    allocator.alloc(12);
    allocator.dealloc(3, 5);
    return allocator;
  }

  private static List<Region> regions(long... startSizePairs) {
    Region[] regions = new Region[startSizePairs.length / 2];
    for (int i = 0; i < regions.length; i++) {
      regions[i] = new Region(startSizePairs[2 * i], startSizePairs[2 * i + 1]);
    }
    return List.of(regions);
  }

  /**
   * The predicate a good-fit strategy asks before it gives up on an aligned call: exactly when the
   * failure would be bad input (the needed capacity up(lastEnd) + size past Long.MAX_VALUE).
   */
  @Test
  void neededCapacityOverflows_atTheEdgesOfLongMax_matchesTheFailureTheCallWouldMake() {
    AbstractAllocator allocator = sample(); // last end 12
    long max = Long.MAX_VALUE;

    assertEquals(false, allocator.neededCapacityOverflows(max - 12, 1)); // needs exactly MAX
    assertEquals(true, allocator.neededCapacityOverflows(max - 11, 1));
    assertEquals(false, allocator.neededCapacityOverflows(max - 16, 16)); // up(12) = 16
    assertEquals(true, allocator.neededCapacityOverflows(max - 15, 16));
    assertEquals(true, allocator.neededCapacityOverflows(1, max)); // up(12) overflows
    assertEquals(false, new TreeMapAllocator(4).neededCapacityOverflows(1, max)); // up(0) = 0
  }

  @Test
  void alloc_aligned_startsAtAMultipleAndCountsOnlyTheRegion() {
    AbstractAllocator allocator = sample();
    assertEquals(4, allocator.alloc(2, 4)); // [3, 8): up(3) = 4
    assertEquals(regions(0, 3, 4, 2, 8, 4), allocator.getAllocatedRegions());
    assertEquals(32 - 9, allocator.getFreeSize()); // the padding [3, 4) is free
    assertEquals(3, allocator.getFragmentedFreeSize());
  }

  @Test
  void alloc_alignmentOne_isThePlainPlacement() {
    AbstractAllocator allocator = sample();
    assertEquals(3, allocator.alloc(2, 1));
    assertEquals(regions(0, 5, 8, 4), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_sizeZero_returnsZeroAndChangesNothing() {
    AbstractAllocator allocator = sample();
    assertEquals(0, allocator.alloc(0, 64));
    assertEquals(regions(0, 3, 8, 4), allocator.getAllocatedRegions());
    assertEquals(25, allocator.getFreeSize());
  }

  @Test
  void alloc_noHoleFits_requestsTheAlignedLastEndPlusSize() {
    AbstractAllocator allocator = sample();
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(20, 16));
    assertEquals(36, e.getRequestedCapacity()); // up(12) = 16, + 20
    assertEquals(20, e.getLargestFreeHole());
    assertEquals(5, e.getFragmentedFreeSize());
    allocator.setCapacity(36);
    assertEquals(16, allocator.alloc(20, 16));
  }

  @Test
  void alloc_neededCapacityPastLongMax_isInvalidNamingBothNumbers() {
    AbstractAllocator allocator = sample();
    IllegalArgumentException sum =
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(40, Long.MAX_VALUE));
    assertEquals(
        "alloc(40, 9223372036854775807): 9223372036854775807 + 40 exceeds 9223372036854775807",
        sum.getMessage());
    AbstractAllocator full = new TreeMapAllocator(Long.MAX_VALUE);
    full.alloc(Long.MAX_VALUE - 1);
    IllegalArgumentException rounding =
        assertThrows(IllegalArgumentException.class, () -> full.alloc(1, 4));
    assertEquals(
        "alloc(1, 4): 9223372036854775806 aligned up to 4 exceeds 9223372036854775807",
        rounding.getMessage());
    assertEquals(regions(0, Long.MAX_VALUE - 1), full.getAllocatedRegions());
  }

  @Test
  void alloc_badNumbers_areInvalidWithTheCallAsMade() {
    AbstractAllocator allocator = sample();
    assertEquals(
        "alloc(3, 0): alignment 0 is below 1",
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(3, 0)).getMessage());
    assertEquals(
        "alloc(-3, 2): negative number -3",
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(-3, 2)).getMessage());
    assertEquals(regions(0, 3, 8, 4), allocator.getAllocatedRegions());
  }

  @Test
  void alignedCalls_strategyWithoutAlignment_refuseNamingItAndChangeNothing() {
    AbstractAllocator allocator =
        new TreeMapAllocator(32) {
          @Override
          protected boolean supportsAlignment() {
            return false;
          }
        };
    allocator.alloc(3);
    UnsupportedAlignmentException alloc =
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(0, 2));
    assertEquals(
        "alloc(0, 2): strategy tree-map does not support alignment above 1", alloc.getMessage());
    UnsupportedAlignmentException realloc =
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.realloc(0, 3, 0, 2));
    assertEquals("tree-map", realloc.getStrategyName());
    assertEquals(regions(0, 3), allocator.getAllocatedRegions());
    assertEquals(3, allocator.alloc(2, 1)); // alignment 1 needs no support
    assertEquals(0, allocator.realloc(0, 5, 1, 1));
  }

  @Test
  void realloc_newSizeZero_freesTheRegionAnyAlignment() {
    AbstractAllocator allocator = sample();
    assertEquals(0, allocator.realloc(9, 3, 0, 4));
    assertEquals(0, allocator.realloc(5, 0, 0, 4)); // nothing to free
    assertEquals(regions(0, 3, 8, 1), allocator.getAllocatedRegions());
    assertEquals(28, allocator.getFreeSize());
  }

  @Test
  void realloc_sizeZero_isAnAlignedAlloc() {
    AbstractAllocator allocator = sample();
    assertEquals(16, allocator.realloc(31, 0, 5, 16)); // the start is ignored
    assertEquals(regions(0, 3, 8, 4, 16, 5), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_shrinkAtAnAlignedStart_freesTheSuffix() {
    AbstractAllocator allocator = sample();
    assertEquals(8, allocator.realloc(8, 4, 1, 8));
    assertEquals(regions(0, 3, 8, 1), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_shrinkAtAnUnalignedStart_moves() {
    AbstractAllocator allocator = sample();
    assertEquals(4, allocator.realloc(9, 3, 2, 4)); // 9 is not a multiple of 4
    assertEquals(regions(0, 3, 4, 2, 8, 1), allocator.getAllocatedRegions());
    assertEquals(32 - 6, allocator.getFreeSize());
  }

  @Test
  void realloc_sameSizeAtAnAlignedStart_stays() {
    AbstractAllocator allocator = sample();
    assertEquals(8, allocator.realloc(8, 2, 2, 8)); // does not end its block, still stays
    assertEquals(0, allocator.realloc(0, 3, 3)); // unaligned: kept by default too
    assertEquals(regions(0, 3, 8, 4), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_growAtAnAlignedStartEndingItsBlock_growsInPlace() {
    AbstractAllocator allocator = sample();
    assertEquals(8, allocator.realloc(8, 4, 24, 4)); // into the whole tail
    assertEquals(regions(0, 3, 8, 24), allocator.getAllocatedRegions());
    assertEquals(5, allocator.getFreeSize());
  }

  @Test
  void realloc_growNotEndingItsBlockOrUnaligned_moves() {
    AbstractAllocator allocator = sample();
    assertEquals(16, allocator.realloc(8, 2, 3, 8)); // [8, 10) does not end the block 8:4
    assertEquals(regions(0, 3, 10, 2, 16, 3), allocator.getAllocatedRegions());
    assertEquals(4, allocator.realloc(10, 2, 4, 4)); // ends its block but 10 is not aligned
    assertEquals(regions(0, 3, 4, 4, 16, 3), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_moveFindsNoRoom_failsForMemoryAndChangesNothing() {
    AbstractAllocator allocator = sample();
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(1, 2, 30, 2));
    assertEquals(42, e.getRequestedCapacity()); // up(12) + 30, the old region still counted
    assertEquals(regions(0, 3, 8, 4), allocator.getAllocatedRegions());
    assertEquals(25, allocator.getFreeSize());
  }

  @Test
  void realloc_badInput_namesTheCallAsMadeAndChangesNothing() {
    AbstractAllocator allocator = sample();
    assertEquals(
        "realloc(3, 2, 4, 2): region [3, 5) is not allocated",
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(3, 2, 4, 2))
            .getMessage());
    assertEquals(
        "realloc(3, 2, 4): region [3, 5) is not allocated",
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(3, 2, 4))
            .getMessage());
    assertEquals(
        "realloc(2, 2, 1, 2): region [3, 4) is not allocated",
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(2, 2, 1, 2))
            .getMessage());
    assertEquals(
        "realloc(1, 3, 0, 5): region [1, 4) is not allocated",
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(1, 3, 0, 5))
            .getMessage());
    assertEquals(
        "realloc(9223372036854775807, 2, 1, 1): 9223372036854775807 + 2 exceeds"
            + " 9223372036854775807",
        assertThrows(
                IllegalArgumentException.class, () -> allocator.realloc(Long.MAX_VALUE, 2, 1, 1))
            .getMessage());
    assertEquals(
        "realloc(0, 3, 4, 0): alignment 0 is below 1",
        assertThrows(IllegalArgumentException.class, () -> allocator.realloc(0, 3, 4, 0))
            .getMessage());
    assertEquals(
        "realloc(0, 3, 9223372036854775807, 2): 12 + 9223372036854775807 exceeds"
            + " 9223372036854775807",
        assertThrows(
                IllegalArgumentException.class, () -> allocator.realloc(0, 3, Long.MAX_VALUE, 2))
            .getMessage());
    assertEquals(regions(0, 3, 8, 4), allocator.getAllocatedRegions());
    assertEquals(25, allocator.getFreeSize());
  }
}
