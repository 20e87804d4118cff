package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link LongPairTree#reserve} against what the insert after it takes: with every growth failing
 * after the reserve (the pool's seam), an insert that needs a node id or a path slot the reserve
 * did not make room for throws. The pool is stocked with node arrays by hand, since those are the
 * pool's share of the reserve ({@link NodeArrayPool#topUp}), not the tree's.
 */
class LongPairTreeReserveTest {

  /**
   * Inner nodes of a tree of height 2 whose next insert splits a leaf, its parent and the root: the
   * full root and its 63 children. Node size is fixed at {@link LongPairTree#CAPACITY} (it packs
   * the handles), so instead of sweeping node sizes the test sweeps the spare ids around this
   * count.
   */
  private static final int FULL_HEIGHT_TWO = LongPairTree.CAPACITY;

  /**
   * Appends, each after {@code reserve(1)}, up to the first split that climbs from height 2 to a
   * new root of height 3, with the inner node table sized so that it holds 1, 2 or 3 ids more than
   * the 64 inner nodes in the tree before that split, which takes 3 (the parent, the root, a new
   * root): the reserve must grow the table before it (two and one short) or find it exactly enough.
   * The table is sized by a {@code reserve(inserts)} at the first root of height 1 or 2 (odd
   * lengths there, multiples of 3 here). Reserving one level too few ({@code height} inners an
   * insert) leaves the table one short at the climb, and leaf splits run the leaf table out
   * whenever the reserve keeps no leaf.
   */
  @Test
  void reserve_appendsThatSplitUpToANewRootWhileTheInnerTableRunsShort_coverEveryNodeTaken() {
    Set<Integer> spareAtTheFullTree = new TreeSet<>();
    for (int sizedAt = 1; sizedAt <= 2; sizedAt++) {
      for (int inserts = 1; inserts <= 100; inserts++) {
        Appender run = new Appender();
        run.appendUntilHeight(sizedAt);
        run.tree.reserve(inserts);
        // At the first root of height 1 the tree has that root alone; of height 2 also the halves
        // of the old root.
        int innerNodes = 2 * sizedAt - 1;
        int spare = innerNodes + run.tree.spareInnerIds() - FULL_HEIGHT_TWO;
        if (spare > 3) {
          break;
        }
        if (spare > 0) {
          run.appendUntilHeight(3);
          assertEquals(3, run.tree.height());
          spareAtTheFullTree.add(spare);
        }
      }
    }
    assertEquals(Set.of(1, 2, 3), spareAtTheFullTree, "the ids spare before the climb");
  }

  /**
   * The ids of freed nodes are spare ids: a tree of two inner levels drained to empty and filled
   * again, each insert after {@code reserve(1)}, reuses them and grows no table. A reserve that
   * missed the freed ones (counted them short) would grow the tables while ids lie free.
   */
  @Test
  void reserve_drainedTreeFilledAgain_growsNoTable() {
    Appender run = new Appender();
    run.appendUntilHeight(3);
    int entries = run.tree.size();
    for (long a = 0; a < entries; a++) {
      run.tree.remove(a, 0);
    }
    assertEquals(0, run.tree.size());

    run.next = 0;
    run.reserveMayGrow = false;
    run.appendUntilHeight(3);

    assertEquals(entries, run.tree.size());
  }

  /** Appends ascending keys to a tree of its own, each insert after a reserve of its own. */
  private static final class Appender {
    private final NodeArrayPool pool = new NodeArrayPool(LongPairTree.CAPACITY * 2);
    private final LongPairTree tree = new LongPairTree(false, false, pool);
    private long next;

    /** Whether the reserve may grow the tables (then only the insert after it must not). */
    private boolean reserveMayGrow = true;

    Appender() {
      for (int k = 0; k < LongPairTree.CAPACITY * 2; k++) { // more than the inner nodes made
        pool.giveChildren(new int[LongPairTree.CAPACITY]);
      }
    }

    void appendUntilHeight(int height) {
      while (tree.height() < height) {
        assertTrue(next < 1_000_000, "a tree of height 3 by appends holds about 120,000 entries");
        while (pool.keptKeys() < tree.height() + 2) { // a leaf, a split per level, a new root
          pool.giveKeys(KeyArrays.newArray(false));
        }
        if (reserveMayGrow) {
          tree.reserve(1);
        }
        pool.growthsBeforeFailure = 0;
        try {
          if (!reserveMayGrow) {
            tree.reserve(1);
          }
          tree.insert(next, 1);
        } catch (OutOfMemoryError e) { // caught: JUnit would take it for the JVM's own
          fail("insert " + next + " at height " + tree.height() + " grew: " + e.getMessage());
        } finally {
          pool.growthsBeforeFailure = -1;
        }
        next++;
      }
      assertEquals(next, tree.size());
    }
  }
}
