package dev.allot;

/**
 * A range {@code [start, start + size)} of buffer indices.
 *
 * <p>{@link Allocator#getAllocatedRegions()} returns the allocator's blocks as regions: sorted by
 * start, never empty, never overlapping and never touching.
 *
 * @param start the first index, {@code >= 0}
 * @param size the number of indices, {@code >= 0}
 * @since 0.1.0
 */
public record Region(long start, long size) {

  /**
   * Checks that the range is non-negative and that its end fits in a {@code long}.
   *
   * @param start the first index, {@code >= 0}
   * @param size the number of indices, {@code >= 0}
   * @throws IllegalArgumentException if {@code start} or {@code size} is negative, or if {@code
   *     start + size} would exceed {@link Long#MAX_VALUE}
   */
  public Region {
    if (start < 0 || size < 0 || start > Long.MAX_VALUE - size) {
      throw new IllegalArgumentException(
          "Region("
              + start
              + ", "
              + size
              + "): start and size must be >= 0 and start + size must not exceed "
              + Long.MAX_VALUE);
    }
  }

  /**
   * Returns the index just past the region.
   *
   * @return {@code start + size}
   */
  public long end() {
    return start + size;
  }

  /**
   * Tells whether {@code [otherStart, otherStart + otherSize)} lies wholly inside this region.
   *
   * @param otherStart the first index of the other range
   * @param otherSize the length of the other range
   * @return {@code true} if the other range is inside this one
   */
  public boolean contains(long otherStart, long otherSize) {
    return otherStart >= start && otherSize >= 0 && otherStart - start <= size - otherSize;
  }
}
