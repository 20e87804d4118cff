package dev.allot.bestfit;

import dev.allot.spi.Alignment;
import java.util.Arrays;

/**
 * The free holes ordered by {@code (length, start)}: the best fit for a size is the first hole at
 * or after {@code (size, 0)}, found in O(log n). Not thread-safe.
 *
 * <pre>
 *   |###--####---##--|   holes: (2, 3) (2, 14) (3, 9)
 *    0  3     9    14    best fit for 2: (2, 3); for 3: (3, 9); for 4: none
 * </pre>
 */
final class HoleIndex {

  /*
   * Layout: a LongPairTree ordered by (a = length, b = start). The holes are the gap before the
   * first block, the gaps between blocks and the tail, exactly the candidates of the best-fit rule
   * in docs/spec/semantics.md; the order is the rule itself (smallest length, then lowest start),
   * so one ceiling search decides a placement and the last entry is the largest hole.
   *
   * Invariants: the entries are exactly the maximal free runs of length > 0 in [0, capacity); an
   * empty hole is never stored (add and remove ignore it, so callers need not special-case the
   * gap before a block at 0 or a full tail).
   *
   * Complexity: O(log n) per call. Memory: 16 bytes per hole at full leaves (see BlockIndex for the measured total).
   */

  /** The handle of no hole. */
  static final int NONE = LongPairTree.NONE;

  /** Bits of a length sorted by one pass of {@link #load}. */
  private static final int RADIX_BITS = 8;

  /** Buckets of one pass of {@link #load}. */
  private static final int RADIX = 1 << RADIX_BITS;

  private final LongPairTree tree = new LongPairTree(true);

  /**
   * Returns the smallest hole of length {@code >= size}, lowest start on a tie, or {@link #NONE}.
   */
  int bestFit(long size) {
    return tree.ceiling(size, 0);
  }

  /**
   * Returns the smallest hole in which {@code up(start) + size} fits for {@code alignment}, lowest
   * start on a tie, or {@link #NONE}. The tree keeps room summaries for up to {@link
   * LongPairTree#MAX_ALIGNMENT_CLASSES} alignments, for which this is one descent, O(log n). Past
   * that many, the holes are visited in order from the best unaligned fit on; each hole of length
   * at least {@code size + alignment - 1} fits, so the visit ends there at the latest: O(log n + k)
   * for the k holes long enough for {@code size} that fail on padding, which can be all of them.
   */
  int bestAlignedFit(long size, long alignment) {
    int alignmentClass = tree.alignmentClass(alignment);
    if (alignmentClass != NONE) {
      return tree.firstWithRoom(size, alignmentClass);
    }
    int hole = tree.ceiling(size, 0);
    while (hole != NONE
        && !Alignment.fits(start(hole), start(hole) + length(hole), size, alignment)) {
      hole = tree.next(hole);
    }
    return hole;
  }

  long start(int hole) {
    return tree.b(hole);
  }

  long length(int hole) {
    return tree.a(hole);
  }

  /** Returns the length of the largest hole, 0 when there is none. */
  long largest() {
    int last = tree.last();
    return last == NONE ? 0 : tree.a(last);
  }

  /** Records the hole {@code [start, start + length)}; nothing when {@code length == 0}. */
  void add(long start, long length) {
    if (length > 0) {
      tree.insert(length, start);
    }
  }

  /** Forgets the hole {@code [start, start + length)}; nothing when {@code length == 0}. */
  void remove(long start, long length) {
    if (length > 0) {
      tree.remove(length, start);
    }
  }

  /**
   * Replaces every hole with {@code [starts[k], starts[k] + lengths[k])} for {@code k < count},
   * given in address order with every length {@code > 0}. The holes are put in the index's order by
   * a stable radix sort of their lengths (a byte a pass, as many passes as the longest needs): in
   * address order already, holes of equal length stay ordered by start. O(count).
   */
  void load(long[] starts, long[] lengths, int count) {
    long longest = 0;
    for (int k = 0; k < count; k++) {
      longest = Math.max(longest, lengths[k]);
    }
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      order[k] = k;
    }
    int[] sorted = new int[count];
    int[] bucketStart = new int[RADIX + 1];
    for (int shift = 0; shift < Long.SIZE && longest >>> shift != 0; shift += RADIX_BITS) {
      Arrays.fill(bucketStart, 0);
      for (int k = 0; k < count; k++) {
        bucketStart[digit(lengths[order[k]], shift) + 1]++;
      }
      for (int digit = 0; digit < RADIX; digit++) {
        bucketStart[digit + 1] += bucketStart[digit];
      }
      for (int k = 0; k < count; k++) {
        sorted[bucketStart[digit(lengths[order[k]], shift)]++] = order[k];
      }
      int[] swap = order;
      order = sorted;
      sorted = swap;
    }
    long[] byLength = new long[count];
    long[] byStart = new long[count];
    for (int k = 0; k < count; k++) {
      byLength[k] = lengths[order[k]];
      byStart[k] = starts[order[k]];
    }
    tree.load(byLength, byStart, count);
  }

  private static int digit(long length, int shift) {
    return (int) (length >>> shift) & (RADIX - 1);
  }

  /** Returns the bytes of the index's arrays, as {@link LongPairTree#footprintBytes()} counts. */
  long footprintBytes() {
    return tree.footprintBytes();
  }
}
