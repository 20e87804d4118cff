package dev.allot.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Translates the addresses of a recorded trace into those of another strategy. A trace says {@code
 * dealloc 40 8} in the address space of the strategy that recorded it; replayed against another
 * strategy, the same data lives elsewhere. Each allocated range of the recording is kept with the
 * start the other strategy gave it, and offsets inside a range carry over, so partial frees and
 * reallocs of part of a region translate too.
 *
 * <pre>
 * recorded:  [40, 48) -> 0     dealloc 44 2  becomes  dealloc 4 2, leaving
 *                              [40, 44) -> 0  and  [46, 48) -> 6
 * </pre>
 *
 * <p>Not thread-safe.
 */
final class AddressMap {

  /** Recorded start to {@code {size, translated start}}, never overlapping. */
  private final TreeMap<Long, long[]> ranges = new TreeMap<>();

  /** Records that {@code [recorded, recorded + size)} lives at {@code translated}. */
  void put(long recorded, long size, long translated) {
    if (size > 0) {
      ranges.put(recorded, new long[] {size, translated});
    }
  }

  /**
   * Returns where {@code [recorded, recorded + size)} lives, or {@code -1} if it is not inside one
   * recorded range (a trace that frees across two regions that happened to touch).
   */
  long translate(long recorded, long size) {
    Map.Entry<Long, long[]> range = ranges.floorEntry(recorded);
    if (range == null || recorded - range.getKey() > range.getValue()[0] - size) {
      return -1;
    }
    return range.getValue()[1] + (recorded - range.getKey());
  }

  /** Forgets {@code [recorded, recorded + size)}, which {@link #translate} found. */
  void remove(long recorded, long size) {
    Map.Entry<Long, long[]> range = ranges.floorEntry(recorded);
    if (range == null || size == 0) {
      return;
    }
    long start = range.getKey();
    long rangeSize = range.getValue()[0];
    long translated = range.getValue()[1];
    ranges.remove(start);
    put(start, recorded - start, translated);
    long cut = recorded + size - start;
    put(recorded + size, rangeSize - cut, translated + cut);
  }

  /**
   * Follows a compaction on both sides: every recorded start through the recording's plan, every
   * translated start through this strategy's. A range lies inside one block on each side, and
   * blocks move whole, so its start says where all of it went.
   */
  void compacted(LongUnaryOperator recorded, LongUnaryOperator translated) {
    TreeMap<Long, long[]> moved = new TreeMap<>();
    ranges.forEach(
        (start, range) ->
            moved.put(
                recorded.applyAsLong(start),
                new long[] {range[0], translated.applyAsLong(range[1])}));
    ranges.clear();
    ranges.putAll(moved);
  }

  /** Forgets every range, for a new trace. */
  void clear() {
    ranges.clear();
  }
}
