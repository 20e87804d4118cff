package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class KeyArraysTest {

  @Test
  void key_narrowArray_readsTheLow32BitsUnsigned() {
    int[] keys = KeyArrays.newArray(false);

    KeyArrays.setKey(keys, 0, 0xFFFF_FFFFL);
    KeyArrays.setKey(keys, 1, 1L << 31);
    KeyArrays.setKey(keys, KeyArrays.SLOTS - 1, 7);

    assertEquals(KeyArrays.NARROW_LENGTH, keys.length);
    assertEquals(0xFFFF_FFFFL, KeyArrays.key(keys, 0));
    assertEquals(1L << 31, KeyArrays.key(keys, 1));
    assertEquals(7, KeyArrays.key(keys, KeyArrays.SLOTS - 1));
  }

  @Test
  void setKey_wideArray_keepsValuesPastTwoToThe32() {
    int[] keys = KeyArrays.newArray(true);

    KeyArrays.setKey(keys, 0, Long.MAX_VALUE);
    KeyArrays.setKey(keys, KeyArrays.SLOTS - 1, (1L << 32) + 5);
    KeyArrays.setKey(keys, 3, 0xFFFF_FFFFL);

    assertEquals(KeyArrays.WIDE_LENGTH, keys.length);
    assertEquals(Long.MAX_VALUE, KeyArrays.key(keys, 0));
    assertEquals((1L << 32) + 5, KeyArrays.key(keys, KeyArrays.SLOTS - 1));
    assertEquals(0xFFFF_FFFFL, KeyArrays.key(keys, 3));
  }

  @Test
  void copyFromLongsThenToLongs_wideArrayAtOffsets_givesTheValuesBackAndTouchesNoOtherSlot() {
    long[] values = {-1, 0xFFFF_FFFFL, 1L << 32, Long.MAX_VALUE, -1};
    int[] keys = KeyArrays.newArray(true);
    KeyArrays.setKey(keys, 9, 42);
    KeyArrays.setKey(keys, 13, 43);

    KeyArrays.copyFromLongs(values, 1, keys, 10, 3);
    long[] back = {-7, -7, -7, -7, -7, -7, -7};
    KeyArrays.copyToLongs(keys, 9, back, 1, 5);

    assertArrayEquals(new long[] {-7, 42, 0xFFFF_FFFFL, 1L << 32, Long.MAX_VALUE, 43, -7}, back);
  }

  @Test
  void copy_narrowIntoWide_clearsTheHighHalvesItWrites_andNoOthers() {
    int[] narrow = KeyArrays.newArray(false);
    int[] wide = KeyArrays.newArray(true);
    for (int i = 0; i < KeyArrays.SLOTS; i++) {
      KeyArrays.setKey(narrow, i, 0xFFFF_FFF0L - i);
      KeyArrays.setKey(wide, i, (5L << 32) + i);
    }

    KeyArrays.copy(narrow, 0, wide, 10, 3);

    for (int i = 0; i < KeyArrays.SLOTS; i++) {
      long expected = i >= 10 && i < 13 ? 0xFFFF_FFF0L - (i - 10) : (5L << 32) + i;
      assertEquals(expected, KeyArrays.key(wide, i), "slot " + i);
    }
  }

  @Test
  void copy_withinAWideArray_movesBothHalvesOfOverlappingRuns() {
    int[] wide = KeyArrays.newArray(true);
    for (int i = 0; i < 5; i++) {
      KeyArrays.setKey(wide, i, (long) i << 33);
    }

    KeyArrays.copy(wide, 0, wide, 1, 5);

    for (int i = 0; i < 5; i++) {
      assertEquals((long) i << 33, KeyArrays.key(wide, i + 1));
    }
  }

  @Test
  void widened_narrowArray_keepsItsValues_wideOneComesBackAsItIs() {
    int[] narrow = KeyArrays.newArray(false);
    KeyArrays.setKey(narrow, 2, 0xFFFF_FFFEL);
    int[] wide = KeyArrays.newArray(true);

    int[] widened = KeyArrays.widened(narrow);

    assertEquals(KeyArrays.WIDE_LENGTH, widened.length);
    assertEquals(0xFFFF_FFFEL, KeyArrays.key(widened, 2));
    KeyArrays.setKey(widened, 3, 1L << 40);
    assertEquals(1L << 40, KeyArrays.key(widened, 3));
    assertSame(wide, KeyArrays.widened(wide));
  }

  @Test
  void bytes_countsHeaderAndInts_andNothingForAnEmptyArray() {
    assertEquals(16 + 4 * KeyArrays.NARROW_LENGTH, KeyArrays.bytes(KeyArrays.newArray(false)));
    assertEquals(16 + 4 * KeyArrays.WIDE_LENGTH, KeyArrays.bytes(KeyArrays.newArray(true)));
    assertEquals(0, KeyArrays.bytes(new int[0]));
  }
}
