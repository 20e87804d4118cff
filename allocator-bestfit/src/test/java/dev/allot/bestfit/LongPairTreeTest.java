package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LongPairTree} against {@link TreeSet}, through enough entries for two inner levels and
 * back to empty, so that splits, spills, merges and root collapses all happen.
 */
class LongPairTreeTest {

  /** A key of the model; {@code b} counts only for pair-keyed trees. */
  private record Pair(long a, long b) {}

  private static final Comparator<Pair> PAIR_ORDER =
      Comparator.comparingLong(Pair::a).thenComparingLong(Pair::b);

  @Test
  void pairKeys_ascendingRandomAndDraining_matchTreeSet() {
    LongPairTree tree = newTree(true);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(7);
    for (long i = 0; i < 150_000; i++) { // ascending, as holes of one length appear left to right
      insert(tree, model, new Pair(5, i * 3));
    }
    check(tree, model, random);
    for (int i = 0; i < 150_000; i++) {
      Pair key = new Pair(random.nextLong(64), random.nextLong(1 << 20));
      if (random.nextBoolean() && !model.contains(key)) {
        insert(tree, model, key);
      } else if (!model.isEmpty()) {
        Pair present = model.ceiling(key);
        remove(tree, model, present != null ? present : model.first());
      }
      if (i % 10_000 == 0) {
        check(tree, model, random);
      }
    }
    check(tree, model, random);
    List<Pair> rest = new ArrayList<>(model);
    for (int i = 0; i < rest.size(); i++) { // drain in a scattered order down to empty
      remove(tree, model, rest.get((int) ((i * 7919L) % rest.size())));
      if (i % 20_000 == 0) {
        check(tree, model, random);
      }
    }
    check(tree, model, random);
    assertEquals(LongPairTree.NONE, tree.first());
    insert(tree, model, new Pair(1, 1));
    check(tree, model, random);
  }

  @Test
  void rooms_randomHolesThroughSplitsAndMerges_matchAScanOfTheModel() {
    LongPairTree tree = newTree(true);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(13);
    long[] alignments = {8, 256, 3};
    int[] classes = {tree.alignmentClass(8), tree.alignmentClass(256), LongPairTree.NONE};
    for (int i = 0; i < 60_000; i++) {
      if (i == 20_000) {
        classes[2] = tree.alignmentClass(3); // made with thousands of entries present
      }
      Pair key = new Pair(1 + random.nextLong(300), random.nextLong(1 << 16));
      boolean grow = i < 20_000 || (i < 40_000 ? random.nextInt(3) > 0 : random.nextInt(3) == 0);
      if (grow && !model.contains(key)) {
        insert(tree, model, key);
      } else if (!model.isEmpty()) {
        Pair present = model.ceiling(key);
        remove(tree, model, present != null ? present : model.first());
      }
      if (i % 97 == 0) {
        tree.checkRooms();
      }
      int which = random.nextInt(i < 20_000 ? 2 : 3);
      long size = 1 + random.nextLong(300);
      int found = tree.firstWithRoom(size, classes[which]);
      Pair expected = firstWithRoom(model, size, alignments[which]);
      assertEquals(
          expected, found == LongPairTree.NONE ? null : new Pair(tree.a(found), tree.b(found)));
    }
    tree.checkRooms();
  }

  /**
   * The first pair in key order whose run [b, b + a) holds size at a multiple of alignment; runs
   * shorter than size are skipped unread, since they hold nothing.
   */
  private static Pair firstWithRoom(NavigableSet<Pair> model, long size, long alignment) {
    for (Pair pair : model.tailSet(new Pair(size, Long.MIN_VALUE), true)) {
      long start = (pair.b() + alignment - 1) / alignment * alignment;
      if (start + size <= pair.b() + pair.a()) {
        return pair;
      }
    }
    return null;
  }

  @Test
  void rooms_valueKeysOfEqualRuns_runIsStartThenLength() {
    checkValueKeyRooms(new LongPairTree(false, true, new NodeArrayPool(4)), 7, 17);
  }

  @Test
  void rooms_valueKeysOfManyLengths_scanWholeLeaves() {
    checkValueKeyRooms(newTree(false), 0, 19);
  }

  /**
   * Random runs {@code [a, a + b)} in a tree ordered by {@code a} alone, through splits and merges:
   * every run {@code equalLength} long, or of random lengths when it is 0; each search against a
   * scan of the model in start order.
   */
  private static void checkValueKeyRooms(LongPairTree tree, long equalLength, long seed) {
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(seed);
    long[] alignments = {8, 3};
    int[] classes = {tree.alignmentClass(8), tree.alignmentClass(3)};
    for (int i = 0; i < 20_000; i++) {
      long length = equalLength > 0 ? equalLength : 1 + random.nextLong(20);
      Pair key = new Pair(random.nextLong(1 << 14), length);
      Pair same = model.ceiling(new Pair(key.a(), Long.MIN_VALUE));
      boolean present = same != null && same.a() == key.a();
      if (!present && (i < 5_000 || random.nextBoolean())) {
        insert(tree, model, key);
      } else if (!model.isEmpty()) {
        remove(tree, model, present ? same : model.first());
      }
      if (i % 97 == 0) {
        tree.checkRooms();
      }
      int which = random.nextInt(2);
      long size = 1 + random.nextLong(equalLength > 0 ? equalLength + 2 : 20); // few misses
      int found = tree.firstWithRoom(size, classes[which]);
      Pair expected = null;
      for (Pair run : model) {
        long start = (run.a() + alignments[which] - 1) / alignments[which] * alignments[which];
        if (start + size <= run.a() + run.b()) {
          expected = run;
          break;
        }
      }
      assertEquals(expected, at(tree, found), "size " + size + " at " + alignments[which]);
    }
    tree.checkRooms();
  }

  @Test
  void alignmentClass_sameAlignmentSameClass_untilAllAreTaken() {
    LongPairTree tree = newTree(true);
    int first = tree.alignmentClass(16);
    assertEquals(first, tree.alignmentClass(16));
    for (int i = 1; i < LongPairTree.MAX_ALIGNMENT_CLASSES; i++) {
      tree.alignmentClass(16 + i);
    }
    assertEquals(LongPairTree.NONE, tree.alignmentClass(4));
    assertEquals(LongPairTree.NONE, tree.firstWithRoom(1, first)); // empty
    tree.insert(30, 5); // the run [5, 35): at 16, room 19
    assertEquals(tree.first(), tree.firstWithRoom(19, first));
    assertEquals(LongPairTree.NONE, tree.firstWithRoom(20, first));
    tree.checkRooms();
  }

  @Test
  void valueKeys_setB_keepsOrderAndFindsByA() {
    LongPairTree tree = newTree(false);
    for (long a = 0; a < 10_000; a++) {
      tree.insert(a * 10, 1);
    }
    for (long a = 0; a < 10_000; a += 2) {
      tree.setB(tree.floor(a * 10, 0), 9);
    }
    for (long a = 0; a < 10_000; a += 3) {
      tree.remove(a * 10, 0); // b is a value: any b finds the entry
    }
    int handle = tree.floor(25, 0);
    assertEquals(20, tree.a(handle));
    assertEquals(9, tree.b(handle));
    assertEquals(10_000 - 3334, tree.size());
    assertThrows(IllegalStateException.class, () -> tree.remove(30, 0));
    assertThrows(IllegalStateException.class, () -> tree.insert(20, 5));
  }

  @Test
  void load_sortedEntriesOfManySizes_matchesTreeSetThroughLaterChanges() {
    SplittableRandom random = new SplittableRandom(13);
    LongPairTree tree = newTree(true); // reloaded each time: the old nodes are dropped
    for (int count : new int[] {60_000, 0, 1, 55, 56, 57, 3_137}) {
      NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
      while (model.size() < count) {
        model.add(new Pair(random.nextLong(64), random.nextLong(1 << 20)));
      }
      long[] as = model.stream().mapToLong(Pair::a).toArray();
      long[] bs = model.stream().mapToLong(Pair::b).toArray();

      tree.load(as, bs, count);

      check(tree, model, random);
      long[] copiedAs = new long[count];
      long[] copiedBs = new long[count];
      tree.copyTo(copiedAs, copiedBs);
      assertArrayEquals(as, copiedAs);
      assertArrayEquals(bs, copiedBs);
      for (int i = 0; i < 20_000; i++) {
        Pair key = new Pair(random.nextLong(64), random.nextLong(1 << 20));
        if (random.nextBoolean() && !model.contains(key)) {
          insert(tree, model, key);
        } else if (!model.isEmpty()) {
          Pair present = model.ceiling(key);
          remove(tree, model, present != null ? present : model.first());
        }
      }
      check(tree, model, random);
    }
  }

  @Test
  void valueKeys_changesAtFoundHandles_matchTreeSet() {
    LongPairTree tree = newTree(false);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(17);
    for (long i = 0; i < 20_000; i++) {
      insert(tree, model, new Pair(i * 1_000, i));
    }
    for (int i = 0; i < 200_000; i++) {
      int choice = random.nextInt(4); // 1: the stale separator case, past a leaf's last entry
      if (choice == 3) { // the first entry, removed without a descent
        model.remove(at(tree, tree.first()));
        tree.removeAt(tree.first());
      } else {
        changeAtFloor(tree, model, random, random.nextLong(25_000_000), i, choice);
      }
      if (i % 20_000 == 0) {
        checkValueKeys(tree, model, random);
      }
    }
    checkValueKeys(tree, model, random);
  }

  @Test
  void valueKeys_pastTheSizeWhoseSearchesLoadWholeLeaves_matchTreeSet() {
    LongPairTree tree = newTree(false);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(23);
    int count = 140_000; // past the 2^17 entries from which floor and insert load whole leaves
    for (long i = 0; i < count; i++) { // scattered, so that leaves split at every fill
      insert(tree, model, new Pair((i * 7_919 % count) * 150, i));
    }
    checkValueKeys(tree, model, random);
    for (int i = 0; i < 50_000; i++) {
      Pair key = new Pair(random.nextLong(25_000_000), i);
      Pair floor = model.floor(new Pair(key.a(), Long.MAX_VALUE));
      if (floor == null || floor.a() != key.a()) {
        insert(tree, model, key);
      } else {
        remove(tree, model, floor);
      }
    }
    checkValueKeys(tree, model, random);
  }

  @Test
  void valueKeys_changesAtHintedLeavesWhileTheTreeShrinksAndGrows_matchTreeSet() {
    LongPairTree tree = newTree(false);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(29);
    int count = 150_000; // past the 2^17 entries from which the tree keeps leaf hints
    for (long i = 0; i < count; i++) { // scattered, so that leaves split at every fill
      insert(tree, model, new Pair((i * 7_919 % count) * 160, i));
    }
    long bound = 24_000_000;
    for (int i = 0; i < 300_000; i++) { // floors then changes at their handles, mostly hinted
      changeAtFloor(tree, model, random, random.nextLong(bound), i, random.nextInt(3));
    }
    checkValueKeys(tree, model, random, bound);
    while (model.size() > 60_000) { // below half the threshold: the hints are dropped
      changeAtFloor(tree, model, random, random.nextLong(bound), 0, 0);
    }
    checkValueKeys(tree, model, random, bound);
    long far = 1L << 40; // keys past the span of the hints' slots widen it
    for (long i = 0; i < 100_000; i++) {
      insert(tree, model, new Pair(far + (i * 7_919 % 100_000) * 10, i));
    }
    for (int i = 0; i < 100_000; i++) {
      long probe = random.nextBoolean() ? random.nextLong(bound) : far + random.nextLong(1_000_000);
      changeAtFloor(tree, model, random, probe, i, random.nextInt(3));
    }
    checkValueKeys(tree, model, random, bound);
    checkValueKeys(tree, model, random, far + 1_000_000);
  }

  @ParameterizedTest
  // entries added to leaf 2, then (leaf, entries removed) three times, in that order
  @CsvSource({
    "4, 0, 28, 1, 28, 2, 0, left", // leaf 1 falls to 28 beside 28, with 60 on its right
    "0, 1, 28, 0, 28, 2, 0, right", // leaf 0, first of all, falls to 28 beside 28
    "0, 0, 16, 2, 16, 1, 24, both: three into two" // 40 + 32 + 40 = 112
  })
  void removeAt_hintedLeafThatFallsToAMergeableCount_mergesWith(
      int added,
      int first,
      int firstRemovals,
      int second,
      int secondRemovals,
      int third,
      int thirdRemovals,
      String merge) {
    LongPairTree tree = newTree(false);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    int count = 140_000; // keeps leaf hints
    long[] as = loadSpaced(tree, model, count);
    tree.floor(as[count - 1], 0); // the hints' slots now span the keys, 4 keys a slot
    for (int i = 0; i < 3 * 56; i++) { // every key of the first three leaves gets its hint
      tree.floor(as[i], 0);
    }
    for (int k = 0; k < added; k++) { // between two entries of leaf 2, so that it holds 56 + added
      insert(tree, model, new Pair(as[2 * 56 + 10 + k] + 500, k));
    }
    long before = tree.footprintBytes();
    int[][] plan = {{first, firstRemovals}, {second, secondRemovals}, {third, thirdRemovals}};
    for (int[] step : plan) { // from the leaf's sixth entry on, away from the slots it shares
      int leaf = step[0];
      for (int k = 0; k < step[1]; k++) {
        int i = leaf * 56 + 5 + k;
        tree.removeAt(tree.floor(as[i], 0));
        model.remove(new Pair(as[i], i));
      }
    }
    assertEquals(before - (16 + 4L * KeyArrays.WIDE_LENGTH), tree.footprintBytes(), merge);
    checkValueKeys(tree, model, new SplittableRandom(31), count * 1_000L);
  }

  @Test
  void keepsHints_fromTheThreshold_untilBelowHalfOfIt() {
    LongPairTree tree = newTree(false);
    int from = LongPairTree.HINT_FROM;
    for (long i = 0; i < from - 1; i++) {
      tree.insert(i * 10, i);
    }
    tree.floor(5, 0);
    assertFalse(tree.keepsHints(), "one entry short");
    tree.insert(-10, 0);
    assertTrue(tree.keepsHints(), "at the threshold");
    long i = 0;
    while (tree.size() > from / 2) {
      tree.remove(i * 10, i);
      i++;
    }
    tree.floor(i * 10, 0);
    assertTrue(tree.keepsHints(), "at half the threshold");
    tree.remove(i * 10, i);
    long last = from - 2L;
    int dropping = tree.floor(last * 10 + 5, 0); // far from the first leaf
    assertFalse(tree.keepsHints(), "below half");
    assertEquals(new Pair(last * 10, last), at(tree, dropping));
    tree.insert(i * 10, i);
    tree.floor(i * 10, 0);
    assertFalse(tree.keepsHints(), "at half again: hints come back at the threshold only");
  }

  @Test
  void keepsHints_pairKeysAlignmentClassesAndLoads_onlyForValueKeysOfTheirOwn() {
    int from = LongPairTree.HINT_FROM;
    long[] as = new long[from];
    long[] bs = new long[from];
    for (int i = 0; i < from; i++) {
      as[i] = i * 10L;
      bs[i] = i;
    }
    LongPairTree pairs = newTree(true);
    for (int i = 0; i < from; i++) {
      pairs.insert(as[i], bs[i]);
    }
    LongPairTree classed = newTree(false);
    classed.alignmentClass(16);
    classed.load(as, bs, from);
    LongPairTree loaded = newTree(false);
    loaded.load(as, bs, from - 1);
    boolean belowThreshold = loaded.keepsHints();
    loaded.load(as, bs, from);
    boolean atThreshold = loaded.keepsHints();
    loaded.alignmentClass(16);

    assertFalse(pairs.keepsHints(), "pair keys");
    assertFalse(classed.keepsHints(), "an alignment class made before");
    assertFalse(belowThreshold, "loaded one entry short");
    assertTrue(atThreshold, "loaded at the threshold");
    assertFalse(loaded.keepsHints(), "an alignment class made after");
  }

  @Test
  void hintedTreeDescents_changesAtHintedLeaves_onlyWhereAMergeOrSplitNeedsThePath() {
    LongPairTree tree = newTree(false);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    int count = 140_000; // keeps leaf hints
    long[] as = loadSpaced(tree, model, count);
    // a leaf's first key (the first lookup widens the slots' span), a key of leaf 0, one inside a
    // leaf and a leaf's last key, each in a slot of its own: no hint after a load, then their own
    int[] probes = {70_000, 10, 1_000, 2_000 * 56 + 55};
    long[] lookups = new long[2 * probes.length];
    for (int k = 0; k < lookups.length; k++) {
      long before = tree.hintedTreeDescents();
      long a = as[probes[k % probes.length]];
      assertEquals(a, tree.a(tree.floor(a, 0)));
      lookups[k] = tree.hintedTreeDescents() - before;
    }
    List<Long> removals = new ArrayList<>();
    for (int i = 10 * 56 + 5; i < 10 * 56 + 14; i++) { // leaf 10: 56 down to 47, beside full ones
      removals.add(descentsOfRemovalAt(tree, model, as[i]));
    }
    List<Long> inserts = new ArrayList<>();
    long after = as[10 * 56 + 40];
    for (int k = 0; k < 17; k++) { // leaf 10: 47 up to 64, full, which splits or spills it
      long probe = after + k;
      tree.floor(probe, 0); // records the hint of the probe's slot
      long before = tree.hintedTreeDescents();
      tree.insertAfter(tree.floor(probe, 0), probe + 1, k);
      model.add(new Pair(probe + 1, k));
      inserts.add(tree.hintedTreeDescents() - before);
    }
    for (int i = 21 * 56 + 5; i < 21 * 56 + 14; i++) { // leaf 21 to 47
      descentsOfRemovalAt(tree, model, as[i]);
    }
    List<Long> shrinking = new ArrayList<>();
    for (int i = 20 * 56 + 5; i < 20 * 56 + 52; i++) { // leaf 20 to 9: 56 + 9 + 47 may merge
      shrinking.add(descentsOfRemovalAt(tree, model, as[i]));
    }

    assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 0, 0}, lookups);
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), removals);
    List<Long> filling = new ArrayList<>(Collections.nCopies(16, 0L));
    filling.add(1L);
    assertEquals(filling, inserts);
    List<Long> merging = new ArrayList<>(Collections.nCopies(46, 0L));
    merging.add(1L);
    assertEquals(merging, shrinking);
    checkValueKeys(tree, model, new SplittableRandom(37), count * 1_000L);
  }

  /**
   * Loads entries {@code (i * 1000, i)} for {@code i < count} into an empty tree and the model,
   * which fills each leaf with 56 entries; returns their keys {@code a}.
   */
  private static long[] loadSpaced(LongPairTree tree, NavigableSet<Pair> model, int count) {
    long[] as = new long[count];
    long[] bs = new long[count];
    for (int i = 0; i < count; i++) {
      as[i] = i * 1_000L;
      bs[i] = i;
      model.add(new Pair(as[i], bs[i]));
    }
    tree.load(as, bs, count);
    return as;
  }

  /**
   * Removes the entry at {@code a} through the handle of a hinted floor, the hint recorded by a
   * floor before, and returns the descents the hinted floor and the removal made.
   */
  private static long descentsOfRemovalAt(LongPairTree tree, NavigableSet<Pair> model, long a) {
    tree.floor(a, 0);
    long before = tree.hintedTreeDescents();
    int found = tree.floor(a, 0);
    Pair entry = at(tree, found);
    tree.removeAt(found);
    model.remove(entry);
    return tree.hintedTreeDescents() - before;
  }

  /**
   * Finds the floor of {@code probe} and, by {@code choice}, removes it at its handle (0), adds an
   * entry right after it (1) or raises its key (2); adds an entry below all when there is no floor.
   */
  private static void changeAtFloor(
      LongPairTree tree,
      NavigableSet<Pair> model,
      SplittableRandom random,
      long probe,
      long b,
      int choice) {
    int found = tree.floor(probe, 0);
    if (found == LongPairTree.NONE) {
      long below = model.isEmpty() ? 1_000_000 : model.first().a();
      if (below > 0) {
        insert(tree, model, new Pair(random.nextLong(below), b));
      }
      return;
    }
    Pair entry = at(tree, found);
    Pair next = model.higher(entry);
    long room = (next == null ? Long.MAX_VALUE / 2 : next.a()) - entry.a() - 1;
    if (choice == 0 || room == 0) {
      tree.removeAt(found);
      model.remove(entry);
    } else if (choice == 1) {
      Pair added = new Pair(entry.a() + 1 + random.nextLong(room), b);
      tree.insertAfter(found, added.a(), added.b());
      model.add(added);
    } else {
      Pair raised = new Pair(entry.a() + 1 + random.nextLong(room), b);
      tree.raiseKey(found, raised.a(), raised.b());
      model.remove(entry);
      model.add(raised);
    }
  }

  @Test
  void valueKeys_handleOfAnotherDescent_fallsBackToTheKey() {
    LongPairTree tree = newTree(false);
    for (long a = 0; a < 1_000; a++) {
      tree.insert(a * 10, a);
    }
    int early = tree.floor(15, 0); // (10, 1), in the first leaf
    tree.floor(9_005, 0); // the latest descent ends in another leaf
    tree.insertAfter(early, 12, 99);
    int middle = tree.floor(5_000, 0);
    tree.floor(15, 0); // the latest descent ends in the first leaf, not the middle one
    tree.removeAt(middle);

    assertEquals(new Pair(12, 99), at(tree, tree.floor(13, 0)));
    assertEquals(new Pair(4_990, 499), at(tree, tree.floor(5_005, 0)));
    assertEquals(new Pair(5_010, 501), at(tree, tree.ceiling(5_000, 0)));
    assertEquals(1_000, tree.size());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void widen_narrowTreeWithKeysPastTwoToThe31_keepsThemAndTakesKeysPastTwoToThe32(
      boolean pairKeys) {
    NodeArrayPool pool = new NodeArrayPool(4);
    LongPairTree tree = new LongPairTree(pairKeys, false, pool);
    NavigableSet<Pair> model = new TreeSet<>(PAIR_ORDER);
    SplittableRandom random = new SplittableRandom(37);
    long low = (1L << 31) - 5_000; // most keys below 2^32 have the top bit of their 32 set
    for (int i = 0; i < 10_000; i++) {
      long a = low + random.nextLong((1L << 32) - low);
      addAbsent(tree, model, a, pairKeys ? low + random.nextLong((1L << 32) - low) : 0);
    }
    assertKeysInOrder(tree, model);

    pool.widen();
    tree.widen();
    for (int i = 0; i < 10_000; i++) {
      long a = (1L << 32) + random.nextLong(1L << 40);
      addAbsent(tree, model, a, pairKeys ? random.nextLong(1L << 40) : 0);
    }
    for (int i = 0; i < 5_000; i++) {
      remove(tree, model, model.first());
    }

    assertKeysInOrder(tree, model);
    for (Pair key : model) {
      assertEquals(key, at(tree, tree.floor(key.a(), key.b())));
    }
  }

  /** Inserts {@code (a, b)} unless a key of {@code a} is there. */
  private static void addAbsent(LongPairTree tree, NavigableSet<Pair> model, long a, long b) {
    Pair floor = model.floor(new Pair(a, Long.MAX_VALUE));
    if (floor == null || floor.a() != a) {
      insert(tree, model, new Pair(a, b));
    }
  }

  private static void assertKeysInOrder(LongPairTree tree, NavigableSet<Pair> model) {
    List<Pair> forward = new ArrayList<>();
    for (int h = tree.first(); h != LongPairTree.NONE; h = tree.next(h)) {
      forward.add(new Pair(tree.a(h), tree.b(h)));
    }
    assertEquals(new ArrayList<>(model), forward);
  }

  @Test
  void sharedPool_drainedTreeGivesItsArrays_andTheNextTreeTakesThem() {
    NodeArrayPool pool = new NodeArrayPool(4);
    LongPairTree first = new LongPairTree(true, false, pool);
    LongPairTree second = new LongPairTree(true, false, pool);
    for (long b = 0; b < 200; b++) {
      first.insert(1, b);
    }
    for (long b = 0; b < 200; b++) {
      first.remove(1, b);
    }
    assertEquals(4, pool.keptKeys()); // more nodes were freed than the pool keeps
    second.insert(1, 1);
    assertEquals(3, pool.keptKeys());
  }

  /**
   * A drained tree gives the pool every node's arrays, inner nodes' keys and children included: the
   * same entries again then make the same nodes from them, with no array allocated.
   */
  @Test
  void sharedPool_drainedTreeWithInnerNodes_refillsFromThePoolWithoutGrowing() {
    NodeArrayPool pool = new NodeArrayPool(100);
    LongPairTree tree = new LongPairTree(true, false, pool);
    for (long b = 0; b < 2_000; b++) { // dozens of leaves under one root: an inner node
      tree.insert(1, b);
    }
    assertEquals(1, tree.height());
    for (long b = 0; b < 2_000; b++) {
      tree.remove(1, b);
    }
    assertEquals(0, tree.size());

    pool.growthsBeforeFailure = 0; // the node ids are free and the arrays kept: none may grow
    try {
      for (long b = 0; b < 2_000; b++) {
        tree.insert(1, b);
      }
    } catch (OutOfMemoryError e) { // caught: JUnit would take it for the JVM's own
      fail("an array was allocated: " + e.getMessage());
    } finally {
      pool.growthsBeforeFailure = -1;
    }
    assertEquals(1, tree.height());
  }

  /**
   * A tree whose freed node arrays go to the collector; wide, since the tests' keys reach past 2^32
   * (narrow trees: the allocator's tests, and {@link
   * #widen_narrowTreeWithKeysPastTwoToThe31_keepsThemAndTakesKeysPastTwoToThe32}).
   */
  private static LongPairTree newTree(boolean pairKeys) {
    NodeArrayPool pool = new NodeArrayPool(0);
    pool.widen();
    return new LongPairTree(pairKeys, false, pool);
  }

  private static void checkValueKeys(
      LongPairTree tree, NavigableSet<Pair> model, SplittableRandom random) {
    checkValueKeys(tree, model, random, 25_000_000);
  }

  /** Compares the whole order, then floors of random probes below {@code bound}. */
  private static void checkValueKeys(
      LongPairTree tree, NavigableSet<Pair> model, SplittableRandom random, long bound) {
    assertEquals(model.size(), tree.size());
    assertKeysInOrder(tree, model);
    for (int i = 0; i < 5_000; i++) {
      long probe = random.nextLong(bound);
      Pair floor = model.floor(new Pair(probe, Long.MAX_VALUE));
      assertEquals(floor, at(tree, tree.floor(probe, 0)), "floor " + probe);
    }
  }

  private static void insert(LongPairTree tree, NavigableSet<Pair> model, Pair key) {
    tree.insert(key.a(), key.b());
    model.add(key);
  }

  private static void remove(LongPairTree tree, NavigableSet<Pair> model, Pair key) {
    tree.remove(key.a(), key.b());
    model.remove(key);
  }

  /** Compares the whole order both ways, then floors and ceilings of random probes. */
  private static void check(LongPairTree tree, NavigableSet<Pair> model, SplittableRandom random) {
    assertEquals(model.size(), tree.size());
    assertKeysInOrder(tree, model);
    List<Pair> backward = new ArrayList<>();
    for (int h = tree.last(); h != LongPairTree.NONE; h = tree.previous(h)) {
      backward.add(new Pair(tree.a(h), tree.b(h)));
    }
    assertEquals(new ArrayList<>(model.descendingSet()), backward);
    for (int i = 0; i < 2_000; i++) {
      Pair probe = new Pair(random.nextLong(70), random.nextLong(1 << 20));
      assertEquals(
          model.floor(probe), at(tree, tree.floor(probe.a(), probe.b())), "floor " + probe);
      assertEquals(
          model.ceiling(probe), at(tree, tree.ceiling(probe.a(), probe.b())), "ceiling " + probe);
    }
  }

  private static Pair at(LongPairTree tree, int handle) {
    return handle == LongPairTree.NONE ? null : new Pair(tree.a(handle), tree.b(handle));
  }
}
