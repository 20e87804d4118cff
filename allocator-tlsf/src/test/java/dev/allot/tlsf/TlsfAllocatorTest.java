package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.Region;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The good-fit placement, the chunk bookkeeping behind dealloc, and in-place growth. */
class TlsfAllocatorTest {

  private static Allocator create(long capacity) {
    return new TlsfStrategy().create(capacity);
  }

  private static List<Region> blocks(Region... regions) {
    return List.of(regions);
  }

  @Test
  void alloc_fresh_placesFromZeroUp() {
    Allocator allocator = create(100);
    assertEquals(0, allocator.alloc(10));
    assertEquals(10, allocator.alloc(5));
    assertEquals(blocks(new Region(0, 15)), allocator.getAllocatedRegions());
    assertEquals(85, allocator.getLargestFreeHole());
  }

  @Test
  void alloc_holesOfSeveralClasses_takesTheLowestClassThatFits() {
    Allocator allocator = create(100);
    allocator.alloc(10); // 0
    allocator.alloc(1); // 10
    allocator.alloc(20); // 11
    allocator.alloc(1); // 31
    allocator.alloc(5); // 32
    allocator.alloc(1); // 37
    allocator.dealloc(11, 20);
    allocator.dealloc(0, 10);
    allocator.dealloc(32, 5);
    // holes 0:10, 11:20, 32:5 and the tail 38:62: 5 is too short, 10 is the lowest class above 6
    assertEquals(0, allocator.alloc(6));
    assertEquals(6, allocator.alloc(4));
    assertEquals(32, allocator.alloc(5));
  }

  @Test
  void alloc_twoHolesOfOneClass_takesTheOneFreedLast() {
    Allocator allocator = create(100);
    for (int i = 0; i < 4; i++) {
      allocator.alloc(4); // 0, 4, 8, 12
    }
    allocator.dealloc(0, 4);
    allocator.dealloc(8, 4);
    assertEquals(8, allocator.alloc(4));
    assertEquals(0, allocator.alloc(4));
  }

  @Test
  void alloc_lengthBetweenClassBounds_skipsItsOwnClassWhileAHigherOneIsOccupied() {
    Allocator allocator = create(300);
    allocator.alloc(65); // 0; class [64, 66)
    allocator.alloc(1); // 65
    allocator.dealloc(0, 65);
    // the hole 0:65 would fit, but its class also holds 64: good fit takes the tail 66:234
    assertEquals(66, allocator.alloc(65));
  }

  @Test
  void alloc_noHigherClass_triesTheFirstHoleOfItsOwnClass() {
    Allocator allocator = create(132);
    allocator.alloc(65); // 0
    allocator.alloc(1); // 65
    allocator.alloc(64); // 66, leaves the tail 130:2
    allocator.dealloc(0, 65);
    assertEquals(0, allocator.alloc(65));
  }

  @Test
  void alloc_noRoom_requestsTheCapacityWhoseTailFits() {
    Allocator allocator = create(150);
    allocator.alloc(65); // 0
    allocator.alloc(1); // 65
    allocator.alloc(64); // 66, leaves the tail 130:20
    allocator.dealloc(0, 64); // a hole of 64, class [64, 66): too short for 65
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(65));
    assertEquals(195, e.getRequestedCapacity());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(130, allocator.alloc(65));
  }

  @Test
  void alloc_emptyCapacityRaised_usesTheNewChunk() {
    Allocator allocator = create(0);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(3));
    assertEquals(3, e.getRequestedCapacity());
    allocator.setCapacity(5);
    assertEquals(0, allocator.alloc(5));
    assertEquals(0, allocator.getFreeSize());
  }

  @Test
  void setCapacity_freeTail_lengthensIt() {
    Allocator allocator = create(10);
    allocator.alloc(4);
    allocator.setCapacity(20);
    assertEquals(16, allocator.getLargestFreeHole());
    assertEquals(4, allocator.alloc(16));
  }

  @Test
  void dealloc_middleOfARegion_leavesBothEnds() {
    Allocator allocator = create(20);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.dealloc(3, 4); // neither end is where a chunk starts: found by walking
    assertEquals(blocks(new Region(0, 3), new Region(7, 13)), allocator.getAllocatedRegions());
    allocator.dealloc(0, 3);
    allocator.dealloc(7, 13);
    assertTrue(allocator.isEmpty());
    assertEquals(20, allocator.getLargestFreeHole());
  }

  @Test
  void dealloc_suffixOfARegion_isFoundByItsEnd() {
    Allocator allocator = create(30);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.dealloc(5, 5);
    assertEquals(blocks(new Region(0, 5), new Region(10, 10)), allocator.getAllocatedRegions());
    assertEquals(5, allocator.alloc(5));
    assertEquals(blocks(new Region(0, 20)), allocator.getAllocatedRegions());
  }

  @Test
  void dealloc_rangeOverTwoPlacements_freesAcrossThem() {
    Allocator allocator = create(8);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.dealloc(2, 4);
    assertEquals(blocks(new Region(0, 2), new Region(6, 2)), allocator.getAllocatedRegions());
    assertEquals(2, allocator.alloc(4));
  }

  @Test
  void dealloc_rangeReachingAHole_isRejectedAndChangesNothing() {
    Allocator allocator = create(20);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.dealloc(4, 4);
    assertThrows(IllegalArgumentException.class, () -> allocator.dealloc(2, 4));
    assertThrows(IllegalArgumentException.class, () -> allocator.dealloc(4, 1));
    assertEquals(blocks(new Region(0, 4)), allocator.getAllocatedRegions());
    assertEquals(16, allocator.getLargestFreeHole());
  }

  @Test
  void dealloc_betweenTwoHoles_mergesThemIntoOne() {
    Allocator allocator = create(12);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.dealloc(0, 4);
    allocator.dealloc(8, 4);
    allocator.dealloc(4, 4);
    assertTrue(allocator.getAllocatedRegions().isEmpty());
    assertEquals(12, allocator.getLargestFreeHole());
    assertEquals(0, allocator.alloc(12));
  }

  @Test
  void realloc_holeAfterFilledExactly_growsInPlaceAndJoinsTheNextBlock() {
    Allocator allocator = create(20);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.dealloc(4, 4);
    assertEquals(0, allocator.realloc(0, 4, 8));
    assertEquals(blocks(new Region(0, 12)), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_tailAfter_growsInPlace() {
    Allocator allocator = create(20);
    allocator.alloc(4);
    assertEquals(0, allocator.realloc(0, 4, 20));
    assertEquals(0, allocator.getFreeSize());
  }

  @Test
  void realloc_blockGoesOnPastTheRegion_relocates() {
    Allocator allocator = create(20);
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.alloc(4);
    assertEquals(12, allocator.realloc(0, 4, 6));
    assertEquals(blocks(new Region(4, 14)), allocator.getAllocatedRegions());
  }

  @Test
  void allocAligned_chunkStartNotAligned_leavesThePaddingFree() {
    Allocator allocator = create(100);
    allocator.alloc(3);
    assertEquals(8, allocator.alloc(4, 8));
    assertEquals(blocks(new Region(0, 3), new Region(8, 4)), allocator.getAllocatedRegions());
    assertEquals(3, allocator.alloc(5));
    assertEquals(blocks(new Region(0, 12)), allocator.getAllocatedRegions());
  }

  @Test
  void allocAligned_alignmentNotAPowerOfTwo_startsAtAMultiple() {
    Allocator allocator = create(100);
    allocator.alloc(1);
    assertEquals(3, allocator.alloc(3, 3));
    assertEquals(6, allocator.alloc(3, 3));
  }

  @Test
  void allocAligned_spanPastLongMaxButAFreeChunkStartsAligned_placesThere() {
    Allocator allocator = create(100);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.dealloc(0, 10);
    // 4 + Long.MAX_VALUE - 1 overflows, so no class holds the span; 0:10 starts at a multiple
    assertEquals(0, allocator.alloc(4, Long.MAX_VALUE));
    assertEquals(blocks(new Region(0, 4), new Region(10, 10)), allocator.getAllocatedRegions());
  }

  /**
   * The fitting chunk is second in its class's list, behind one whose aligned start does not fit:
   * the heads miss it, and growth cannot serve the call (it would need a capacity past
   * Long.MAX_VALUE), so every free chunk is looked at rather than rejecting a call that fits.
   */
  @Test
  void allocAligned_spanPastLongMaxAndTheFittingChunkIsNotAHead_placesThere() {
    Allocator allocator = create(100);
    allocator.alloc(10);
    allocator.alloc(1);
    allocator.alloc(10);
    allocator.alloc(1);
    allocator.dealloc(0, 10);
    allocator.dealloc(11, 10); // class 10 lists 11:10 first, then 0:10

    assertEquals(0, allocator.alloc(4, Long.MAX_VALUE));
    assertEquals(
        blocks(new Region(0, 4), new Region(10, 1), new Region(21, 1)),
        allocator.getAllocatedRegions());
  }

  @Test
  void allocAligned_chunkShorterThanTheSpanStartsAligned_placesThereWithoutGrowing() {
    Allocator allocator =
        Allocators.growing(
            create(256),
            GrowthPolicy.doubling(),
            (oldCapacity, newCapacity) -> {},
            (oldStart, newStart, size) -> {});
    allocator.alloc(100);
    allocator.alloc(156);
    allocator.dealloc(0, 100);
    // 96 + 255 > 100, but 0 is a multiple of 256
    assertEquals(0, allocator.alloc(96, 256));
    assertEquals(256, allocator.getCapacity());
  }

  @Test
  void allocAligned_onlyAHigherClassHeadFitsAtItsAlignedStart_placesThere() {
    Allocator allocator = create(128);
    for (long size : new long[] {1, 4, 5, 6, 48, 10, 54}) {
      allocator.alloc(size); // 0, 1, 5, 10, 16, 64, 74: fills the capacity
    }
    allocator.dealloc(1, 4); // 4's own class: up(1, 64) + 4 > 5
    allocator.dealloc(10, 6); // a class between: up(10, 64) + 4 > 16
    allocator.dealloc(64, 10); // class 10, below the span 67's: fits at its start
    assertEquals(64, allocator.alloc(4, 64));
    assertEquals(
        blocks(new Region(0, 1), new Region(5, 5), new Region(16, 52), new Region(74, 54)),
        allocator.getAllocatedRegions());
  }

  @Test
  void allocAligned_tailAndAHigherClassHeadBothFit_takesTheTailAsBefore() {
    Allocator allocator = create(366);
    allocator.alloc(100); // 0
    allocator.alloc(156); // 100, leaves the tail 256:110
    allocator.dealloc(0, 100);
    // no class holds the span 113 surely; the tail is a last chance and comes before 0:100
    assertEquals(256, allocator.alloc(50, 64));
  }

  @Test
  void allocAligned_noChunkFitsAtItsAlignedStart_requestsTheCapacityWhoseTailFits() {
    Allocator allocator = create(128);
    for (long size : new long[] {1, 4, 5, 6, 49, 9, 46}) {
      allocator.alloc(size); // 0, 1, 5, 10, 16, 65, 74, leaves the tail 120:8
    }
    allocator.dealloc(1, 4);
    allocator.dealloc(10, 6);
    allocator.dealloc(65, 9);
    List<Region> before = allocator.getAllocatedRegions();
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(4, 64));
    assertEquals(132, e.getRequestedCapacity()); // up(120, 64) + 4
    assertEquals(before, allocator.getAllocatedRegions());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(128, allocator.alloc(4, 64));
  }

  @Test
  void allocAligned_spanPastLongMaxAndNoChunkStartsAligned_isRejectedAsBefore() {
    Allocator allocator = create(100);
    allocator.alloc(1);
    allocator.alloc(10);
    allocator.dealloc(1, 10);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(4, Long.MAX_VALUE));
    assertEquals(
        "alloc(4, 9223372036854775807): 9223372036854775807 + 4 exceeds 9223372036854775807",
        e.getMessage());
    assertEquals(blocks(new Region(0, 1)), allocator.getAllocatedRegions());
  }

  @Test
  void getLargestFreeHole_longestNotFirstInTopClass_isFound() {
    Allocator allocator = create(213);
    allocator.alloc(101); // 0
    allocator.alloc(1); // 101
    allocator.alloc(100); // 102
    allocator.alloc(1); // 202, leaves the tail 203:10
    allocator.dealloc(0, 101);
    allocator.dealloc(102, 100); // first in class [100, 102), before the longer 0:101
    assertEquals(101, allocator.getLargestFreeHole());
  }

  @Test
  void manyRegions_freedInAnyOrder_leaveOneFreeChunk() {
    Allocator allocator = create(10_000);
    long[] starts = new long[1000];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = allocator.alloc(1 + i % 9);
    }
    for (int i = 0; i < starts.length; i += 2) {
      allocator.dealloc(starts[i], 1 + i % 9);
    }
    for (int i = starts.length - 1; i > 0; i -= 2) {
      allocator.dealloc(starts[i], 1 + i % 9);
    }
    assertTrue(allocator.isEmpty());
    assertEquals(10_000, allocator.getLargestFreeHole());
    assertEquals(0, allocator.alloc(10_000));
  }

  @Test
  void setCapacity_freeTailGrowsIntoAHigherClass_isPlacedByItsNewLength() {
    Allocator allocator = create(300);
    allocator.alloc(200); // 0
    allocator.alloc(1); // 200, leaves the tail 201:99
    allocator.dealloc(0, 200);
    allocator.setCapacity(702); // the tail is 201:501 now, a class above the hole 0:200
    assertEquals(0, allocator.alloc(60)); // the lowest occupied class holding 60 is the hole's
  }

  @Test
  void setCapacity_afterASplitInThreeWithTheTailUsed_addsTheNewTail() {
    // an aligned placement inside a hole adds two chunks, the most one call adds; raising the
    // capacity then adds one more for the new tail. Leading regions of 0 to 40 units move the
    // counts past every point where the chunk records are exactly full.
    for (int units = 0; units <= 40; units++) {
      Allocator allocator = create(units + 12L);
      for (int unit = 0; unit < units; unit++) {
        allocator.alloc(1);
      }
      allocator.alloc(1); // units
      allocator.alloc(10); // units + 1
      allocator.alloc(1); // units + 11: fills the capacity
      allocator.dealloc(units + 1L, 10);
      allocator.alloc(2, 4); // padding before it unless units + 1 is a multiple of 4, rest after
      allocator.setCapacity(units + 21L);
      assertEquals(units + 12L, allocator.alloc(9), "after " + units + " units");
      assertEquals(8, allocator.getFreeSize(), "after " + units + " units");
    }
  }

  @Test
  void blockEnd_everyRange_followsTheSkeletonsContract() {
    // blocks 0:8 (two placements), 12:6, 20:5 and 28:12 (the last chunk before the capacity; the
    // two are what a free in the middle left of 20:20); holes 8:4, 18:2, 25:3
    TlsfAllocator allocator = new TlsfAllocator(40);
    for (long size : new long[] {4, 4, 4, 6, 2, 20}) {
      allocator.alloc(size);
    }
    allocator.dealloc(8, 4);
    allocator.dealloc(18, 2);
    allocator.dealloc(25, 3);
    List<Region> blocks = allocator.getAllocatedRegions();
    assertEquals(4, blocks.size());
    for (long start = 0; start < 42; start++) {
      for (long size = 1; start + size <= 42; size++) {
        long first = start;
        long end = start + size;
        Optional<Region> block =
            blocks.stream().filter(b -> b.start() <= first && end <= b.end()).findFirst();
        long found = allocator.blockEnd(start, size);
        String range = "[" + start + ", " + end + ")";
        if (block.isEmpty()) {
          assertEquals(-1, found, range); // NO_BLOCK
        } else if (block.get().end() == end) {
          assertEquals(end, found, range + " ends its block");
        } else {
          long blockEnd = block.get().end();
          assertTrue(end < found && found <= blockEnd, range + " inside " + block + ": " + found);
        }
      }
    }
  }
}
