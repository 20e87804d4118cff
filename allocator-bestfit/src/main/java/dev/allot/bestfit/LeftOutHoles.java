package dev.allot.bestfit;

import java.util.Arrays;

/**
 * The lengths of the holes that {@link HoleAdmission} keeps out of the hole index, counted by
 * length, so that the largest free hole is still known. Every length is below a bound fixed at
 * {@link #reset}. Not thread-safe.
 */
final class LeftOutHoles {

  /*
   * Layout: count[L] holes of length L for 0 < L < bound, and a bitmap whose bit L says that
   * count[L] > 0. The largest length is the highest set bit: a scan of bound / 64 words from the
   * top, at most 64 for a bound of 4096 (HoleAdmission.MAX_SELECTIVE_ALIGNMENT). add and remove
   * are O(1).
   */

  private int[] count = new int[0];
  private long[] present = new long[0];

  /** Forgets every hole; from now on lengths are below {@code bound}. */
  void reset(int bound) {
    if (count.length != bound) {
      int[] counts = new int[bound]; // both, then the swap: a memory failure changes nothing
      long[] bits = new long[(bound + Long.SIZE - 1) / Long.SIZE];
      count = counts;
      present = bits;
    } else {
      Arrays.fill(count, 0);
      Arrays.fill(present, 0);
    }
  }

  /** Counts a hole of {@code 0 < length < bound}. */
  void add(long length) {
    int at = (int) length;
    if (count[at]++ == 0) {
      present[at >>> 6] |= 1L << at;
    }
  }

  /** Forgets a counted hole of {@code length}. */
  void remove(long length) {
    int at = (int) length;
    if (--count[at] == 0) {
      present[at >>> 6] &= ~(1L << at);
    }
  }

  /** Returns the largest length counted, 0 when there is none. */
  long largest() {
    for (int word = present.length - 1; word >= 0; word--) {
      if (present[word] != 0) {
        return (long) word * Long.SIZE + Long.SIZE - 1 - Long.numberOfLeadingZeros(present[word]);
      }
    }
    return 0;
  }

  /** Returns how many holes of {@code length} are counted; for tests. */
  int count(long length) {
    return length > 0 && length < count.length ? count[(int) length] : 0;
  }

  /** Returns how many holes are counted, O(bound); for tests. */
  long total() {
    long total = 0;
    for (int n : count) {
      total += n;
    }
    return total;
  }

  /** Returns the bytes of the two tables, with array headers. */
  long footprintBytes() {
    return ArrayBytes.of(count.length, Integer.BYTES) + ArrayBytes.of(present.length, Long.BYTES);
  }
}
