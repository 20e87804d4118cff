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
   * Each level's occupied classes fit one int bitmap and the occupied levels one long bitmap, so
   * "the lowest occupied class at or above c" is two masked numberOfTrailingZeros: O(1).
   */

  /** The bits of the second level. */
  static final int SUB_BITS = 5;

  /** The classes per level. */
  static final int SUBS = 1 << SUB_BITS;

  /** The first-level count: level 58 holds lengths of 63 bits. */
  static final int LEVELS = Long.SIZE - SUB_BITS;

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
    if (length < SUBS) {
      return (int) length;
    }
    int top = Long.SIZE - 1 - Long.numberOfLeadingZeros(length);
    int sub = (int) (length >>> (top - SUB_BITS)) & (SUBS - 1);
    return ((top - SUB_BITS + 1) << SUB_BITS) | sub;
  }

  /**
   * Returns the smallest length of a class.
   *
   * @param sizeClass a class {@code < COUNT}
   * @return its lower bound
   */
  static long lowerBound(int sizeClass) {
    int level = sizeClass >>> SUB_BITS;
    int sub = sizeClass & (SUBS - 1);
    return level == 0 ? sub : (long) (SUBS + sub) << (level - 1);
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
