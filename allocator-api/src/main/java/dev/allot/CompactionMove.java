package dev.allot;

/**
 * One copy of a compaction plan: the whole block {@code [from, from + size)} now lives at {@code
 * [to, to + size)}. The caller copies the data with the semantics of {@link System#arraycopy},
 * which is correct when the two ranges overlap; {@link #overlapping()} says whether they do,
 * because a copy inside one GPU buffer ({@code glCopyBufferSubData}) is undefined when they do and
 * must then go through a staging buffer or be split.
 *
 * <p>{@link #of} computes the flag; a plan's moves are built with it. The kit's compaction
 * properties check that every plan's flags are true, for strategies that build moves themselves.
 *
 * @param from the first index of the block before the move
 * @param to the first index of the block after the move
 * @param size the number of indices copied, {@code > 0}
 * @param overlapping whether {@code [from, from + size)} and {@code [to, to + size)} share an index
 * @since 0.1.0
 */
public record CompactionMove(long from, long to, long size, boolean overlapping) {

  /**
   * Checks the ranges.
   *
   * @param from the first index of the block before the move
   * @param to the first index of the block after the move
   * @param size the number of indices copied
   * @param overlapping whether the ranges overlap
   * @throws IllegalArgumentException if a number is negative, {@code size} is 0 or an end would
   *     exceed {@link Long#MAX_VALUE}
   */
  public CompactionMove {
    requireValid(from, to, size);
  }

  /**
   * Checks a move's ranges as the constructor does, allocating nothing unless they are wrong: a
   * plan's builder checks each move before the allocator makes it, when the heap may be short.
   */
  static void requireValid(long from, long to, long size) {
    if (from < 0
        || to < 0
        || size <= 0
        || from > Long.MAX_VALUE - size
        || to > Long.MAX_VALUE - size) {
      throw new IllegalArgumentException(
          "CompactionMove("
              + from
              + ", "
              + to
              + ", "
              + size
              + "): starts must be >= 0, size > 0 and both ends must fit in a long");
    }
  }

  /**
   * Creates the move of {@code size} indices from {@code from} to {@code to}, with its overlap flag
   * computed.
   *
   * @param from the first index of the block before the move
   * @param to the first index after it
   * @param size the number of indices, {@code > 0}
   * @return the move
   * @throws IllegalArgumentException as the constructor
   */
  public static CompactionMove of(long from, long to, long size) {
    return new CompactionMove(from, to, size, Math.abs(from - to) < size);
  }

  /**
   * Tells whether {@code index} lies in the source range.
   *
   * @param index an index before the move
   * @return {@code true} when {@code from <= index < from + size}
   */
  public boolean moves(long index) {
    return index >= from && index - from < size;
  }

  /**
   * Returns where an index of the source range is after the move.
   *
   * @param index an index with {@link #moves(long)} true
   * @return {@code index + to - from}
   */
  public long translate(long index) {
    return index - from + to;
  }
}
