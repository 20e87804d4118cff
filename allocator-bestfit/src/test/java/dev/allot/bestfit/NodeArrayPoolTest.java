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
    long[] firstKeys = pool.takeKeys();
    long[] secondKeys = pool.takeKeys();
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
    long[] kept = pool.takeKeys();
    pool.giveKeys(kept);
    pool.giveKeys(new long[2 * LongPairTree.CAPACITY]);
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
    pool.giveKeys(new long[2 * LongPairTree.CAPACITY]);
    pool.giveChildren(new int[LongPairTree.CAPACITY]);

    assertEquals(2 * (16 + 4 * 4), empty);
    assertEquals(empty + (16 + 1_024) + (16 + 256), pool.footprintBytes());
  }
}
