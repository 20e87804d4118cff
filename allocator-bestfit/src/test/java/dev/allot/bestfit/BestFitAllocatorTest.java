package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.Observation;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import dev.allot.trace.ReplayFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-checked cases of the best-fit rules; the maps in comments are {@code #} used, {@code -}
 * free.
 */
class BestFitAllocatorTest {

  /**
   * Regions near 2^32 while the keys arrays are narrow (their starts have the top bit of 32 set),
   * then a capacity past 2^32 - 1, which widens them, then regions past 2^32: every placement and
   * the final state as the kit's list reference of best-fit gives them.
   */
  @Test
  void setCapacity_pastTwoToThe32_placesAsTheReferenceOnBothSides() {
    long top = 1L << 32;
    Allocator subject = new BestFitStrategy().create(top - 1);
    Allocator oracle = new ListReferenceStrategy(HoleChoice.SMALLEST).create(top - 1);
    List<long[]> held = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(41);
    assertEquals(oracle.alloc(top - 40_001), subject.alloc(top - 40_001));
    for (int step = 0; step < 6_000; step++) {
      if (step == 3_000) {
        oracle.setCapacity(1L << 34);
        subject.setCapacity(1L << 34);
      }
      if (held.isEmpty() || random.nextInt(5) < 3) {
        long size = 1 + random.nextLong(step < 3_000 ? 16 : 4_000_000);
        Function<Allocator, Long> alloc = allocator -> allocator.alloc(size);
        CallOutcome expected = CallOutcome.of(oracle, alloc);
        assertEquals(expected, CallOutcome.of(subject, alloc), "step " + step);
        if (expected.kind() == CallOutcome.Kind.OK) {
          held.add(new long[] {expected.start(), size});
        }
      } else {
        long[] region = held.remove(random.nextInt(held.size()));
        oracle.dealloc(region[0], region[1]);
        subject.dealloc(region[0], region[1]);
      }
    }
    assertEquals(Observation.of(oracle), Observation.of(subject));
    assertTrue(
        subject.getAllocatedRegions().get(subject.getAllocatedRegions().size() - 1).start() > top);
  }

  /**
   * Holes kept in every kind of structure before the capacity passes 2^32 - 1 (long holes in a tree
   * with more than the tail, short ones in the arrays, or in a tree of their length once one length
   * overflows its array), so that the nodes and arrays that hold them are widened in place rather
   * than replaced; then holes past 2^32 go into them: the tail's length, short holes' starts.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void setCapacity_pastTwoToThe32WithHolesOfEveryKind_keepsTheHolesPastIt(boolean shortTrees) {
    long top = 1L << 32;
    BestFitAllocator subject = new BestFitAllocator(100_000);
    Allocator oracle = new ListReferenceStrategy(HoleChoice.SMALLEST).create(100_000);
    List<Function<Allocator, Object>> calls = new ArrayList<>();
    calls.add(a -> a.alloc(60_000));
    int ones = shortTrees ? ShortHoleArrays.PER_LENGTH + 5 : 20;
    for (long i = 1; i < 2L * ones; i += 2) {
      long at = i; // past what an array holds: every short hole moves to the tree of its length
      calls.add(change(a -> a.dealloc(at, 1)));
    }
    for (long i = 10_000; i < 20_000; i += 1_000) {
      long at = i; // holes of 3 (the arrays) and of 200 (the long tree)
      calls.add(change(a -> a.dealloc(at, 3)));
      calls.add(change(a -> a.dealloc(at + 500, 200)));
    }
    calls.add(change(a -> a.setCapacity(top + 100_000)));
    calls.add(a -> a.alloc(top)); // the tail from 60_000 on
    calls.add(a -> a.alloc(30_000)); // the new tail's first 30_000: the smallest that fits
    calls.add(change(a -> a.dealloc(top + 60_010, 1))); // a hole of 1 past 2^32
    calls.add(change(a -> a.dealloc(top + 60_020, 3))); // a hole of 3 past 2^32
    calls.add(change(a -> a.dealloc(top + 60_030, 200))); // a long hole past 2^32
    calls.add(a -> a.alloc(1));
    calls.add(a -> a.alloc(3));
    calls.add(a -> a.alloc(200));
    for (Function<Allocator, Object> call : calls) {
      CallOutcome expected = CallOutcome.of(oracle, call);
      assertEquals(CallOutcome.Kind.OK, expected.kind(), expected::toString);
      assertEquals(expected, CallOutcome.of(subject, call));
    }
    subject.checkInvariants();
    assertEquals(Observation.of(oracle), Observation.of(subject));
  }

  /** A call that returns nothing, as a call whose outcome is compared. */
  private static Function<Allocator, Object> change(Consumer<Allocator> call) {
    return allocator -> {
      call.accept(allocator);
      return 0L;
    };
  }

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
  void alloc_equalHoles_takesLowestStart() {
    Allocator allocator = layout("#--#--#----");
    assertEquals(1, allocator.alloc(2));
    assertEquals("0:4,6:1", blocks(allocator));
  }

  @Test
  void alloc_smallerLaterHole_beatsEarlierLargerHole() {
    Allocator allocator = layout("#----#--#-----");
    assertEquals(6, allocator.alloc(2));
    assertEquals("0:1,5:4", blocks(allocator));
  }

  @Test
  void alloc_leadingGapIsSmallest_isUsed() {
    Allocator allocator = layout("---#-----#------");
    assertEquals(0, allocator.alloc(2));
    assertEquals("0:2,3:1,9:1", blocks(allocator));
  }

  @Test
  void alloc_leadingGapExactlySize_isFilledAndMerged() {
    // first-fit skips a leading gap of exactly the size (starts[0] == size); best-fit takes it
    Allocator allocator = layout("----####------");
    assertEquals(0, allocator.alloc(4));
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void alloc_tailIsSmallest_beatsLargerGap() {
    Allocator allocator = layout("#-----#---");
    assertEquals(7, allocator.alloc(3));
    assertEquals("0:1,6:4", blocks(allocator));
    assertEquals(0, allocator.getFreeSize() - allocator.getFragmentedFreeSize());
  }

  @Test
  void alloc_exactFitBetweenBlocks_mergesBothNeighbours() {
    Allocator allocator = layout("##---##-----");
    assertEquals(2, allocator.alloc(3));
    assertEquals("0:7", blocks(allocator));
    assertEquals(0, allocator.getFragmentedFreeSize());
  }

  @Test
  void alloc_emptyAllocator_usesWholeCapacityAsOneHole() {
    Allocator allocator = new BestFitStrategy().create(8);
    assertEquals(0, allocator.alloc(8));
    assertEquals("0:8", blocks(allocator));
    assertEquals(0, allocator.getLargestFreeHole());
  }

  @Test
  void alloc_nothingFits_memoryRequestsLastEndPlusSizeAndChangesNothing() {
    Allocator allocator = layout("#--#--#-");
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(3));
    assertEquals(7 + 3, e.getRequestedCapacity());
    assertEquals(2, e.getLargestFreeHole());
    assertEquals(4, e.getFragmentedFreeSize());
    assertEquals("0:1,3:1,6:1", blocks(allocator));
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(7, allocator.alloc(3));
  }

  @Test
  void realloc_sameSize_changesNothingEvenAtCapacity() {
    Allocator allocator = layout("##--####");
    assertEquals(4, allocator.realloc(4, 4, 4)); // first-fit would fail with memory here
    assertEquals(0, allocator.realloc(0, 2, 2)); // first-fit would move this region
    assertEquals("0:2,4:4", blocks(allocator));
  }

  @Test
  void realloc_growIntoExactTail_staysInPlace() {
    Allocator allocator = layout("#####-----");
    assertEquals(0, allocator.realloc(0, 5, 10)); // first-fit needs strictly more free space
    assertEquals("0:10", blocks(allocator));
  }

  @Test
  void realloc_growFillingGapExactly_mergesWithNextBlock() {
    Allocator allocator = layout("##--##--");
    assertEquals(0, allocator.realloc(0, 2, 4));
    assertEquals("0:6", blocks(allocator));
  }

  @Test
  void realloc_growWithRoomLeft_leavesSmallerHoleAfter() {
    Allocator allocator = layout("##----##");
    assertEquals(0, allocator.realloc(0, 2, 3));
    assertEquals("0:3,6:2", blocks(allocator));
    assertEquals(3, allocator.getLargestFreeHole());
  }

  @Test
  void realloc_regionNotAtBlockEnd_movesToBestHoleAndFreesOld() {
    Allocator allocator = layout("####-----#---");
    assertEquals(10, allocator.realloc(0, 2, 3)); // the tail (3) is smaller than the gap (5)
    assertEquals("2:2,9:4", blocks(allocator));
  }

  @Test
  void realloc_relocationWithoutRoom_failsAtomically() {
    Allocator allocator = layout("##-##-##");
    String before = blocks(allocator);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(3, 2, 4));
    assertEquals(8 + 4, e.getRequestedCapacity());
    assertEquals(before, blocks(allocator));
    assertEquals(2, allocator.getFreeSize());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(8, allocator.realloc(3, 2, 4));
    assertEquals("0:2,6:6", blocks(allocator));
  }

  @Test
  void dealloc_prefixMiddleAndSuffix_reopenHolesThatBestFitReuses() {
    Allocator allocator = layout("##########");
    allocator.dealloc(0, 2);
    allocator.dealloc(4, 1);
    allocator.dealloc(8, 2);
    assertEquals("2:2,5:3", blocks(allocator));
    assertEquals(4, allocator.alloc(1)); // the 1-hole, not the leading or tail 2-holes
    assertEquals(0, allocator.alloc(2)); // equal 2-holes: the lowest start
    assertEquals("0:8", blocks(allocator));
  }

  @Test
  void realloc_fromSizeZero_isAllocIgnoringStart() {
    Allocator allocator = layout("##--##--");
    assertEquals(2, allocator.realloc(7, 0, 2));
    assertEquals(0, allocator.realloc(7, 0, 0));
    assertEquals("0:6", blocks(allocator));
  }

  @Test
  void realloc_shrink_freesSuffixInPlace() {
    Allocator allocator = layout("######--");
    assertEquals(1, allocator.realloc(1, 4, 1));
    assertEquals("0:2,5:1", blocks(allocator));
    assertEquals(0, allocator.realloc(5, 1, 0));
    assertEquals("0:2", blocks(allocator));
  }

  @Test
  void realloc_bestHoleIsLeading_movesToZero() {
    Allocator allocator = layout("--###");
    assertEquals(0, allocator.realloc(2, 1, 2)); // [2, 3) does not end its block: it moves
    assertEquals("0:2,3:2", blocks(allocator));
  }

  @Test
  void toString_namesStrategyCapacityAndBlocks() {
    Allocator allocator = layout("##--#");
    assertEquals("best-fit", new BestFitStrategy().toString());
    assertEquals("best-fit[capacity=5, blocks=0:2,4:1]", allocator.toString());
  }

  @Test
  void realloc_growInPlaceAfterAHole_returnsSameStart() {
    Allocator allocator = layout("#-##---");
    assertEquals(2, allocator.realloc(2, 2, 4));
    assertEquals("0:1,2:4", blocks(allocator));
  }
}
