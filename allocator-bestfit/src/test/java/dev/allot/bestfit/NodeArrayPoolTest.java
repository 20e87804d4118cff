package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

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
}
