package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class NodeArrayPoolTest {

  @Test
  void take_emptyPool_returnsNewArraysOfANodesShape() {
    NodeArrayPool pool = new NodeArrayPool(2);

    assertEquals(2 * LongPairTree.CAPACITY, pool.takeKeys().length);
    assertEquals(LongPairTree.CAPACITY, pool.takeChildren().length);
  }

  @Test
  void take_afterGive_returnsTheGivenArraysLastFirst() {
    NodeArrayPool pool = new NodeArrayPool(2);
    int[] firstKeys = pool.takeKeys();
    int[] secondKeys = pool.takeKeys();
    int[] children = pool.takeChildren();
    pool.giveKeys(firstKeys);
    pool.giveKeys(secondKeys);
    pool.giveChildren(children);

    assertSame(secondKeys, pool.takeKeys());
    assertSame(firstKeys, pool.takeKeys());
    assertSame(children, pool.takeChildren());
    assertNotSame(firstKeys, pool.takeKeys());
  }

  @Test
  void give_fullPool_dropsTheArray() {
    NodeArrayPool pool = new NodeArrayPool(1);
    int[] kept = pool.takeKeys();
    pool.giveKeys(kept);
    pool.giveKeys(new int[2 * LongPairTree.CAPACITY]);
    pool.giveChildren(new int[LongPairTree.CAPACITY]);
    pool.giveChildren(new int[LongPairTree.CAPACITY]);

    assertEquals(1, pool.keptKeys());
    assertSame(kept, pool.takeKeys());
    assertEquals(0, pool.keptKeys());
  }

  @Test
  void footprintBytes_countsTheKeptArrays() {
    NodeArrayPool pool = new NodeArrayPool(4);
    long empty = pool.footprintBytes();
    pool.giveKeys(new int[2 * LongPairTree.CAPACITY]);
    pool.giveChildren(new int[LongPairTree.CAPACITY]);

    assertEquals(2 * (16 + 4 * 4) + (16 + 4 * NodeArrayPool.TREES), empty); // and the tree list
    assertEquals(empty + (16 + 512) + (16 + 256), pool.footprintBytes());
  }

  @Test
  void widen_dropsTheNarrowArraysKept_andHandsOutWideOnes() {
    NodeArrayPool pool = new NodeArrayPool(4);
    int[] narrow = pool.takeKeys();
    pool.giveKeys(narrow);

    pool.widen();

    assertEquals(0, pool.keptKeys());
    int[] wide = pool.takeKeys();
    assertEquals(KeyArrays.WIDE_LENGTH, wide.length);
    pool.giveKeys(narrow); // a narrow array given after the pool widened is not kept
    pool.giveKeys(wide);
    assertEquals(1, pool.keptKeys());
    assertSame(wide, pool.takeKeys());
  }

  /**
   * Every way the pool makes an array is a growth the test seam can fail: the heap-failure tests
   * reach a growth only through these, so one that skipped the count would go untested.
   */
  @Test
  void everyWayToGrow_seamArmedAtZero_throws() {
    NodeArrayPool pool = new NodeArrayPool(2 * NodeArrayPool.RESERVED_INSERTS);
    Map<String, Executable> growths = new LinkedHashMap<>();
    growths.put("newInts", () -> pool.newInts(3));
    growths.put("newLongs", () -> pool.newLongs(3));
    growths.put("copyOf int[]", () -> pool.copyOf(new int[2], 3));
    growths.put("copyOf long[]", () -> pool.copyOf(new long[2], 3));
    growths.put("copyOfRange", () -> pool.copyOfRange(new long[4], 1, 3));
    growths.put("copyOf T[]", () -> pool.copyOf(new int[2][], 3));
    growths.put("widened", () -> pool.widened(new int[KeyArrays.NARROW_LENGTH]));
    growths.put("takeKeys", pool::takeKeys);
    growths.put("takeChildren", pool::takeChildren);
    for (Map.Entry<String, Executable> growth : growths.entrySet()) {
      pool.growthsBeforeFailure = 0;
      assertThrows(OutOfMemoryError.class, growth.getValue(), growth.getKey());
    }
    pool.growthsBeforeFailure = -1;
  }

  @Test
  void topUp_keysKeptChildrenMissing_failsAtTheFirstChildrenArray() {
    NodeArrayPool pool = new NodeArrayPool(2 * NodeArrayPool.RESERVED_INSERTS);
    for (int k = 0; k < 2 * NodeArrayPool.RESERVED_INSERTS; k++) { // every keys array it needs
      pool.giveKeys(new int[KeyArrays.NARROW_LENGTH]);
    }
    pool.growthsBeforeFailure = 0;

    assertThrows(OutOfMemoryError.class, pool::topUp);
    assertEquals(2 * NodeArrayPool.RESERVED_INSERTS, pool.keptKeys());
  }

  @Test
  void growth_seamArmedAtOne_letsOneThroughThenThrows() {
    NodeArrayPool pool = new NodeArrayPool(0);
    pool.growthsBeforeFailure = 1;

    assertEquals(3, pool.newInts(3).length);
    assertThrows(OutOfMemoryError.class, () -> pool.newLongs(3));
    assertEquals(3, pool.newLongs(3).length); // the seam disarmed itself
  }

  @Test
  void topUp_noTreeMadeNodes_keepsTheArraysOfReservedInsertsInTreesOfHeightZero() {
    NodeArrayPool pool = new NodeArrayPool(100);
    long empty = pool.footprintBytes();

    pool.topUp();

    // height 0: a leaf and a root for each reserved insert, the root's children array
    int keys = NodeArrayPool.RESERVED_INSERTS * 2;
    int children = NodeArrayPool.RESERVED_INSERTS;
    assertEquals(keys, pool.keptKeys());
    assertEquals(
        empty + keys * (16 + 4L * KeyArrays.NARROW_LENGTH) + children * (16 + 4L * 64),
        pool.footprintBytes());
  }

  @Test
  void needsTopUp_countsNodeMakingInsertsUpToTheReserve() {
    NodeArrayPool pool = new NodeArrayPool(16);
    LongPairTree tree = new LongPairTree(true, false, pool);
    assertTrue(pool.needsTopUp(0)); // never topped up: the reserve is not there
    pool.topUp();
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));

    pool.made(tree, true);
    assertTrue(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS - 1));
    pool.made(tree, false); // an inner node: the insert was counted by its leaf
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS - 1));
    for (int k = 1; k <= NodeArrayPool.RESERVED_INSERTS; k++) { // one past the reserve in all
      pool.made(tree, true);
    }
    assertTrue(pool.needsTopUp(0));
    pool.topUp();
    for (int k = 0; k <= NodeArrayPool.RESERVED_INSERTS; k++) { // the same, by short holes
      pool.madeArray();
    }
    assertTrue(pool.needsTopUp(0));
  }

  @Test
  void made_moreTreesThanOneAllocatorHas_recordsNoMoreAndThrowsNothing() {
    NodeArrayPool pool = new NodeArrayPool(16);
    for (int k = 0; k <= NodeArrayPool.TREES; k++) {
      pool.made(new LongPairTree(true, false, pool), true);
    }
    pool.topUp(); // reserves for the TREES recorded ones

    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));
  }
}
