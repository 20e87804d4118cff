package dev.allot.tlsf;

/**
 * The size classes of the two-level segregated fit: every hole length maps to one class in O(1),
 * and every length in a class is at least the class's lower bound.
 *
 * <pre>
 *   lengths 1..63            one class per length (exact)
 *   lengths [2^k, 2^(k+1))   for k >= 6: 32 classes of width 2^(k-5)
 *
 *   class index = (level << 5) | sub
 *     level 0: sub = length                        (lengths 0..31)
 *     level L: sub = next 5 bits after the top bit (lengths [2^(L+4), 2^(L+5)))
 * </pre>
 */
final class SizeClasses {

  /*
   * The math (Masmano et al.'s TLSF, with a linear first level as in OffsetAllocator): for a
   * length n >= 32 with top bit at position m, the first level is m - 4 and the second level the 5
   * bits below the top bit, so a class spans 2^(m-5) lengths, a thirty-second of its level's
   * lower bound: rounding a request up to the next class wastes less than 1/32 of it. Below 64 the
   * width is 1, so those classes are exact and the class index equals the length. Level 58 holds
   * the lengths up to Long.MAX_VALUE, so 59 levels of 32 classes cover every long.
   *
   * Without a branch (lengths of either side of 32 alternate at random under churn, and a
   * mispredicted branch costs more than the arithmetic): with shift = max(m - 5, 0), computed as
   * the top bit of (length | 32) minus 5, the class is (shift << 5) + (length >>> shift), since
   * length >>> shift is 32 + sub for m >= 6 and the length itself below 64; the lower bound of
   * class c is (c - (shift << 5)) << shift with shift = max(level - 1, 0).
   *
   * Each level's occupied classes fit one int bitmap and the occupied levels one long bitmap, so
   * "the lowest occupied class at or above c" is two masked numberOfTrailingZeros: O(1).
   */

  /** The bits of the second level. */
  static final int SUB_BITS = 5;

  /** The classes per level. */
  static final int SUBS = 1 << SUB_BITS;

  /** The first-level count: level 58 holds lengths of 63 bits. */
  static final int LEVELS = Long.SIZE - SUB_BITS;

  /** The classes below this one are exact: class c holds the length c alone. */
  static final int EXACT = 2 * SUBS;

  /** The number of classes. */
  static final int COUNT = LEVELS << SUB_BITS;

  private SizeClasses() {}

  /**
   * Returns the class of a length.
   *
   * @param length a length {@code >= 1}
   * @return its class, {@code < COUNT}
   */
  static int of(long length) {
    int shift = shiftOf(length);
    return (shift << SUB_BITS) + (int) (length >>> shift);
  }

  /**
   * Returns the smallest length of a class.
   *
   * @param sizeClass a class {@code < COUNT}
   * @return its lower bound
   */
  static long lowerBound(int sizeClass) {
    int shift = Math.max((sizeClass >>> SUB_BITS) - 1, 0);
    return (long) (sizeClass - (shift << SUB_BITS)) << shift;
  }

  /**
   * Returns how far a length's class width is shifted: 0 below 64, where classes are exact, and one
   * more for each doubling above; {@code length >>> shift} is then 32 + the class's sub index (or
   * the length itself below 64).
   */
  private static int shiftOf(long length) {
    return Long.SIZE - 1 - SUB_BITS - Long.numberOfLeadingZeros(length | SUBS);
  }

  /**
   * Returns the lowest class all of whose lengths are {@code >= length}: any hole found there or
   * above fits without looking at its length.
   *
   * @param length a length {@code >= 1}
   * @return that class, {@code COUNT} when no class qualifies
   */
  static int roundedUp(long length) {
    int sizeClass = of(length);
    return lowerBound(sizeClass) == length ? sizeClass : sizeClass + 1;
  }
}
