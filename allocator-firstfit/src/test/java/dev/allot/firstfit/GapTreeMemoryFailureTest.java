package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Out of heap inside the tree: a change that needs a larger array fails before its first write, so
 * the tree is as it was, and the same change succeeds once the heap has room. The failures come
 * from the tree's test seam, {@link GapTree#growthsBeforeFailure}.
 */
class GapTreeMemoryFailureTest {

  /** Tiny nodes (4 blocks per leaf, 4 entries per branch): the pools grow every few blocks. */
  private static GapTree tinyTree() {
    return new GapTree(100_000, 2, 4);
  }

  /** Appends {@code n} blocks {@code [10i, 10i + 5)}. */
  private static GapTree ascending(GapTree tree, int n) {
    tree.insertFirst(0, 5);
    for (int i = 1; i < n; i++) {
      tree.insertAfter(tree.last(), 10L * i, 10L * i + 5);
    }
    return tree;
  }

  /** Everything the tree answers about its blocks: bounds, gaps, count, tail, largest gap. */
  private static String snapshot(GapTree tree) {
    StringBuilder text = new StringBuilder();
    text.append("count ").append(tree.count()).append(", capacity ").append(tree.capacity());
    text.append(", last end ").append(tree.lastEnd()).append(", leaves ").append(tree.leafCount());
    if (tree.count() > 0) {
      text.append(", largest gap ").append(tree.largestGapAfterBlocks()).append(':');
      for (int position = tree.first(); ; position = tree.next(position)) {
        text.append(' ').append(tree.start(position)).append('-').append(tree.end(position));
        text.append('+').append(tree.gapAfter(position));
        if (tree.isLast(position)) {
          break;
        }
      }
    }
    return text.toString();
  }

  /**
   * Appends split the last leaf and every full branch above it, up to a new root, while the pools
   * run near their ends: each insert must have reserved a branch per level and one for the new
   * root, or newBranch finds none (a reserve of height - 1 per insert failed within 400 blocks at
   * nine of these twelve node sizes).
   */
  @Test
  void insertAfter_appendsThatSplitUpToNewRoots_neverRunOutOfReservedNodes() {
    for (int leafShift = 2; leafShift <= 4; leafShift++) {
      for (int branchCapacity = 4; branchCapacity <= 7; branchCapacity++) {
        GapTree tree = ascending(new GapTree(1L << 40, leafShift, branchCapacity), 5_000);

        assertEquals(5_000, tree.count(), leafShift + " " + branchCapacity);
        tree.checkInvariants();
      }
    }
  }

  /**
   * Cuts the first block again and again near its end, so that every new block goes to slot 1 of
   * the first leaf, which fills, spills right and splits; a failure is armed whenever that leaf is
   * full, and the first cut whose split finds the pools full must fail before its setEnd.
   */
  @Test
  void cut_fullLeafWhenThePoolsCannotGrow_changesNothingAndSucceedsOnceGrowthWorks() {
    GapTree tree = tinyTree();
    tree.insertFirst(0, 90_000);
    int failures = 0;
    for (int i = 0; i < 3_000; i++) {
      int first = tree.first();
      long end = tree.end(first);
      boolean full = tree.count() >= 4 && tree.next(tree.next(tree.next(first))) == first + 3;
      String before = snapshot(tree);
      tree.growthsBeforeFailure = full ? 0 : -1;
      try {
        tree.cut(first, end - 3, end - 1);
      } catch (OutOfMemoryError e) {
        failures++;
        assertEquals(-1, tree.growthsBeforeFailure, "the seam's failure");
        assertEquals(before, snapshot(tree), "cut " + i);
        tree.checkInvariants();

        tree.cut(first, end - 3, end - 1); // the heap has room again
      }
      tree.growthsBeforeFailure = -1;
      tree.checkInvariants();
      assertEquals(i + 2, tree.count());
      assertEquals(end - 3, tree.end(first));
      assertEquals(2, tree.gapAfter(first));
      int cutOff = tree.next(first);
      assertEquals(end - 1, tree.start(cutOff));
      assertEquals(end, tree.end(cutOff));
      assertEquals(i == 0 ? 10_000 : 2, tree.gapAfter(cutOff));
    }
    assertTrue(failures > 5, "cuts on a full leaf whose growth failed: " + failures);
  }

  @Test
  void insertAfter_splitWhenThePoolsCannotGrow_changesNothing() {
    GapTree tree = tinyTree();
    tree.insertFirst(0, 5);
    int failures = 0;
    for (int i = 1; i < 2_000; i++) {
      String before = snapshot(tree);
      tree.growthsBeforeFailure = 0;
      try {
        tree.insertAfter(tree.last(), 10L * i, 10L * i + 5);
      } catch (OutOfMemoryError e) {
        failures++;
        assertEquals(before, snapshot(tree), "block " + i);
        tree.checkInvariants();
        tree.insertAfter(tree.last(), 10L * i, 10L * i + 5);
      }
      tree.growthsBeforeFailure = -1;
    }
    tree.checkInvariants();
    assertEquals(2_000, tree.count());
    assertTrue(failures > 5, "growths failed: " + failures);
  }

  @Test
  void load_moreNodesThanThePoolsHoldWhenTheyCannotGrow_changesNothing() {
    GapTree tree = ascending(tinyTree(), 20);
    int count = 3_000;
    long[] starts = new long[count];
    long[] ends = new long[count];
    for (int i = 0; i < count; i++) {
      starts[i] = 7L * i;
      ends[i] = 7L * i + 3;
    }
    String before = snapshot(tree);
    int failures = 0;
    for (int k = 0; ; k++) {
      tree.growthsBeforeFailure = k;
      try {
        tree.load(starts, ends, count);
        break;
      } catch (OutOfMemoryError e) {
        failures++;
        assertEquals(before, snapshot(tree), "growth " + k + " failed");
        tree.checkInvariants();
      }
    }
    tree.growthsBeforeFailure = -1;
    tree.checkInvariants();
    assertEquals(count, tree.count());
    assertEquals(7L * 1_500 + 3, tree.end(tree.find(7L * 1_500 + 1)));
    assertTrue(failures >= 3, "the level array and both pools: " + failures);
  }

  @Test
  void alignmentClass_whenItsArraysCannotBeMade_makesNoClass() {
    GapTree tree = ascending(tinyTree(), 50);
    String before = snapshot(tree);
    for (int k = 0; k < 2; k++) { // the rooms of the branch entries, then those of the blocks
      tree.growthsBeforeFailure = k;
      assertThrows(OutOfMemoryError.class, () -> tree.alignmentClass(16));
      assertEquals(before, snapshot(tree));
    }
    tree.growthsBeforeFailure = -1;
    for (int c = 0; c < GapTree.MAX_ALIGNMENT_CLASSES; c++) {
      assertEquals(c, tree.alignmentClass(16L << c), "class " + c); // the failed one took none
    }
    tree.checkInvariants();
    tree.insertAfter(tree.last(), 10_000, 10_003); // every class's rooms kept past a new block
    tree.checkInvariants();
  }

  @Test
  void setCapacity_pastTwoToThe32WhenTheHighHalvesCannotBeMade_changesNothing() {
    GapTree tree = ascending(tinyTree(), 50);
    String before = snapshot(tree);
    tree.growthsBeforeFailure = 0;
    assertThrows(OutOfMemoryError.class, () -> tree.setCapacity(1L << 33));
    assertEquals(before, snapshot(tree));
    tree.growthsBeforeFailure = -1;
    tree.setCapacity(1L << 33);
    tree.insertAfter(tree.last(), (1L << 32) + 5, (1L << 32) + 9);
    tree.checkInvariants();
    assertEquals((1L << 32) + 9, tree.end(tree.find((1L << 32) + 6)));
  }

  /**
   * The hint table is a cache: a failure to make it is caught at the block that reaches {@link
   * GapTree#HINT_FROM}, which goes in, and the tree answers as before without hints.
   */
  @Test
  void insertAfter_blockThatReachesHintFromWhenTheTableCannotBeMade_goesOnWithoutHints() {
    int from = GapTree.HINT_FROM;
    GapTree tree = new GapTree(1L << 30);
    tree.insertFirst(0, 2);
    for (int i = 1; i < from - 1; i++) {
      tree.insertAfter(tree.last(), 3L * i, 3L * i + 2);
    }
    boolean absorbed = false;
    for (int k = 0; !absorbed; k++) { // failures of pool growths first, if this insert splits
      String before = snapshot(tree);
      tree.growthsBeforeFailure = k;
      try {
        tree.insertAfter(tree.last(), 3L * (from - 1), 3L * (from - 1) + 2);
        absorbed = tree.growthsBeforeFailure == -1;
        assertTrue(absorbed, "the table's growth was reached");
      } catch (OutOfMemoryError e) {
        assertEquals(before, snapshot(tree), "growth " + k + " failed");
      }
    }
    tree.growthsBeforeFailure = -1;
    assertEquals(from, tree.count());
    assertFalse(tree.keepsHints());
    tree.checkInvariants();
    assertEquals(3L * (from / 2), tree.start(tree.find(3L * (from / 2) + 1)));
    assertNotEquals(GapTree.NONE, tree.find(3L * (from - 1)));
  }

  /**
   * At each power of two past {@link GapTree#HINT_FROM} the tree makes a larger table; a failure to
   * make it keeps the table it has, and a later power of two tries again.
   */
  @Test
  void insertAfter_blockThatDoublesTheCountWhenTheLargerTableCannotBeMade_keepsTheTableItHas() {
    int from = GapTree.HINT_FROM;
    GapTree tree = new GapTree(1L << 30);
    tree.insertFirst(0, 2);
    for (int i = 1; i < 2 * from - 1; i++) {
      tree.insertAfter(tree.last(), 3L * i, 3L * i + 2);
    }
    int before = tree.hintTableSlots();
    boolean absorbed = false;
    for (int k = 0; !absorbed; k++) {
      String blocks = snapshot(tree);
      tree.growthsBeforeFailure = k;
      try {
        tree.insertAfter(tree.last(), 3L * (2 * from - 1), 3L * (2 * from - 1) + 2);
        absorbed = tree.growthsBeforeFailure == -1;
        assertTrue(absorbed, "the table's growth was reached");
      } catch (OutOfMemoryError e) {
        assertEquals(blocks, snapshot(tree), "growth " + k + " failed");
      }
    }
    tree.growthsBeforeFailure = -1;
    int kept = tree.hintTableSlots();
    assertEquals(3L * (from + 1), tree.start(tree.find(3L * (from + 1) + 1)));
    for (int i = 2 * from; i < 4 * from; i++) {
      tree.insertAfter(tree.last(), 3L * i, 3L * i + 2);
    }

    assertEquals(GapTree.hintSlots(from), before);
    assertEquals(before, kept, "the old table stays");
    assertEquals(GapTree.hintSlots(4 * from), tree.hintTableSlots(), "made at the next power");
    tree.checkInvariants();
    assertEquals(3L * 3 * from, tree.start(tree.find(3L * 3 * from + 1)));
  }
}
