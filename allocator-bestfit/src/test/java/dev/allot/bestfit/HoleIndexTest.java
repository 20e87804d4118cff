package dev.allot.bestfit;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link HoleIndex} against a {@link TreeSet} ordered by (length, start): the short holes live in
 * one tree per length and the long ones in another, and every answer must be the model's.
 */
class HoleIndexTest {

  /** A hole of the model. */
  private record Hole(long length, long start) {}

  private static final Comparator<Hole> BEST_FIT_ORDER =
      Comparator.comparingLong(Hole::length).thenComparingLong(Hole::start);

  @Test
  void bestFit_shortAndLongHoles_smallestLengthThenLowestStart() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(500, 64); // the longest short hole
    holes.add(100, 65); // the shortest long hole
    holes.add(900, 3);
    holes.add(300, 3);
    holes.add(700, 1_000);

    assertEquals(new Hole(3, 300), hole(holes, holes.bestFit(1)));
    assertEquals(new Hole(3, 300), hole(holes, holes.bestFit(3)));
    assertEquals(new Hole(64, 500), hole(holes, holes.bestFit(4)));
    assertEquals(new Hole(65, 100), hole(holes, holes.bestFit(65)));
    assertEquals(new Hole(1_000, 700), hole(holes, holes.bestFit(66)));
    assertEquals(HoleIndex.NONE, holes.bestFit(1_001));
    assertEquals(1_000, holes.largest());
  }

  @Test
  void remove_lastHoleOfALength_bestFitMovesToTheNextLength() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(10, 2);
    holes.add(40, 5);
    holes.remove(holes.bestFit(1)); // by handle: (2, 10)

    assertEquals(new Hole(5, 40), hole(holes, holes.bestFit(1)));
    assertEquals(5, holes.largest());
    holes.remove(40, 5); // by key
    assertEquals(HoleIndex.NONE, holes.bestFit(1));
    assertEquals(0, holes.largest());
  }

  @Test
  void bestAlignedFit_shortTreeWithoutRoom_goesOnToLongerHoles() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(17, 4); // up(17) = 32 is past its end
    holes.add(33, 10); // up(33) = 48 is past its end
    holes.add(64, 6); // fits 5 at 64, but a 6-hole is longer than the 4-hole that cannot take it
    holes.add(130, 100); // fits anything up to 94 at 144

    assertEquals(new Hole(6, 64), hole(holes, holes.bestAlignedFit(5, 16)));
    assertEquals(new Hole(100, 130), hole(holes, holes.bestAlignedFit(7, 16)));
    assertEquals(HoleIndex.NONE, holes.bestAlignedFit(95, 16));
    assertEquals(new Hole(4, 17), hole(holes, holes.bestAlignedFit(2, 1)));
  }

  @Test
  void bestAlignedFit_ninthAlignment_walksAShortTreeFromItsLowestStart() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.ask(1);
    holes.add(3, 10); // starts below the sizes asked below: a walk must not skip it
    holes.add(20, 10);
    holes.add(40, 10);
    long[] withClasses = {2, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(LongPairTree.MAX_ALIGNMENT_CLASSES, withClasses.length);
    for (long alignment : withClasses) {
      assertEquals(new Hole(10, 3), hole(holes, holes.bestAlignedFit(1, alignment)));
    }

    assertEquals(new Hole(10, 3), hole(holes, holes.bestAlignedFit(5, 3))); // at 3
    assertEquals(new Hole(10, 20), hole(holes, holes.bestAlignedFit(5, 12))); // at 24, not 12
    assertEquals(HoleIndex.NONE, holes.bestAlignedFit(7, 12));
  }

  @Test
  void randomChangesAndLoad_matchTreeSet() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    NavigableSet<Hole> model = new TreeSet<>(BEST_FIT_ORDER);
    SplittableRandom random = new SplittableRandom(23);
    for (int i = 0; i < 100_000; i++) {
      Hole hole =
          new Hole(1 + random.nextLong(random.nextBoolean() ? 64 : 300), random.nextLong(1 << 20));
      addOrRemove(holes, model, random, hole);
      if (i % 5_000 == 0) {
        check(holes, model, random);
      }
    }
    check(holes, model, random);
    List<Hole> byStart = new ArrayList<>(model);
    byStart.sort(Comparator.comparingLong(Hole::start));
    HoleIndex loaded = new HoleIndex(new NodeArrayPool(0));
    loaded.load(
        byStart.stream().mapToLong(Hole::start).toArray(),
        byStart.stream().mapToLong(Hole::length).toArray(),
        byStart.size());
    check(loaded, model, random);
  }

  @Test
  void randomUnalignedChanges_pastALengthsArray_matchTreeSet() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.ask(1);
    NavigableSet<Hole> model = new TreeSet<>(BEST_FIT_ORDER);
    SplittableRandom random = new SplittableRandom(37);
    int mostOfLengthOne = 0;
    for (int i = 0; i < 60_000; i++) {
      // about 64 holes a length in the first half (arrays), past one array in the second (trees)
      boolean first = i < 30_000;
      long length = 1 + random.nextLong(first ? 8 : 2);
      addOrRemove(holes, model, random, new Hole(length, random.nextLong(first ? 256 : 4_096)));
      mostOfLengthOne =
          Math.max(mostOfLengthOne, model.subSet(new Hole(1, 0), new Hole(2, 0)).size());
      if (i % 500 == 0) {
        assertEquals(model.isEmpty() ? 0 : model.last().length(), holes.largest());
        for (long size = 1; size <= 10; size++) {
          assertEquals(model.ceiling(new Hole(size, 0)), hole(holes, holes.bestFit(size)));
        }
      }
    }
    assertTrue(mostOfLengthOne > ShortHoleArrays.PER_LENGTH, "" + mostOfLengthOne);
    check(holes, model, random); // aligned searches too, from the trees
  }

  @Test
  void load_moreHolesOfALengthThanAnArrayHolds_answersInOrder() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    int count = ShortHoleArrays.PER_LENGTH + 10;
    long[] starts = new long[count];
    long[] lengths = new long[count];
    for (int k = 0; k < count; k++) {
      starts[k] = 10L * k + 7;
      lengths[k] = 2;
    }
    holes.load(starts, lengths, count);

    assertEquals(new Hole(2, 7), hole(holes, holes.bestFit(1)));
    holes.remove(holes.bestFit(2));
    holes.add(3, 2);
    assertEquals(new Hole(2, 3), hole(holes, holes.bestFit(2)));
    holes.remove(3, 2);
    assertEquals(new Hole(2, 17), hole(holes, holes.bestFit(2)));
    assertEquals(HoleIndex.NONE, holes.bestFit(3));
  }

  @Test
  void ask_alignedFirst_paddingHolesAreOnlyCountedAndALaterUnalignedCallNeedsALoad() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    HoleAdmission aligned = holes.ask(16);
    assertNotNull(aligned);
    holes.load(new long[0], new long[0], 0, aligned); // what the allocator does when ask says so
    holes.add(5, 11); // [5, 16): padding, no multiple of 16 before its end
    holes.add(40, 9); // [40, 49) holds 48
    holes.add(70, 10); // [70, 80): padding

    assertEquals(new Hole(9, 40), hole(holes, holes.bestAlignedFit(1, 16)));
    assertEquals(HoleIndex.NONE, holes.bestAlignedFit(2, 16));
    assertEquals(11, holes.largest()); // a left-out hole is still free space
    holes.remove(5, 11);
    assertEquals(10, holes.largest());
    holes.remove(40, 9);
    assertEquals(HoleIndex.NONE, holes.bestAlignedFit(1, 16));
    assertNull(holes.ask(16));

    HoleAdmission every = holes.ask(1); // now every hole counts: the caller loads them all
    assertNotNull(every);
    holes.load(new long[] {5, 70}, new long[] {11, 10}, 2, every);
    assertEquals(new Hole(10, 70), hole(holes, holes.bestFit(10)));
    assertEquals(11, holes.largest());
  }

  @Test
  void randomChangesWithTwoAlignmentsAsked_answerAsIfEveryHoleWereKept() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.load(new long[0], new long[0], 0, requireNonNull(holes.ask(16)));
    holes.load(new long[0], new long[0], 0, requireNonNull(holes.ask(3)));
    NavigableSet<Hole> model = new TreeSet<>(BEST_FIT_ORDER);
    SplittableRandom random = new SplittableRandom(29);
    for (int i = 0; i < 50_000; i++) {
      Hole hole =
          new Hole(1 + random.nextLong(random.nextBoolean() ? 15 : 90), random.nextLong(4096));
      addOrRemove(holes, model, random, hole);
      if (i % 2_500 == 0) {
        assertEquals(model.isEmpty() ? 0 : model.last().length(), holes.largest());
        for (int k = 0; k < 200; k++) {
          long size = 1 + random.nextLong(80);
          long alignment = random.nextBoolean() ? 16 : 3;
          assertEquals(
              alignedBestFit(model, size, alignment),
              hole(holes, holes.bestAlignedFit(size, alignment)),
              size + " at " + alignment);
        }
      }
    }
  }

  /** The model's smallest hole in which {@code size} fits at {@code alignment}, lowest first. */
  private static Hole alignedBestFit(NavigableSet<Hole> model, long size, long alignment) {
    for (Hole candidate : model) {
      long up = (candidate.start() + alignment - 1) / alignment * alignment;
      if (up + size <= candidate.start() + candidate.length()) {
        return candidate;
      }
    }
    return null;
  }

  /** Compares best fits, aligned best fits and the largest hole with a scan of the model. */
  @Test
  void load_fewHolesOfEachShortLength_keepsThemInArraysAndAnswersAsTheModel() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(5_000_000, 5); // replaced by the load
    NavigableSet<Hole> model = new TreeSet<>(BEST_FIT_ORDER);
    SplittableRandom random = new SplittableRandom(41);
    int count =
        2_000; // lengths 1 to 400: about 5 holes of each short length, far from a full array
    long[] starts = new long[count];
    long[] lengths = new long[count];
    long end = 0;
    for (int k = 0; k < count; k++) {
      starts[k] = end + 1 + random.nextLong(500);
      lengths[k] = 1 + random.nextLong(400);
      end = starts[k] + lengths[k];
      model.add(new Hole(lengths[k], starts[k]));
    }
    holes.load(starts, lengths, count);

    check(holes, model, random);
  }

  private static void check(HoleIndex holes, NavigableSet<Hole> model, SplittableRandom random) {
    assertEquals(model.isEmpty() ? 0 : model.last().length(), holes.largest());
    for (int i = 0; i < 500; i++) {
      long size = 1 + random.nextLong(random.nextBoolean() ? 70 : 400);
      assertEquals(model.ceiling(new Hole(size, 0)), hole(holes, holes.bestFit(size)), "" + size);
      long alignment = new long[] {2, 16, 256}[random.nextInt(3)];
      assertEquals(
          alignedBestFit(model, size, alignment),
          hole(holes, holes.bestAlignedFit(size, alignment)),
          size + " at " + alignment);
    }
  }

  private static Hole hole(HoleIndex holes, long handle) {
    return handle == HoleIndex.NONE ? null : new Hole(holes.length(handle), holes.start(handle));
  }

  /**
   * Adds {@code hole} to both, two times in three when it is absent; otherwise removes the model's
   * first hole at or after it (in best-fit order) from both.
   */
  private static void addOrRemove(
      HoleIndex holes, NavigableSet<Hole> model, SplittableRandom random, Hole hole) {
    if (random.nextInt(3) > 0 && !model.contains(hole)) {
      holes.add(hole.start(), hole.length());
      model.add(hole);
    } else if (!model.isEmpty()) {
      Hole present = model.ceiling(hole);
      Hole removed = present != null ? present : model.first();
      holes.remove(removed.start(), removed.length());
      model.remove(removed);
    }
  }

  /**
   * {@code holds} is what {@code BestFitAllocator.checkInvariants} trusts to find a missing hole:
   * it must say no in each place a hole may be kept, not only yes.
   */
  @Test
  void holds_holesNotHeld_isFalseInTheArraysTheTreesAndTheLeftOutCounts() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(100, 3); // short: in the arrays
    holes.add(300, 3);
    holes.remove(300, 3); // its slot is past the count now
    holes.add(200, 70); // long: in the long tree

    assertTrue(holes.holds(100, 3));
    assertFalse(holes.holds(300, 3));
    assertFalse(holes.holds(104, 3));
    assertFalse(holes.holds(100, 4)); // a length with no array
    assertTrue(holes.holds(200, 70));
    assertFalse(holes.holds(200, 71));
    assertFalse(holes.holds(201, 70));
    assertFalse(holes.holds(100, 69)); // before every long hole

    for (long start = 1_000; start < 1_000 + 3L * (ShortHoleArrays.PER_LENGTH + 1); start += 3) {
      holes.add(start, 2); // one more than an array holds: the short holes move to their trees
    }
    assertTrue(holes.holds(1_000, 2));
    assertTrue(holes.holds(100, 3));
    assertFalse(holes.holds(1_001, 2));
    assertFalse(holes.holds(101, 3));
    assertFalse(holes.holds(50, 3)); // before every hole of its length

    HoleAdmission aligned = requireNonNull(holes.ask(16));
    holes.load(new long[] {5}, new long[] {11}, 1, aligned); // [5, 16): padding, only counted
    assertTrue(holes.holds(5, 11));
    assertFalse(holes.holds(70, 10)); // padding too, but no left-out hole of 10
  }

  @Test
  void reserve_aLengthWithCrowdedHoles_movesEveryShortHoleToItsTreeBeforeTheCallAdds() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    for (int k = 0; k < ShortHoleArrays.CROWDED - 1; k++) {
      holes.add(10L * k, 2);
    }
    holes.add(5_000, 1);
    holes.add(6_000, HoleIndex.SEGREGATED); // the last short length moves too
    holes.reserve();
    assertTrue(holes.keepsShortHolesInArrays()); // one hole short of crowded

    holes.add(10L * (ShortHoleArrays.CROWDED - 1), 2);
    holes.reserve();

    assertFalse(holes.keepsShortHolesInArrays());
    assertTrue(holes.holds(5_000, 1));
    assertTrue(holes.holds(6_000, HoleIndex.SEGREGATED));
    assertTrue(holes.holds(0, 2));
    assertEquals(ShortHoleArrays.CROWDED + 2, holes.checkedCount());
    assertEquals(new Hole(HoleIndex.SEGREGATED, 6_000), hole(holes, holes.bestFit(3)));
  }

  @Test
  void reserveFor_aLengthWhoseArrayIsFull_movesTheShortHolesFirst() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    int length = HoleIndex.SEGREGATED; // the last short length
    for (int k = 0; k < ShortHoleArrays.PER_LENGTH - 1; k++) {
      holes.add(100L * k, length);
    }
    holes.reserveFor(length);
    assertTrue(holes.keepsShortHolesInArrays()); // room for one more

    holes.add(100L * (ShortHoleArrays.PER_LENGTH - 1), length);
    holes.reserveFor(length + 1); // a long hole: no array to fill
    assertTrue(holes.keepsShortHolesInArrays());
    holes.reserveFor(length);

    assertFalse(holes.keepsShortHolesInArrays());
    assertEquals(ShortHoleArrays.PER_LENGTH, holes.checkedCount());
  }

  @Test
  void add_shortHoleWithRoomInItsArray_staysInTheArrays() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.add(40, 3);
    holes.add(90, 3);

    assertTrue(holes.keepsShortHolesInArrays());
    assertEquals(new Hole(3, 40), hole(holes, holes.bestFit(2)));
  }

  /** Returns the starts 0, 100, 200, ... of {@code count} holes. */
  private static long[] spacedStarts(int count) {
    long[] starts = new long[count];
    for (int k = 0; k < count; k++) {
      starts[k] = 100L * k;
    }
    return starts;
  }

  /** Returns {@code count} lengths: {@code longOnes} of 70 among {@code length}s. */
  private static long[] lengthsOf(int count, long length, int longOnes) {
    long[] lengths = new long[count];
    Arrays.fill(lengths, length);
    for (int k = 0; k < longOnes; k++) {
      lengths[k] = 70;
    }
    return lengths;
  }

  @Test
  void load_asManyHolesOfALengthAsAnArrayHolds_keepsThemInArrays_oneMoreMovesThem() {
    int longOnes = 5;
    int fits = ShortHoleArrays.PER_LENGTH + longOnes; // an array's worth of 64, and long ones
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    holes.load(spacedStarts(fits), lengthsOf(fits, HoleIndex.SEGREGATED, longOnes), fits);
    assertTrue(holes.keepsShortHolesInArrays());
    assertEquals(fits, holes.checkedCount());

    holes.load(
        spacedStarts(fits + 1), lengthsOf(fits + 1, HoleIndex.SEGREGATED, longOnes), fits + 1);

    assertFalse(holes.keepsShortHolesInArrays());
    assertEquals(fits + 1, holes.checkedCount());
    assertTrue(holes.holds(100L * fits, HoleIndex.SEGREGATED));
  }

  @Test
  void load_fromTheArrays_givesTheirArraysBackAndSpendsThePoolsReserve() {
    NodeArrayPool pool = new NodeArrayPool(16);
    HoleIndex holes = new HoleIndex(pool);
    holes.add(1, 3);
    holes.add(10, 5);
    holes.add(20, 7); // three arrays, new: the pool kept none
    pool.topUp(); // no tree made nodes: ten keys arrays for height 0
    assertEquals(10, pool.keptKeys());
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));

    holes.load(new long[] {100, 200}, new long[] {3, 5}, 2);

    assertEquals(10 - 2 + 3, pool.keptKeys()); // two taken by the new arrays, three given back
    assertTrue(pool.needsTopUp(0));
    assertTrue(holes.holds(200, 5));
    assertFalse(holes.holds(20, 7));
  }

  @Test
  void reserve_movingToTheTrees_spendsThePoolsReserve() {
    NodeArrayPool pool = new NodeArrayPool(16);
    HoleIndex holes = new HoleIndex(pool);
    for (int k = 0; k < ShortHoleArrays.CROWDED; k++) {
      holes.add(10L * k, 2);
    }
    pool.topUp();
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));

    holes.reserve(); // the new tree's nodes took arrays the reserve counted on

    assertFalse(holes.keepsShortHolesInArrays());
    assertTrue(pool.needsTopUp(0));
  }

  @Test
  void add_lengthZeroWhileSelective_countsNothing() {
    HoleIndex holes = new HoleIndex(new NodeArrayPool(0));
    HoleAdmission aligned = requireNonNull(holes.ask(16));
    holes.load(new long[0], new long[0], 0, aligned);

    holes.add(5, 0); // what a placement that fills its hole exactly adds
    holes.add(21, 0);

    assertEquals(0, holes.checkedCount());
    assertEquals(0, holes.largest());
  }
}
