package dev.allot.bestfit;

import dev.allot.spi.Alignment;

/**
 * Which free holes {@link HoleIndex} keeps searchable: every hole once an unaligned call was made,
 * otherwise only the holes that can answer one of the aligned calls made so far. Not thread-safe.
 *
 * <pre>
 *   alignment 16 asked, never 1:   |##..|####....|..####|
 *                                     ^ [2, 4) holds no multiple of 16 before its end: left out
 * </pre>
 */
final class HoleAdmission {

  /*
   * Rule: a hole [s, s + L) can answer a call at alignment A only if up(s) < s + L, that is if
   * it holds a multiple of A (its room at A is above 0). While every call so far asked for one of
   * at most MAX_ALIGNMENTS alignments, each in 2..MAX_SELECTIVE_ALIGNMENT, the index keeps only
   * the holes that hold a multiple of one of them; after any unaligned call (alignment 1), or a
   * call past those bounds, it keeps every hole. Before the first call it keeps every hole too,
   * and the first call decides.
   *
   * Why: padding keeps aligned regions from touching, so aligned churn leaves about one hole per
   * live region, and almost all of them are padding, shorter than the alignment and ending at a
   * multiple of it: holes no aligned call can use. Measured (churn, 1..64 indices, after 2N
   * steps): at alignment 16 and 1M live regions 937,317 holes of which 1,028 hold a multiple of
   * 16; at 256, none but the tail. Keeping them out shrinks the hole index from one entry per
   * live region to a few thousand.
   *
   * Invariant (kept by HoleIndex and BestFitAllocator): whenever the rule changes the set of kept
   * holes, the hole index is rebuilt from the blocks before the next search; a search at an
   * alignment is made only after ask(alignment), so it sees every hole that can answer it.
   *
   * Complexity: keeps and ask are O(number of alignments asked) <= 8; the rule changes at most
   * MAX_ALIGNMENTS + 1 times in an allocator's life, each change costing one O(n) rebuild.
   * Left-out holes are shorter than the smallest alignment asked (a hole of length >= A holds a
   * multiple of A), so LeftOutHoles counts them by length in a table of at most
   * MAX_SELECTIVE_ALIGNMENT entries.
   */

  /** The most distinct alignments for which the index keeps only the holes that can answer. */
  static final int MAX_ALIGNMENTS = 8;

  /**
   * The largest alignment for which holes are left out: left-out holes are shorter than the
   * smallest alignment asked, and {@link LeftOutHoles} counts them in a table that long.
   */
  static final long MAX_SELECTIVE_ALIGNMENT = 4096;

  /** The alignments asked so far while the index is selective. */
  private final long[] alignments = new long[MAX_ALIGNMENTS];

  private int alignmentCount;

  /** Whether every hole is kept: before the first call, and after an unaligned one. */
  private boolean keepsEvery = true;

  /** Whether no call was made yet (the rule keeps every hole until the first call decides). */
  private boolean undecided = true;

  /**
   * Returns whether the index keeps the hole {@code [start, start + length)}, {@code length > 0}.
   */
  boolean keeps(long start, long length) {
    if (keepsEvery) {
      return true;
    }
    long end = start + length;
    for (int k = 0; k < alignmentCount; k++) {
      long aligned = Alignment.up(start, alignments[k]);
      if (aligned != Alignment.OVERFLOW && aligned < end) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records that a search at {@code alignment} comes next (1: unaligned), widening the rule so that
   * every hole that can answer it is kept.
   *
   * @return whether the set of kept holes changed: the hole index must then be rebuilt
   */
  boolean ask(long alignment) {
    if (keepsEvery) {
      if (undecided) {
        undecided = false;
        if (alignment > 1 && alignment <= MAX_SELECTIVE_ALIGNMENT) {
          keepsEvery = false;
          alignments[alignmentCount++] = alignment;
          return true;
        }
      }
      return false;
    }
    for (int k = 0; k < alignmentCount; k++) {
      if (alignments[k] == alignment) {
        return false;
      }
    }
    if (alignment == 1 || alignment > MAX_SELECTIVE_ALIGNMENT || alignmentCount == MAX_ALIGNMENTS) {
      keepsEvery = true; // for good: the alignments asked are no longer read
    } else {
      alignments[alignmentCount++] = alignment;
    }
    return true;
  }

  /**
   * Tells whether {@link #ask} at {@code alignment} would change the holes kept, without changing
   * anything: the caller then builds the index for a {@link #copy} that asked, before it changes.
   */
  boolean changesFor(long alignment) {
    if (keepsEvery) {
      return undecided && alignment > 1 && alignment <= MAX_SELECTIVE_ALIGNMENT;
    }
    for (int k = 0; k < alignmentCount; k++) {
      if (alignments[k] == alignment) {
        return false;
      }
    }
    return true;
  }

  /** Returns a copy, which asks and answers independently of this admission. */
  HoleAdmission copy() {
    HoleAdmission copy = new HoleAdmission();
    System.arraycopy(alignments, 0, copy.alignments, 0, alignmentCount);
    copy.alignmentCount = alignmentCount;
    copy.keepsEvery = keepsEvery;
    copy.undecided = undecided;
    return copy;
  }

  /** Returns whether every hole is kept. */
  boolean keepsEvery() {
    return keepsEvery;
  }

  /**
   * Returns a bound on the length of the holes left out: the smallest alignment asked, which none
   * of them reaches; 0 when every hole is kept.
   */
  int leftOutBound() {
    if (keepsEvery) {
      return 0;
    }
    long smallest = MAX_SELECTIVE_ALIGNMENT;
    for (int k = 0; k < alignmentCount; k++) {
      smallest = Math.min(smallest, alignments[k]);
    }
    return (int) smallest;
  }

  /** Returns the bytes of the table of alignments. */
  long footprintBytes() {
    return ArrayBytes.of(alignments.length, Long.BYTES);
  }
}
