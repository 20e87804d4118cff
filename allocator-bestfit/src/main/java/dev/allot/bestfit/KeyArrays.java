package dev.allot.bestfit;

import java.util.Arrays;

/**
 * The keys arrays of {@link LongPairTree}'s nodes and of {@link ShortHoleArrays}: {@code long}
 * values kept as {@code int} halves. A narrow array holds only the low 32 bits of each value, read
 * unsigned, which is the whole value while the allocator's capacity fits 32 bits; a wide array
 * holds the high halves as well, in a second run of the same length. Every value these arrays hold
 * (a start, an end or a length) is at most the capacity, so an allocator widens all of its arrays
 * before its capacity passes 2^32 - 1 (see {@link BestFitAllocator#capacityRaised}); narrow and
 * wide arrays may then be mixed only below 2^32, where their values agree.
 *
 * <pre>
 *   narrow: [ low 0 .. low 127 ]                        NARROW_LENGTH ints
 *   wide:   [ low 0 .. low 127 | high 0 .. high 127 ]   WIDE_LENGTH ints, high i at HIGHS + i
 * </pre>
 *
 * <p>Which kind an array is, its length says: a read checks the length that the JVM loads for the
 * bounds check anyway, so narrow arrays cost one mask per read and nothing else.
 */
final class KeyArrays {

  /** Slots of a keys array: a node's a's and b's, {@code 2 * LongPairTree.CAPACITY}. */
  static final int SLOTS = 2 * LongPairTree.CAPACITY;

  /** Length of a narrow array: the low halves alone. */
  static final int NARROW_LENGTH = SLOTS;

  /** Length of a wide array: the low halves, then the high halves. */
  static final int WIDE_LENGTH = 2 * SLOTS;

  /** Where the high half of slot {@code i} of a wide array lives: {@code HIGHS + i}. */
  private static final int HIGHS = SLOTS;

  /** The low 32 bits of a long: also the largest capacity narrow arrays hold. */
  static final long LOW_BITS = 0xFFFF_FFFFL;

  private KeyArrays() {}

  /** Returns a new array of the given kind. */
  static int[] newArray(boolean wide) {
    return new int[wide ? WIDE_LENGTH : NARROW_LENGTH];
  }

  /** Tells whether {@code keys} holds high halves. */
  static boolean isWide(int[] keys) {
    return keys.length == WIDE_LENGTH;
  }

  /** Returns the value at slot {@code i}. */
  static long key(int[] keys, int i) {
    long low = keys[i] & LOW_BITS;
    return keys.length == NARROW_LENGTH ? low : (long) keys[HIGHS + i] << 32 | low;
  }

  /** Stores {@code value} at slot {@code i}; a narrow array takes only values below 2^32. */
  static void setKey(int[] keys, int i, long value) {
    keys[i] = (int) value;
    if (keys.length == WIDE_LENGTH) {
      keys[HIGHS + i] = (int) (value >>> 32);
    }
  }

  /**
   * Copies {@code length} slots from {@code source} at {@code from} to {@code target} at {@code
   * to}, as {@link System#arraycopy} does (overlapping runs of one array included); a narrow source
   * gives a wide target high halves of 0.
   */
  static void copy(int[] source, int from, int[] target, int to, int length) {
    System.arraycopy(source, from, target, to, length);
    if (target.length == WIDE_LENGTH) {
      if (source.length == WIDE_LENGTH) {
        System.arraycopy(source, HIGHS + from, target, HIGHS + to, length);
      } else {
        Arrays.fill(target, HIGHS + to, HIGHS + to + length, 0);
      }
    }
  }

  /**
   * Stores {@code length} values of {@code values} from {@code from} into slots {@code to} on of
   * {@code keys}, as {@link System#arraycopy} would between two {@code long[]}s.
   */
  static void copyFromLongs(long[] values, int from, int[] keys, int to, int length) {
    for (int k = 0; k < length; k++) {
      setKey(keys, to + k, values[from + k]);
    }
  }

  /**
   * Reads {@code length} slots of {@code keys} from {@code from} into {@code values} from {@code
   * to} on, as {@link System#arraycopy} would between two {@code long[]}s.
   */
  static void copyToLongs(int[] keys, int from, long[] values, int to, int length) {
    for (int k = 0; k < length; k++) {
      values[to + k] = key(keys, from + k);
    }
  }

  /** Returns {@code keys} if it is wide, else a wide copy of it (high halves 0). */
  static int[] widened(int[] keys) {
    if (keys.length != NARROW_LENGTH) {
      return keys; // wide already, or an empty placeholder
    }
    int[] wide = new int[WIDE_LENGTH];
    System.arraycopy(keys, 0, wide, 0, NARROW_LENGTH);
    return wide;
  }

  /** Returns the bytes of {@code keys}, as {@link ArrayBytes} counts them; 0 for an empty one. */
  static long bytes(int[] keys) {
    return keys.length == 0 ? 0 : ArrayBytes.of(keys.length, Integer.BYTES);
  }
}
