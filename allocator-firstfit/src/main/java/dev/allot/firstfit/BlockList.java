package dev.allot.firstfit;

import dev.allot.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The allocated blocks in address order, as two parallel primitive arrays: the form pyglet keeps
 * ({@code starts}, {@code sizes}), without boxing.
 *
 * <pre>
 *   index:   0        1        2
 *   starts: [0]      [12]     [40]
 *   sizes:  [8]      [20]     [3]
 *            |####----####################----------###|
 * </pre>
 *
 * <p>Lookup by start is a binary search; insertion and removal shift the arrays. Not thread-safe.
 */
final class BlockList {

  /** Room for this many blocks before the first growth. */
  private static final int INITIAL_LENGTH = 16;

  private long[] starts = new long[INITIAL_LENGTH];
  private long[] sizes = new long[INITIAL_LENGTH];
  private int count;

  int count() {
    return count;
  }

  long start(int index) {
    return starts[index];
  }

  long size(int index) {
    return sizes[index];
  }

  long end(int index) {
    return starts[index] + sizes[index];
  }

  void setStart(int index, long start) {
    starts[index] = start;
  }

  void setSize(int index, long size) {
    sizes[index] = size;
  }

  /** Returns the end of the last block, 0 when there are none. */
  long lastEnd() {
    return count == 0 ? 0 : end(count - 1);
  }

  /**
   * Returns the block that holds all of {@code [start, start + size)}, or -1. The caller has checked
   * that {@code start + size} does not overflow.
   */
  int indexContaining(long start, long size) {
    int index = Arrays.binarySearch(starts, 0, count, start);
    if (index < 0) {
      index = -index - 2; // the last block starting before start
    }
    if (index < 0 || start + size > end(index)) {
      return -1;
    }
    return index;
  }

  void insert(int index, long start, long size) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    System.arraycopy(starts, index, starts, index + 1, count - index);
    System.arraycopy(sizes, index, sizes, index + 1, count - index);
    starts[index] = start;
    sizes[index] = size;
    count++;
  }

  void remove(int index) {
    System.arraycopy(starts, index + 1, starts, index, count - index - 1);
    System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
    count--;
  }

  /** Returns the longest free run in {@code [0, capacity)}, gaps and tail included. */
  long largestHole(long capacity) {
    long largest = 0;
    long previousEnd = 0;
    for (int i = 0; i < count; i++) {
      largest = Math.max(largest, starts[i] - previousEnd);
      previousEnd = end(i);
    }
    return Math.max(largest, capacity - previousEnd);
  }

  List<Region> toRegions() {
    List<Region> regions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      regions.add(new Region(starts[i], sizes[i]));
    }
    return regions;
  }
}
