package dev.allot.bestfit;

import static dev.allot.bestfit.KeyArrays.key;
import static dev.allot.bestfit.KeyArrays.setKey;

import java.util.Arrays;

/**
 * The starts of the holes of each short length, ascending, in one plain array per length: what
 * {@link HoleIndex} keeps instead of its short trees while no length has more than {@link
 * #PER_LENGTH} holes and no aligned search was asked. Not thread-safe.
 *
 * <pre>
 *   length 3: starts [9 40 95 _ _ ... _]  count 3     first = 9; insert 50 shifts 95 right
 * </pre>
 */
final class ShortHoleArrays {

  /*
   * Why: under churn of small sizes a few hundred short holes spread over 64 lengths (about 250
   * at 1k live regions, 60 to 75 of them of length 1, the most numerous), and trees that small
   * cost more in their own bookkeeping than in their search: a descent, the value half of each
   * pair shifted along with the keys, a leaf unlinked when a length empties and linked again when
   * it refills. A sorted array shifts only starts. Measured with the peers churn in
   * docs/performance.md: 95.4 to 87.6 ns per call at 1k live regions (medians of 5 alternated
   * runs); from 10k up the churn runs on the trees.
   *
   * Layout: a length's array is a node keys array of the allocator's NodeArrayPool (PER_LENGTH
   * values as KeyArrays keeps them, taken when the length gets a hole, given back when it has
   * none), starts[L][0, count[L]) sorted ascending. The arrays never grow or shrink, so churn
   * allocates nothing once the pool holds what the peaks need, as with the trees.
   *
   * Bounds: HoleIndex moves every hole to its trees, for good, before a length would get hole
   * number PER_LENGTH + 1, so an insert or a removal shifts at most PER_LENGTH - 1 starts (512
   * bytes narrow), and the arrays hold at most 64 * PER_LENGTH holes. At 10k live regions the
   * churn keeps about 650 holes of length 1, and runs on the trees.
   *
   * Complexity: first and start O(1); insert and remove O(log k + k), k <= PER_LENGTH.
   *
   * Memory failures: HoleIndex moves the holes to its trees before a call's first change when a
   * length is crowded (at least CROWDED holes: the three a call may add would not all fit), so
   * that no add of the call has to; `crowded` counts those lengths, kept by every change in O(1).
   */

  /** Holes of one length from which it is crowded: fewer than three more fit. */
  static final int CROWDED = KeyArrays.SLOTS - 2;

  /** The most holes one length keeps here: the slots of one node keys array. */
  static final int PER_LENGTH = KeyArrays.SLOTS;

  /** What a length without holes holds, so that no slot is null. */
  private static final int[] NONE = {};

  /** What {@link #clear} loads into every length. */
  private static final long[] NO_STARTS = {};

  private final NodeArrayPool nodeArrays;
  private final int[][] starts = new int[HoleIndex.SEGREGATED + 1][];
  private final int[] count = new int[HoleIndex.SEGREGATED + 1];

  /** Lengths with at least {@link #CROWDED} holes. */
  private int crowded;

  /** Creates empty arrays that take and give their storage from and to {@code nodeArrays}. */
  ShortHoleArrays(NodeArrayPool nodeArrays) {
    this.nodeArrays = nodeArrays;
    Arrays.fill(starts, NONE);
  }

  /** Returns how many holes of {@code length} are kept. */
  int count(int length) {
    return count[length];
  }

  /** Returns whether some length has at least {@link #CROWDED} holes. */
  boolean crowded() {
    return crowded > 0;
  }

  /** Returns the start of the {@code index}-th hole of {@code length}, lowest first. */
  long start(int length, int index) {
    return key(starts[length], index);
  }

  /**
   * Adds a hole at {@code start}, where {@code length} has fewer than {@link #PER_LENGTH} holes,
   * none at {@code start}.
   */
  void insert(int length, long start) {
    int n = count[length];
    int[] array = n == 0 ? take(length) : starts[length];
    int at = indexOf(array, n, start);
    KeyArrays.copy(array, at, array, at + 1, n - at);
    setKey(array, at, start);
    count[length] = n + 1;
    if (n + 1 == CROWDED) {
      crowded++;
    }
  }

  /** Removes the hole of {@code length} at {@code start}, which must be kept. */
  void remove(int length, long start) {
    removeAt(length, indexOf(starts[length], count[length], start));
  }

  /** Removes the {@code index}-th hole of {@code length}. */
  void removeAt(int length, int index) {
    int n = count[length] - 1;
    int[] array = starts[length];
    KeyArrays.copy(array, index + 1, array, index, n - index);
    count[length] = n;
    if (n + 1 == CROWDED) {
      crowded--;
    }
    if (n == 0) {
      nodeArrays.giveKeys(array);
      starts[length] = NONE;
    }
  }

  /** Replaces the holes of {@code length} with {@code sorted}: ascending, at most PER_LENGTH. */
  void load(int length, long[] sorted) {
    crowded += (sorted.length >= CROWDED ? 1 : 0) - (count[length] >= CROWDED ? 1 : 0);
    if (count[length] > 0) {
      nodeArrays.giveKeys(starts[length]);
      starts[length] = NONE;
    }
    if (sorted.length > 0) {
      KeyArrays.copyFromLongs(sorted, 0, take(length), 0, sorted.length);
    }
    count[length] = sorted.length;
  }

  /** Returns a copy of the starts of {@code length}, ascending. */
  long[] copy(int length) {
    long[] copy = nodeArrays.newLongs(count[length]);
    KeyArrays.copyToLongs(starts[length], 0, copy, 0, copy.length);
    return copy;
  }

  /** Forgets every hole and gives the arrays back to the pool. */
  void clear() {
    for (int length = 1; length <= HoleIndex.SEGREGATED; length++) {
      load(length, NO_STARTS);
    }
  }

  /**
   * Widens every array in use (see {@link KeyArrays}); a memory failure leaves the arrays not yet
   * widened narrow, which holds the same values while the capacity stays below 2^32.
   */
  void widen() {
    for (int length = 1; length <= HoleIndex.SEGREGATED; length++) {
      starts[length] = nodeArrays.widened(starts[length]);
    }
  }

  private int[] take(int length) {
    int[] array = nodeArrays.takeKeys();
    starts[length] = array;
    nodeArrays.madeArray();
    return array;
  }

  /**
   * Returns the first index whose start is {@code >= start} in {@code array[0, n)}: the trees' own
   * search, without a branch on the starts (a binary search's branches are mispredicted half the
   * time).
   */
  private static int indexOf(int[] array, int n, long start) {
    return LongPairTree.searchA(array, 0, n, start);
  }

  /** Returns the bytes of the arrays in use and of the tables that hold them, as trees count. */
  long footprintBytes() {
    long bytes =
        ArrayBytes.ofReferences(starts.length) + ArrayBytes.of(count.length, Integer.BYTES);
    for (int[] array : starts) {
      bytes += KeyArrays.bytes(array);
    }
    return bytes;
  }
}
