package dev.allot.spi;

/**
 * Index arithmetic for aligned placement, without overflow: a strategy asks whether a hole fits an
 * aligned region before it changes anything.
 *
 * <p>Alignment is any integer {@code >= 1}, not only a power of two (a triangle list needs starts
 * that are multiples of 3), so rounding uses a remainder, or a mask when the alignment is a power
 * of two (the common case, and a division costs many times an add on the hot path).
 *
 * @since 0.1.0
 */
public final class Alignment {

  /** What {@link #up} returns when the rounded value would pass {@link Long#MAX_VALUE}. */
  public static final long OVERFLOW = -1;

  private Alignment() {}

  /**
   * Rounds up to a multiple of {@code alignment}.
   *
   * @param value a non-negative index
   * @param alignment the alignment, {@code >= 1}
   * @return the smallest multiple of {@code alignment} that is {@code >= value}, or {@link
   *     #OVERFLOW}
   */
  public static long up(long value, long alignment) {
    if ((alignment & (alignment - 1)) == 0) {
      // A power of two: a mask instead of a division. The largest multiple is MAX_VALUE - (a - 1),
      // so a value above it rounds past MAX_VALUE, and no value at or below it overflows the sum.
      long mask = alignment - 1;
      return value > Long.MAX_VALUE - mask ? OVERFLOW : (value + mask) & ~mask;
    }
    long remainder = value % alignment;
    if (remainder == 0) {
      return value;
    }
    long padding = alignment - remainder;
    return value > Long.MAX_VALUE - padding ? OVERFLOW : value + padding;
  }

  /**
   * Tells whether a region of {@code size} indices at an aligned start fits in {@code [holeStart,
   * holeEnd)}.
   *
   * @param holeStart the hole's first index
   * @param holeEnd the hole's end (exclusive)
   * @param size the region's size, {@code > 0}
   * @param alignment the alignment, {@code >= 1}
   * @return {@code true} when {@code up(holeStart) + size <= holeEnd}
   */
  public static boolean fits(long holeStart, long holeEnd, long size, long alignment) {
    long start = up(holeStart, alignment);
    return start != OVERFLOW && start <= holeEnd - size;
  }

  /**
   * Tells whether {@code start} is a multiple of {@code alignment}.
   *
   * @param start a non-negative index
   * @param alignment the alignment, {@code >= 1}
   * @return {@code true} when aligned
   */
  public static boolean isAligned(long start, long alignment) {
    return start % alignment == 0;
  }
}
