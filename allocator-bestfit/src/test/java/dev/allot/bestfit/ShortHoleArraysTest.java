package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShortHoleArraysTest {

  @Test
  void widen_startsPastTwoToThe31ThenPastTwoToThe32_keepsThemAscending() {
    NodeArrayPool pool = new NodeArrayPool(4);
    ShortHoleArrays arrays = new ShortHoleArrays(pool);
    arrays.insert(5, 0xFFFF_FFF0L);
    arrays.insert(5, 1L << 31);
    arrays.insert(9, 3);
    arrays.insert(HoleIndex.SEGREGATED, 11); // the last length

    pool.widen();
    arrays.widen();
    arrays.insert(5, (1L << 32) + 7);
    arrays.insert(5, 1L << 40);
    arrays.insert(9, 1L << 35);
    arrays.insert(HoleIndex.SEGREGATED, 1L << 36);

    assertArrayEquals(
        new long[] {1L << 31, 0xFFFF_FFF0L, (1L << 32) + 7, 1L << 40}, arrays.copy(5));
    assertArrayEquals(new long[] {3, 1L << 35}, arrays.copy(9));
    assertArrayEquals(new long[] {11, 1L << 36}, arrays.copy(HoleIndex.SEGREGATED));
    arrays.remove(5, (1L << 32) + 7);
    assertEquals(1L << 40, arrays.start(5, 2));
  }

  @Test
  void insertAndRemove_keepStartsAscendingPerLength() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(4));
    arrays.insert(3, 95);
    arrays.insert(3, 9);
    arrays.insert(3, 40);
    arrays.insert(7, 12);

    assertArrayEquals(new long[] {9, 40, 95}, arrays.copy(3));
    assertEquals(9, arrays.start(3, 0));
    assertArrayEquals(new long[] {12}, arrays.copy(7));
    arrays.remove(3, 40);
    arrays.removeAt(3, 0);
    assertArrayEquals(new long[] {95}, arrays.copy(3));
    assertEquals(1, arrays.count(3));
    assertEquals(0, arrays.count(4));
  }

  @Test
  void randomChanges_matchTreeSetUpToALengthsLimit() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(8));
    TreeSet<Long> model = new TreeSet<>();
    SplittableRandom random = new SplittableRandom(31);
    for (int i = 0; i < 20_000; i++) {
      long start = random.nextLong(1_000);
      if (model.size() < ShortHoleArrays.PER_LENGTH && model.add(start)) {
        arrays.insert(5, start);
      } else if (model.remove(start)) {
        arrays.remove(5, start);
      }
      assertEquals(model.size(), arrays.count(5));
      if (!model.isEmpty()) {
        assertEquals(model.first(), arrays.start(5, 0));
      }
    }
    assertArrayEquals(model.stream().mapToLong(Long::longValue).toArray(), arrays.copy(5));
  }

  @Test
  void lengthThatEmpties_givesItsArrayToThePoolForTheNextLength() {
    NodeArrayPool pool = new NodeArrayPool(4);
    ShortHoleArrays arrays = new ShortHoleArrays(pool);
    arrays.insert(2, 10);
    arrays.removeAt(2, 0); // length 2 empties: its array goes back to the pool
    int[] given = pool.takeKeys();
    pool.giveKeys(given);

    arrays.insert(9, 20);
    assertEquals(20, given[0]); // length 9 took that array
    assertNotSame(given, pool.takeKeys());
  }

  @Test
  void loadAndClear_replaceTheHolesAndFreeTheArrays() {
    NodeArrayPool pool = new NodeArrayPool(4);
    ShortHoleArrays arrays = new ShortHoleArrays(pool);
    arrays.insert(4, 100);
    arrays.load(4, new long[] {1, 2, 3});
    arrays.load(6, new long[] {50});

    long tables = (16 + 65 * 4 + 4) + (16 + 65 * 4 + 4); // starts and counts of lengths 0 to 64
    assertArrayEquals(new long[] {1, 2, 3}, arrays.copy(4));
    assertEquals(tables + 2 * (16 + 4L * KeyArrays.NARROW_LENGTH), arrays.footprintBytes());
    arrays.clear();
    assertEquals(0, arrays.count(4));
    assertEquals(0, arrays.count(6));
    assertEquals(tables, arrays.footprintBytes());
  }

  /** Inserts {@code count} holes of {@code length} at 0, 2, 4, ... */
  private static void insertHoles(ShortHoleArrays arrays, int length, int count) {
    for (int k = 0; k < count; k++) {
      arrays.insert(length, 2L * k);
    }
  }

  /** Returns the starts 0, 2, 4, ... of {@code count} holes, for a load. */
  private static long[] evenStarts(int count) {
    long[] starts = new long[count];
    for (int k = 0; k < count; k++) {
      starts[k] = 2L * k;
    }
    return starts;
  }

  @Test
  void insertAndRemove_aroundTheCrowdedCount_crowdedExactlyFromCrowdedHolesOn() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(4));
    insertHoles(arrays, 7, ShortHoleArrays.CROWDED - 1);
    assertFalse(arrays.crowded());
    arrays.insert(7, 10_000);
    assertTrue(arrays.crowded());
    arrays.insert(7, 10_002);
    arrays.insert(7, 10_004);
    assertTrue(arrays.crowded()); // CROWDED + 2: still one crowded length

    arrays.removeAt(7, 0); // CROWDED + 1 left
    assertTrue(arrays.crowded());
    arrays.removeAt(7, 0); // CROWDED left
    assertTrue(arrays.crowded());
    arrays.remove(7, 10_004); // one fewer than CROWDED
    assertFalse(arrays.crowded());
  }

  @Test
  void insert_twoCrowdedLengths_staysCrowdedUntilBothThinOut() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(4));
    insertHoles(arrays, 3, ShortHoleArrays.CROWDED);
    insertHoles(arrays, 5, ShortHoleArrays.CROWDED);

    arrays.removeAt(3, 0);
    assertTrue(arrays.crowded()); // length 5 still is
    arrays.removeAt(5, 0);
    assertFalse(arrays.crowded());
  }

  @Test
  void load_aroundTheCrowdedCount_crowdedOnlyWhileALengthHoldsCrowdedHoles() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(4));
    arrays.load(4, evenStarts(ShortHoleArrays.CROWDED - 1));
    assertFalse(arrays.crowded());
    arrays.load(4, evenStarts(ShortHoleArrays.CROWDED));
    assertTrue(arrays.crowded());
    arrays.load(4, evenStarts(ShortHoleArrays.CROWDED)); // crowded before and after: one length
    assertTrue(arrays.crowded());
    arrays.load(4, evenStarts(ShortHoleArrays.CROWDED - 1));
    assertFalse(arrays.crowded());
    arrays.load(4, evenStarts(ShortHoleArrays.PER_LENGTH));
    arrays.clear();
    assertFalse(arrays.crowded());
    assertEquals(0, arrays.count(4));
  }

  @Test
  void clear_holesOfTheLastLength_forgetsThem() {
    ShortHoleArrays arrays = new ShortHoleArrays(new NodeArrayPool(4));
    arrays.insert(HoleIndex.SEGREGATED, 40);
    arrays.insert(1, 10);

    arrays.clear();

    assertEquals(0, arrays.count(HoleIndex.SEGREGATED));
    assertEquals(0, arrays.count(1));
  }

  @Test
  void loadOfNoneAndRemovalOfTheLast_giveTheArraysBackToThePool() {
    NodeArrayPool pool = new NodeArrayPool(4);
    ShortHoleArrays arrays = new ShortHoleArrays(pool);
    arrays.insert(4, 100);
    arrays.insert(6, 50); // two arrays taken from the empty pool, none kept
    assertEquals(0, pool.keptKeys());

    arrays.load(4, new long[0]);
    assertEquals(1, pool.keptKeys());
    arrays.removeAt(6, 0);
    assertEquals(2, pool.keptKeys());
  }

  @Test
  void insert_firstHoleOfALength_countsANodeMakingInsertForTheReserve() {
    NodeArrayPool pool = new NodeArrayPool(16);
    pool.topUp(); // no tree made nodes: only the pool's own arrays, and the count starts again
    ShortHoleArrays arrays = new ShortHoleArrays(pool);
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));

    arrays.insert(9, 3); // takes an array: one of the reserved inserts is used

    assertTrue(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS));
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS - 1));
    arrays.insert(9, 5); // the same length's array: no insert made
    assertFalse(pool.needsTopUp(NodeArrayPool.RESERVED_INSERTS - 1));
  }
}
