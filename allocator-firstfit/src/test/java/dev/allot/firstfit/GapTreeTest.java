package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree's edge cases: splits and merges at every level, the first and the last leaf, and a
 * random walk checked against a plain list after every change.
 */
class GapTreeTest {

  /** Tiny nodes (4 blocks per leaf, 4 entries per branch) make every change a split or a merge. */
  private static GapTree tinyTree(long capacity) {
    return new GapTree(capacity, 2, 4);
  }

  /** Appends {@code n} blocks {@code [3i, 3i + 2)}: one free index between neighbours. */
  private static GapTree ascending(GapTree tree, int n) {
    tree.insertFirst(0, 2);
    for (int i = 1; i < n; i++) {
      tree.insertAfter(tree.find(3L * (i - 1)), 3L * i, 3L * i + 2);
    }
    return tree;
  }

  @Test
  void insertAfter_tenThousandBlocksPastTwoToThe32_growTheHighHalvesWithTheLeaves() {
    long from = 3L << 31;
    GapTree tree = tinyTree(from + 30_000); // the high halves from the start
    tree.insertFirst(from, from + 2);
    for (int i = 1; i < 10_000; i++) {
      tree.insertAfter(tree.last(), from + 3L * i, from + 3L * i + 2);
    }
    tree.checkInvariants();
    int position = tree.first();
    for (int i = 0; i < 10_000; i++) {
      assertEquals(from + 3L * i, tree.start(position));
      assertEquals(from + 3L * i + 2, tree.end(position));
      position = tree.isLast(position) ? position : tree.next(position);
    }
    assertEquals(tree.find(from + 3L * 5_000), tree.find(from + 3L * 5_000 + 2));
    assertEquals(3L * 5_000 + from, tree.start(tree.find(from + 3L * 5_000 + 2)));
    assertEquals(GapTree.NONE, tree.find(from - 1));
  }

  @Test
  void setCapacity_pastTwoToThe32_keepsTheBlocksBelowAndTakesNewOnesAbove() {
    long top = 1L << 32;
    GapTree tree = tinyTree(top - 1); // the largest capacity without high halves
    List<long[]> model = new ArrayList<>();
    tree.insertFirst(top - 3_000, top - 2_998);
    model.add(new long[] {top - 3_000, top - 2_998});
    for (long start = top - 2_997; start < top - 1; start += 3) { // the last ends at the capacity
      tree.insertAfter(tree.last(), start, start + 2);
      model.add(new long[] {start, start + 2});
    }
    assertEquals(top - 1, tree.lastEnd());

    tree.setCapacity(top); // the first capacity with an index past 32 bits
    tree.setEnd(tree.last(), top);
    model.get(model.size() - 1)[1] = top;
    tree.setCapacity(1L << 33);
    for (long start = top; start < top + 3_000; start += 3) {
      tree.insertAfter(tree.last(), start, start + 2);
      model.add(new long[] {start, start + 2});
    }

    tree.checkInvariants();
    assertSameBlocks(model, tree);
    assertEquals((1L << 33) - (top + 2_999), tree.gapAfter(tree.last()));
    assertEquals(top, tree.end(tree.find(top - 1)));
    assertEquals(top + 1_500, tree.start(tree.find(top + 1_501)));
  }

  @Test
  void insertFirst_capacityOfExactlyTwoToThe32_keepsABlockThatEndsThere() {
    GapTree tree = tinyTree(1L << 32);

    tree.insertFirst((1L << 32) - 2, 1L << 32);

    tree.checkInvariants();
    assertEquals(1L << 32, tree.end(tree.first()));
    assertEquals(0, tree.gapAfter(tree.first()));
  }

  @Test
  void insertAfter_fullLastLeafBesideOneWithRoom_spillsLeftInsteadOfSplitting() {
    GapTree tree = ascending(new GapTree(1_000), 32); // one full leaf
    tree.insertAfter(tree.last(), 96, 98); // splits it: 16 and 17
    assertEquals(2, tree.leafCount());
    for (int i = 33; i < 48; i++) { // fills the right leaf
      tree.insertAfter(tree.last(), 3L * i, 3L * i + 2);
    }
    tree.insertAfter(tree.last(), 144, 146); // the 33rd block of the right leaf
    tree.checkInvariants();
    assertEquals(2, tree.leafCount());
    assertEquals(49, tree.count());
    assertEquals(146, tree.lastEnd());
  }

  @Test
  void insertAfter_fullFirstLeafBesideOneWithRoom_spillsRightInsteadOfSplitting() {
    GapTree tree = new GapTree(1_000);
    tree.insertFirst(0, 2);
    for (int i = 1; i < 33; i++) { // [4i, 4i + 2): 16 blocks in the first leaf, 17 in the second
      tree.insertAfter(tree.last(), 4L * i, 4L * i + 2);
    }
    for (int i = 0; i < 16; i++) { // fills the first leaf: [4i + 2, 4i + 3) after each block
      tree.insertAfter(tree.find(4L * i), 4L * i + 2, 4L * i + 3);
    }
    assertEquals(2, tree.leafCount());
    tree.insertAfter(tree.find(2), 3, 4); // its 33rd block
    tree.checkInvariants();
    assertEquals(2, tree.leafCount());
    assertEquals(50, tree.count());
    for (long start : new long[] {0, 2, 3, 4, 62, 64, 128}) {
      assertEquals(start, tree.start(tree.find(start)));
    }
    assertEquals(130, tree.lastEnd());
  }

  @Test
  void insertAfter_tenThousandAscendingBlocks_keepsOrderAndInvariants() {
    GapTree tree = ascending(tinyTree(30_000), 10_000);
    tree.checkInvariants();
    assertEquals(10_000, tree.count());
    int position = tree.first();
    for (int i = 0; i < 10_000; i++) {
      assertEquals(3L * i, tree.start(position));
      assertEquals(3L * i + 2, tree.end(position));
      if (i < 9_999) {
        position = tree.next(position);
      }
    }
    assertTrue(tree.isLast(position));
    assertEquals(30_000 - 29_999, tree.gapAfter(position));
  }

  @Test
  void insertFirst_manyTimes_splitsTheLeftmostLeafRepeatedly() {
    GapTree tree = tinyTree(1_000_000);
    for (long start = 300_000; start >= 0; start -= 3) {
      tree.insertFirst(start, start + 1);
    }
    tree.checkInvariants();
    assertEquals(100_001, tree.count());
    assertEquals(0, tree.start(tree.first()));
    assertEquals(300_001, tree.lastEnd());
  }

  @Test
  void remove_allBlocksFromTheFront_collapsesToAnEmptyRoot() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    for (int i = 0; i < 1_000; i++) {
      tree.remove(tree.first());
      if (i % 97 == 0) {
        tree.checkInvariants();
      }
    }
    tree.checkInvariants();
    assertEquals(0, tree.count());
    assertEquals(0, tree.lastEnd());
    assertEquals(GapTree.NONE, tree.find(5));
  }

  @Test
  void remove_allBlocksFromTheBack_movesTheLastLeafLeft() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    for (int i = 999; i >= 0; i--) {
      assertEquals(3L * i + 2, tree.lastEnd());
      tree.remove(tree.find(3L * i));
    }
    tree.checkInvariants();
    assertEquals(0, tree.count());
  }

  @Test
  void remove_everyOtherBlock_mergesAndLevelsNodes() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    for (int i = 0; i < 1_000; i += 2) {
      tree.remove(tree.find(3L * i));
      tree.checkInvariants();
    }
    assertEquals(500, tree.count());
    assertEquals(4, tree.largestGapAfterBlocks()); // from 3i + 2 to 3(i + 2) for odd i
  }

  @Test
  void leftmostGapAtLeast_oneWideGapDeepInside_isFoundAcrossLeaves() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    int wide = tree.find(3L * 700);
    tree.setEnd(wide, 3L * 700 + 1); // gap after block 700 becomes 2
    assertEquals(tree.find(3L * 700), tree.leftmostGapAtLeast(2));
    assertEquals(GapTree.NONE, tree.leftmostGapAtLeast(3)); // the tail [2999, 3000) is too short
  }

  @Test
  void nextGapAtLeast_wideGapsFarApart_climbsAndDescendsAcrossLevels() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    for (int block : new int[] {5, 6, 400, 999}) {
      tree.setEnd(tree.find(3L * block), 3L * block + 1); // gap after it becomes 2 (the tail too)
    }
    tree.checkInvariants();
    int first = tree.leftmostGapAtLeast(2);
    assertEquals(15, tree.start(first));
    int second = tree.nextGapAtLeast(first, 2); // the neighbour, in the same leaf or the next
    assertEquals(18, tree.start(second));
    int far = tree.nextGapAtLeast(second, 2); // up to a common ancestor and down again
    assertEquals(1_200, tree.start(far));
    int last = tree.nextGapAtLeast(far, 2);
    assertEquals(2_997, tree.start(last));
    assertTrue(tree.isLast(last));
    assertEquals(GapTree.NONE, tree.nextGapAtLeast(last, 2));
    assertEquals(GapTree.NONE, tree.nextGapAtLeast(far, 3));
  }

  @Test
  void setCapacity_growsTheTail_whichBecomesTheLargestGap() {
    GapTree tree = ascending(tinyTree(300), 100);
    assertEquals(1, tree.largestGapAfterBlocks());
    tree.setCapacity(1_000);
    assertEquals(1_000 - 299, tree.largestGapAfterBlocks());
    assertEquals(tree.find(297), tree.leftmostGapAtLeast(2));
    tree.checkInvariants();
  }

  @Test
  void setStart_everyBlock_updatesThePreviousGapAlsoAcrossLeaves() {
    GapTree tree = ascending(tinyTree(120), 40);
    for (int i = 1; i < 40; i++) {
      tree.setStart(tree.find(3L * i), 3L * i + 1);
      tree.checkInvariants();
      assertEquals(2, tree.gapAfter(tree.find(3L * (i - 1) + 1)));
    }
    assertEquals(2, tree.largestGapAfterBlocks()); // the tail [119, 120) is shorter
  }

  @Test
  void find_indexBeforeEveryBlock_isNone() {
    GapTree tree = tinyTree(100);
    tree.insertFirst(10, 12);
    assertEquals(GapTree.NONE, tree.find(9));
    assertEquals(tree.first(), tree.find(10));
    assertEquals(tree.first(), tree.find(50));
  }

  @Test
  void alignmentClass_madeOnFirstUse_sameAlignmentSameClass_untilAllAreTaken() {
    GapTree tree = ascending(tinyTree(3_000), 1_000);
    int four = tree.alignmentClass(4);
    assertEquals(four, tree.alignmentClass(4));
    tree.checkInvariants(); // the summaries of a class made late are right at once
    for (int i = 1; i < GapTree.MAX_ALIGNMENT_CLASSES; i++) {
      assertTrue(tree.alignmentClass(100 + i) != GapTree.NONE);
    }
    assertEquals(GapTree.NONE, tree.alignmentClass(3));
    assertEquals(four, tree.alignmentClass(4));
    tree.checkInvariants();
  }

  @Test
  void leftmostAlignedFit_gapsLongEnoughButMisaligned_areSkippedInOneDescent() {
    GapTree tree = ascending(tinyTree(3_000), 1_000); // gaps [3i + 2, 3i + 3)
    int byFour = tree.alignmentClass(4);
    assertEquals(6, tree.start(tree.leftmostAlignedFit(1, byFour))); // the gap [8, 9)
    assertEquals(GapTree.NONE, tree.leftmostAlignedFit(2, byFour));
    tree.setEnd(tree.find(3L * 700), 3L * 700 + 1); // gap [2101, 2103): room 0 at 4 (2104)
    tree.setEnd(tree.find(3L * 701), 3L * 701 + 1); // gap [2104, 2106): room 2 at 2104
    assertEquals(tree.find(3L * 701), tree.leftmostAlignedFit(2, byFour));
    assertEquals(GapTree.NONE, tree.leftmostAlignedFit(3, byFour));
    tree.setCapacity(3_010); // the tail [2999, 3010): room 10 at 3000
    assertEquals(tree.find(2_997), tree.leftmostAlignedFit(3, byFour));
    tree.checkInvariants();
  }

  /**
   * Capacities: small, and just below 2^32, where most bounds have the top bit of their 32 set and
   * are right only when read unsigned.
   */
  @ParameterizedTest
  @ValueSource(longs = {10_000, (1L << 32) - 50_000})
  void randomChanges_tinyNodes_matchAPlainListAfterEveryChange(long capacity) {
    SplittableRandom random = new SplittableRandom(42);
    GapTree tree = tinyTree(capacity);
    List<long[]> model = new ArrayList<>();
    long[] alignments = {4, 3, 16};
    int[] classes = {tree.alignmentClass(4), tree.alignmentClass(3), GapTree.NONE};
    for (int step = 0; step < 20_000; step++) {
      change(random, tree, model);
      if (step == 5_000) {
        classes[2] = tree.alignmentClass(16); // made late, with many blocks present
      }
      tree.checkInvariants();
      assertSameBlocks(model, tree);
      int which = random.nextInt(step > 5_000 ? 3 : 2);
      long roomSize = 1 + random.nextLong(8);
      assertEquals(
          firstAlignedFit(model, tree.capacity(), roomSize, alignments[which]),
          tree.leftmostAlignedFit(roomSize, classes[which]) == GapTree.NONE
              ? -1
              : tree.start(tree.leftmostAlignedFit(roomSize, classes[which])));
      long size = 1 + random.nextLong(12);
      assertEquals(
          firstGapAtLeast(model, tree.capacity(), size, 0),
          tree.leftmostGapAtLeast(size) == GapTree.NONE
              ? -1
              : tree.start(tree.leftmostGapAtLeast(size)));
      if (!model.isEmpty()) {
        int from = random.nextInt(model.size());
        int next = tree.nextGapAtLeast(tree.find(model.get(from)[0]), size);
        assertEquals(
            firstGapAtLeast(model, tree.capacity(), size, from + 1),
            next == GapTree.NONE ? -1 : tree.start(next));
      }
      long index = random.nextLong(tree.capacity());
      assertEquals(
          find(model, index), tree.find(index) == GapTree.NONE ? -1 : tree.start(tree.find(index)));
    }
  }

  @Test
  void randomChanges_onlyAlignedSearchesThenAnUnalignedOne_matchAPlainList() {
    SplittableRandom random = new SplittableRandom(7);
    GapTree tree = tinyTree(10_000);
    List<long[]> model = new ArrayList<>();
    int byEight = tree.alignmentClass(8);
    for (int step = 0; step < 6_000; step++) {
      change(random, tree, model);
      if (step == 3_000) {
        assertEquals(false, tree.keepsGaps()); // aligned searches alone never needed them
        tree.leftmostGapAtLeast(1); // the first unaligned search: the gaps are rebuilt
        assertTrue(tree.keepsGaps());
      }
      tree.checkInvariants(); // gaps and their summaries too, once kept
      assertSameBlocks(model, tree);
      long roomSize = 1 + random.nextLong(8);
      int fit = tree.leftmostAlignedFit(roomSize, byEight);
      assertEquals(
          firstAlignedFit(model, tree.capacity(), roomSize, 8),
          fit == GapTree.NONE ? -1 : tree.start(fit));
      if (step > 3_000) {
        long size = 1 + random.nextLong(12);
        int gap = tree.leftmostGapAtLeast(size);
        assertEquals(
            firstGapAtLeast(model, tree.capacity(), size, 0),
            gap == GapTree.NONE ? -1 : tree.start(gap));
      }
    }
  }

  @Test
  void largestGapAfterBlocks_gapsNotKept_scansUnlessAskedAgainSoon() {
    GapTree tree = ascending(tinyTree(3_000), 1_000); // gaps of 1, the tail [2999, 3000)
    int byFour = tree.alignmentClass(4);
    tree.setEnd(tree.find(3L * 500), 3L * 500 + 1); // a gap of 2 inside
    assertEquals(2, tree.largestGapAfterBlocks()); // by a scan: the gaps were never needed
    assertEquals(false, tree.keepsGaps());
    for (int i = 0; i < 250; i++) { // a quarter as many changes as blocks pays for a scan
      int position = tree.find(3L * i);
      tree.setEnd(position, 3L * i + 1);
      tree.setEnd(position, 3L * i + 2);
    }
    tree.setCapacity(3_005); // the tail [2999, 3005)
    assertEquals(6, tree.largestGapAfterBlocks());
    assertEquals(false, tree.keepsGaps());
    tree.setCapacity(3_006);
    assertEquals(7, tree.largestGapAfterBlocks()); // asked again at once: summaries from now on
    assertTrue(tree.keepsGaps());
    tree.checkInvariants();
    tree.setCapacity(3_000);
    assertEquals(2, tree.largestGapAfterBlocks());
    assertEquals(6, tree.start(tree.leftmostAlignedFit(1, byFour))); // rooms kept throughout
  }

  @Test
  void load_blockListsOfManySizes_keepsInvariantsThroughLaterChanges() {
    SplittableRandom random = new SplittableRandom(11);
    GapTree tree = tinyTree(100_000); // reloaded each time: the old nodes are reused
    for (int count : new int[] {2_000, 0, 1, 3, 4, 5, 17, 64, 65, 300}) {
      List<long[]> model = new ArrayList<>();
      long end = 0;
      for (int i = 0; i < count; i++) {
        long start = end + 1 + random.nextLong(4);
        end = start + 1 + random.nextLong(5);
        model.add(new long[] {start, end});
      }
      long[] starts = model.stream().mapToLong(block -> block[0]).toArray();
      long[] ends = model.stream().mapToLong(block -> block[1]).toArray();

      tree.load(starts, ends, count);

      tree.checkInvariants();
      assertSameBlocks(model, tree);
      long[] copiedStarts = new long[count];
      long[] copiedEnds = new long[count];
      tree.copyTo(copiedStarts, copiedEnds);
      assertArrayEquals(starts, copiedStarts);
      assertArrayEquals(ends, copiedEnds);
      for (int step = 0; step < 1_000; step++) {
        change(random, tree, model);
        tree.checkInvariants();
        assertSameBlocks(model, tree);
      }
    }
  }

  /** One random change to both: insert into a gap, remove, move a start or an end, grow. */
  private static void change(SplittableRandom random, GapTree tree, List<long[]> model) {
    int dice = random.nextInt(10);
    if (model.isEmpty() || dice < 4) {
      int after = model.isEmpty() ? -1 : random.nextInt(-1, model.size());
      long from = after < 0 ? 0 : model.get(after)[1] + 1;
      long to = after + 1 < model.size() ? model.get(after + 1)[0] - 1 : tree.capacity();
      if (to - from >= 1) {
        long start = from + random.nextLong(to - from);
        long end = start + 1 + random.nextLong(Math.min(6, to - start));
        if (after < 0) {
          tree.insertFirst(start, end);
        } else {
          tree.insertAfter(tree.find(model.get(after)[0]), start, end);
        }
        model.add(after + 1, new long[] {start, end});
      }
    } else if (dice < 8) {
      int index = random.nextInt(model.size());
      tree.remove(tree.find(model.get(index)[0]));
      model.remove(index);
    } else if (dice < 9) {
      int index = random.nextInt(model.size());
      long[] block = model.get(index);
      if (block[1] - block[0] > 1) {
        int position = tree.find(block[0]);
        if (random.nextBoolean()) {
          block[0]++;
          tree.setStart(position, block[0]);
        } else {
          block[1]--;
          tree.setEnd(position, block[1]);
        }
      }
    } else {
      tree.setCapacity(tree.capacity() + random.nextInt(3));
    }
  }

  private static void assertSameBlocks(List<long[]> model, GapTree tree) {
    assertEquals(model.size(), tree.count());
    int position = tree.first();
    for (int i = 0; i < model.size(); i++) {
      assertEquals(model.get(i)[0], tree.start(position));
      assertEquals(model.get(i)[1], tree.end(position));
      if (i + 1 < model.size()) {
        position = tree.next(position);
      } else {
        assertTrue(tree.isLast(position));
      }
    }
  }

  /** The start of the first block whose gap after it holds {@code size} at an aligned start. */
  private static long firstAlignedFit(
      List<long[]> model, long capacity, long size, long alignment) {
    for (int i = 0; i < model.size(); i++) {
      long next = i + 1 < model.size() ? model.get(i + 1)[0] : capacity;
      long start = (model.get(i)[1] + alignment - 1) / alignment * alignment;
      if (start + size <= next) {
        return model.get(i)[0];
      }
    }
    return -1;
  }

  /** The start of the first block from {@code from} on with a gap of at least {@code size}. */
  private static long firstGapAtLeast(List<long[]> model, long capacity, long size, int from) {
    for (int i = from; i < model.size(); i++) {
      long next = i + 1 < model.size() ? model.get(i + 1)[0] : capacity;
      if (next - model.get(i)[1] >= size) {
        return model.get(i)[0];
      }
    }
    return -1;
  }

  private static long find(List<long[]> model, long index) {
    long found = -1;
    for (long[] block : model) {
      if (block[0] <= index) {
        found = block[0];
      }
    }
    return found;
  }

  @Test
  void cut_insideABlock_givesTheRightPartTheOldGapAndAddsTheCutAsAHole() {
    GapTree tree = tinyTree(1_000);
    tree.insertFirst(0, 28); // a gap of 2 first
    tree.insertAfter(tree.first(), 30, 40);
    tree.insertAfter(tree.find(30), 45, 47); // [30, 40) has a gap of 5 after it
    tree.cut(tree.find(30), 33, 36);
    tree.checkInvariants();
    assertEquals(33, tree.end(tree.find(30)));
    int right = tree.find(36);
    assertEquals(36, tree.start(right));
    assertEquals(40, tree.end(right));
    assertEquals(5, tree.gapAfter(right));
    assertEquals(tree.find(30), tree.leftmostGapAtLeast(3)); // the cut [33, 36)
    assertEquals(right, tree.leftmostGapAtLeast(4));
  }

  @Test
  void cut_inAFullLeaf_splitsItAndKeepsEveryGap() {
    GapTree tree = new GapTree(1_000, 2, 4);
    tree.insertFirst(0, 10);
    tree.insertAfter(tree.first(), 20, 30);
    tree.insertAfter(tree.find(20), 40, 50);
    tree.insertAfter(tree.find(40), 60, 70); // one leaf of four blocks: it is full
    tree.cut(tree.find(40), 42, 45);
    tree.checkInvariants();
    assertEquals(5, tree.count());
    assertEquals(3, tree.gapAfter(tree.find(40)));
    assertEquals(10, tree.gapAfter(tree.find(45)));
  }

  @Test
  void extendInto_exactlyTheGap_mergesWithTheNextBlock() {
    GapTree tree = ascending(tinyTree(100), 10);
    assertEquals(2, tree.extendInto(tree.find(0), 1));
    tree.checkInvariants();
    assertEquals(9, tree.count());
    assertEquals(5, tree.end(tree.first()));
  }

  @Test
  void extendInto_theTailExactly_staysOneBlockAtTheCapacity() {
    GapTree tree = ascending(tinyTree(29), 10); // the last block [27, 29) ends at the capacity
    tree.setCapacity(31);
    assertEquals(29, tree.extendInto(tree.last(), 2));
    tree.checkInvariants();
    assertEquals(10, tree.count());
    assertEquals(31, tree.lastEnd());
    assertEquals(0, tree.gapAfter(tree.last()));
  }

  @Test
  void leftmostGapAtLeast_gapsPastIntRange_comparesExactly() {
    GapTree tree = tinyTree(Long.MAX_VALUE);
    long huge = 3L << 31; // more than an int gap can say
    tree.insertFirst(0, 1);
    tree.insertAfter(tree.first(), 1 + huge, 2 + huge); // gap of exactly `huge`
    tree.insertAfter(tree.find(1 + huge), 3 + 2 * huge, 4 + 2 * huge); // gap of `huge + 1`
    tree.checkInvariants();
    assertEquals(tree.first(), tree.leftmostGapAtLeast(huge));
    assertEquals(tree.find(1 + huge), tree.leftmostGapAtLeast(huge + 1));
    assertEquals(tree.last(), tree.leftmostGapAtLeast(huge + 2)); // only the tail holds it
    assertEquals(Long.MAX_VALUE - 4 - 2 * huge, tree.largestGapAfterBlocks());
    assertEquals(tree.first(), tree.leftmostGapAtLeast(Integer.MAX_VALUE - 1)); // saturated int
  }

  @Test
  void leftmostAlignedFit_roomsPastIntRange_comparesExactly() {
    GapTree tree = tinyTree(Long.MAX_VALUE);
    int byEight = tree.alignmentClass(8); // made empty, kept by every change after
    long huge = 3L << 31; // a multiple of 8, and more than an int room can say
    tree.insertFirst(0, 1);
    tree.insertAfter(tree.first(), 1 + huge, 2 + huge); // [1, 1 + huge): from 8 on, huge - 7
    tree.insertAfter(tree.find(1 + huge), 3 + 2 * huge, 4 + 2 * huge); // from huge + 8: huge - 5
    int byFour = tree.alignmentClass(4); // made over blocks already there
    tree.checkInvariants();
    assertEquals(tree.first(), tree.leftmostAlignedFit(huge - 7, byEight));
    assertEquals(tree.find(1 + huge), tree.leftmostAlignedFit(huge - 6, byEight));
    assertEquals(tree.last(), tree.leftmostAlignedFit(huge - 4, byEight)); // only the tail
    assertEquals(tree.first(), tree.leftmostAlignedFit(Integer.MAX_VALUE - 1, byEight));
    assertEquals(tree.first(), tree.leftmostAlignedFit(huge - 3, byFour));
    assertEquals(tree.find(1 + huge), tree.leftmostAlignedFit(huge - 2, byFour));
    assertEquals(tree.last(), tree.leftmostAlignedFit(huge, byFour));
    assertEquals(GapTree.NONE, tree.leftmostAlignedFit(Long.MAX_VALUE - 3 - 2 * huge, byFour));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 8})
  void search_gapsAroundTheSaturatedChar_comparesExactly(long alignment) {
    long s = GapTree.SATURATED; // a block's gap or room says this much or more
    long[] gaps = {s - 1, s + 1, s, 3, 5, 7, 2, 1, 4, 6, 2};
    long[] starts = new long[gaps.length + 1];
    long[] ends = new long[gaps.length + 1];
    ends[0] = 8; // every block ends on a multiple of 8: each gap is also its room
    for (int k = 1; k <= gaps.length; k++) {
      starts[k] = ends[k - 1] + gaps[k - 1];
      ends[k] = (starts[k] + 8) & -8L;
    }
    GapTree tree = tinyTree(ends[gaps.length] + 2); // a short tail
    tree.load(starts, ends, starts.length); // 4 leaves of 3: the gap of s + 1 is not a last one
    int c = alignment == 1 ? -1 : tree.alignmentClass(alignment);
    tree.checkInvariants();
    int[] blocks = new int[3];
    for (int k = 0; k < blocks.length; k++) {
      blocks[k] = tree.find(starts[k]);
    }

    assertEquals(blocks[0], fit(tree, s - 1, c));
    assertEquals(blocks[1], fit(tree, s, c));
    assertEquals(blocks[1], fit(tree, s + 1, c));
    assertEquals(GapTree.NONE, fit(tree, s + 2, c));
    if (alignment == 1) {
      assertEquals(s + 1, tree.largestGapAfterBlocks());
    }
    tree.extendInto(blocks[1], 8); // the longest gap shrinks to s - 7: the leaf's maximum is s
    tree.checkInvariants();
    assertEquals(GapTree.NONE, fit(tree, s + 1, c));
    assertEquals(blocks[2], fit(tree, s, c));
    if (alignment == 1) {
      assertEquals(s, tree.largestGapAfterBlocks());
    }
  }

  /** The leftmost gap of at least {@code size}, by class {@code c}'s room unless {@code c < 0}. */
  private static int fit(GapTree tree, long size, int c) {
    return c < 0 ? tree.leftmostGapAtLeast(size) : tree.leftmostAlignedFit(size, c);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6})
  void find_leavesOfEveryFillAtSizesAroundTheSearchGroup_matchesAPlainList(int leafShift) {
    GapTree tree = new GapTree(20_000, leafShift, 8);
    List<long[]> model = new ArrayList<>();
    // leaves split at every fill from half to full, then shrink back towards their minimum
    long end = appendThenThin(tree, model, new SplittableRandom(leafShift), 2_000, 1_000);
    assertFindMatches(tree, model, end);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void find_pastTheBlocksWhoseSearchLoadsTheLeafInts_matchesAPlainList(boolean aligned) {
    GapTree tree = new GapTree(200_000); // default nodes: 32 blocks a leaf
    if (aligned) {
      tree.alignmentClass(16); // find loads the class's rooms
    } else {
      tree.leftmostGapAtLeast(1); // find loads the gaps, kept from here on
    }
    List<long[]> model = new ArrayList<>();
    // past the 2^14 blocks from which find loads them
    long end = appendThenThin(tree, model, new SplittableRandom(aligned ? 2 : 1), 20_000, 2_000);
    assertFindMatches(tree, model, end);
  }

  @Test
  void find_pastTheBlocksFromWhichItTakesLeafHints_matchesAPlainListWhileTheTreeShrinksAndGrows() {
    GapTree tree = new GapTree(1L << 42); // default nodes: 32 blocks a leaf
    tree.leftmostGapAtLeast(1);
    List<long[]> model = new ArrayList<>();
    // past the 2^17 blocks from which find first tries the hint of the index
    long end = appendThenThin(tree, model, new SplittableRandom(3), 150_000, 1_000);
    assertFindMatches(tree, model, end); // every hint recorded, then taken
    model = removeEvery(3, tree, model); // leaves merge and free their ids under the hints
    assertFindMatches(tree, model, end);
    model = removeEvery(2, tree, model); // below 2^16 blocks: the hints are dropped
    model = removeEvery(2, tree, model);
    assertFindMatches(tree, model, end);
    long far = 1L << 40; // blocks past the span of the hints' slots widen it
    for (int k = 0; k < 120_000; k++) {
      long start = far + 4L * k;
      tree.insertAfter(tree.last(), start, start + 2);
      model.add(new long[] {start, start + 2});
    }
    tree.checkInvariants();
    assertFindMatches(tree, model, end);
    for (int k = 0; k < 120_000; k += 7) {
      long start = far + 4L * k;
      assertEquals(start, tree.start(tree.find(start + 3)), "find " + (start + 3));
    }
  }

  @Test
  void find_adjacentBlocksPastTheHintThreshold_takesTheNextLeafAtALastEnd() {
    GapTree tree = new GapTree(1L << 20); // the tree does not rely on blocks never touching
    List<long[]> model = new ArrayList<>();
    for (long k = 0; k < 140_000; k++) { // each block ends where the next starts
      long start = 1 + 3 * k; // from 1: no leaf boundary falls on the start of a hint's slot
      if (k == 0) {
        tree.insertFirst(start, start + 3);
      } else {
        tree.insertAfter(tree.last(), start, start + 3);
      }
      model.add(new long[] {start, start + 3});
    }
    tree.checkInvariants();
    // ascending: a slot's hint names a leaf whose last end is the next leaf's first start
    assertFindMatches(tree, model, 3L * 140_000);
  }

  @Test
  void load_afterFindTookLeafHints_findReadsOnlyTheNewLeaves() {
    GapTree tree = new GapTree(1L << 20);
    tree.leftmostGapAtLeast(1);
    List<long[]> model = new ArrayList<>();
    long end = appendThenThin(tree, model, new SplittableRandom(4), 150_000, 0); // half-full leaves
    assertFindMatches(tree, model, end); // hints name about 9k leaves
    int count = 140_000; // three-quarter-full leaves: fewer ids, the rest keep their old blocks
    long[] starts = new long[count];
    long[] ends = new long[count];
    List<long[]> loaded = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      starts[k] = 4L * k + 2;
      ends[k] = starts[k] + 1;
      loaded.add(new long[] {starts[k], ends[k]});
    }
    tree.load(starts, ends, count);
    assertFindMatches(tree, loaded, end);
  }

  @Test
  void keepsHints_fromTheThreshold_untilBelowHalfOfIt() {
    int from = GapTree.HINT_FROM;
    GapTree tree = ascending(new GapTree(1L << 30), from - 1);
    tree.find(5);
    boolean oneShort = tree.keepsHints();
    tree.insertAfter(tree.last(), 3L * from, 3L * from + 2);
    boolean atThreshold = tree.keepsHints();
    long start = 0;
    while (tree.count() > from / 2) {
      tree.remove(tree.find(start));
      start += 3;
    }
    tree.find(start);
    boolean atHalf = tree.keepsHints();
    tree.remove(tree.find(start));
    tree.find(start + 3);
    boolean belowHalf = tree.keepsHints();
    tree.insertFirst(start, start + 2);
    tree.find(start);

    assertFalse(oneShort, "one block short");
    assertTrue(atThreshold, "at the threshold");
    assertTrue(atHalf, "at half the threshold");
    assertFalse(belowHalf, "below half");
    assertFalse(tree.keepsHints(), "at half again: hints come back at the threshold only");
    tree.checkInvariants();
  }

  @Test
  void hintSlots_powersOfTwo_aQuarterOfTheCountUpToTheCap() {
    assertEquals(128, GapTree.hintSlots(GapTree.HINT_FROM));
    assertEquals(128, GapTree.hintSlots(2 * GapTree.HINT_FROM - 1));
    assertEquals(256, GapTree.hintSlots(2 * GapTree.HINT_FROM));
    assertEquals(1 << 16, GapTree.hintSlots(1 << 18));
    assertEquals(1 << 16, GapTree.hintSlots(Integer.MAX_VALUE));
    assertEquals(1, GapTree.hintSlots(1));
  }

  @Test
  void hintTableSlots_appendsPastPowersOfTwo_growsAtEachAndKeepsAnsweringFinds() {
    int from = GapTree.HINT_FROM;
    GapTree tree = ascending(new GapTree(1L << 30), from - 1);
    List<Integer> slots = new ArrayList<>();
    slots.add(tree.hintTableSlots());
    for (int n = from - 1; n < 4 * from; n++) {
      tree.insertAfter(tree.last(), 3L * n, 3L * n + 2);
      if (Integer.bitCount(n + 1) == 1) { // the count just reached a power of two
        slots.add(tree.hintTableSlots());
      }
      assertEquals(3L * (n / 2), tree.start(tree.find(3L * (n / 2) + 1)), "find after " + n);
    }
    // Shrinking never takes the table down again: a tree at half its peak keeps it.
    while (tree.count() > from) {
      tree.remove(tree.last());
    }
    tree.find(3);

    assertEquals(List.of(0, from / 4, from / 2, from), slots);
    assertEquals(from, tree.hintTableSlots());
    tree.checkInvariants();
  }

  @Test
  void load_countPastThePowersOfTwo_sizesTheTableForIt() {
    int count = 3 * GapTree.HINT_FROM;
    long[] starts = everyFourth(count);
    GapTree tree = new GapTree(1L << 30);
    tree.load(starts, endsOneAfter(starts), count);
    assertEquals(
        GapTree.HINT_FROM / 2, tree.hintTableSlots(), "2 x HINT_FROM is the power reached");
    assertEquals(starts[count - 7], tree.start(tree.find(starts[count - 7] + 1)));
  }

  @Test
  void hintedTreeDescents_findsAfterALoad_descendOnlyWhereNoHintNamesTheLeaf() {
    int from = GapTree.HINT_FROM;
    long[] starts = everyFourth(from);
    long[] ends = endsOneAfter(starts);
    GapTree tree = new GapTree(1L << 30);
    tree.load(starts, ends, from - 1);
    boolean oneShort = tree.keepsHints();
    tree.load(starts, ends, from);
    long[] again = new long[3];
    for (int k = 0; k < 3; k++) { // no hint after a load, then the one the first find recorded
      long before = tree.hintedTreeDescents();
      tree.find(starts[from / 2]);
      again[k] = tree.hintedTreeDescents() - before;
    }
    long firstFinds = 0;
    long secondFinds = 0;
    for (int k = 0; k < from; k += 97) { // a fresh slot descends once, then takes its hint
      long before = tree.hintedTreeDescents();
      tree.find(starts[k]);
      long between = tree.hintedTreeDescents();
      assertEquals(starts[k], tree.start(tree.find(starts[k])));
      firstFinds += between - before;
      secondFinds += tree.hintedTreeDescents() - between;
    }

    assertFalse(oneShort, "loaded one block short");
    assertArrayEquals(new long[] {1, 0, 0}, again);
    assertTrue(firstFinds > 0, "first finds of fresh slots descend");
    assertEquals(0, secondFinds, "a find again at the same index takes the hint");
  }

  @Test
  void find_inALeafBesideTheHintedOne_takesTheNeighbourInsteadOfDescending() {
    int from = GapTree.HINT_FROM;
    long[] starts = everyFourth(from);
    starts[from - 1] = 1L << 39; // a hint's slot then spans 2^23 indices: slot 0 holds the rest
    long[] ends = endsOneAfter(starts);
    GapTree tree = new GapTree(1L << 40);
    tree.load(starts, ends, from);
    tree.find(starts[from - 1]);
    long before = tree.hintedTreeDescents();
    for (int k = 0; k < from - 1; k++) { // ascending: the hint names the leaf before
      assertEquals(starts[k], tree.start(tree.find(starts[k] + 2)), "find " + (starts[k] + 2));
    }
    long ascending = tree.hintedTreeDescents() - before;
    before = tree.hintedTreeDescents();
    for (int k = from - 2; k >= 0; k--) { // descending: the hint names the leaf after
      assertEquals(starts[k], tree.start(tree.find(starts[k])), "find " + starts[k]);
    }
    long descending = tree.hintedTreeDescents() - before;

    int leaves = tree.leafCount();
    // one descent per two leaves: the hinted leaf's neighbour needs none, the next one does
    assertTrue(ascending > leaves / 4 && ascending <= leaves / 2 + 1, ascending + " ascending");
    assertTrue(descending > leaves / 4 && descending <= leaves / 2 + 1, descending + " descending");
  }

  /** Returns {@code count} starts 4 apart from 0. */
  private static long[] everyFourth(int count) {
    long[] starts = new long[count];
    for (int k = 0; k < count; k++) {
      starts[k] = 4L * k;
    }
    return starts;
  }

  /** Returns the ends of blocks of one index at {@code starts}. */
  private static long[] endsOneAfter(long[] starts) {
    long[] ends = new long[starts.length];
    for (int k = 0; k < starts.length; k++) {
      ends[k] = starts[k] + 1;
    }
    return ends;
  }

  /** Removes every {@code step}-th block of the model from the tree; returns the blocks left. */
  private static List<long[]> removeEvery(int step, GapTree tree, List<long[]> model) {
    List<long[]> left = new ArrayList<>();
    for (int k = 0; k < model.size(); k++) {
      if (k % step == 0) {
        tree.remove(tree.find(model.get(k)[0]));
      } else {
        left.add(model.get(k));
      }
    }
    tree.checkInvariants();
    return left;
  }

  /**
   * Appends {@code blocks} blocks of 1 to 3 indices, 1 to 3 apart, to an empty tree and to the
   * model, then removes {@code removals} of them at random from both; returns the last end.
   */
  private static long appendThenThin(
      GapTree tree, List<long[]> model, SplittableRandom random, int blocks, int removals) {
    long end = 0;
    for (int k = 0; k < blocks; k++) {
      long start = end + random.nextLong(1, 4);
      end = start + random.nextLong(1, 4);
      if (model.isEmpty()) {
        tree.insertFirst(start, end);
      } else {
        tree.insertAfter(tree.last(), start, end);
      }
      model.add(new long[] {start, end});
    }
    for (int k = 0; k < removals; k++) {
      long[] gone = model.remove(random.nextInt(model.size()));
      tree.remove(tree.find(gone[0]));
    }
    tree.checkInvariants();
    return end;
  }

  /**
   * Checks {@code find} at every index from 0 to {@code end} against the model, in address order:
   * one sweep that moves to the next block once the index reaches its start.
   */
  private static void assertFindMatches(GapTree tree, List<long[]> model, long end) {
    int next = 0;
    for (long index = 0; index <= end; index++) {
      while (next < model.size() && model.get(next)[0] <= index) {
        next++;
      }
      long expected = next == 0 ? -1 : model.get(next - 1)[0];
      int found = tree.find(index);
      assertEquals(expected, found == GapTree.NONE ? -1 : tree.start(found), "find " + index);
    }
  }
}
