package dev.allot.firstfit;

import static dev.allot.AllocatorArguments.notAllocated;
import static dev.allot.AllocatorArguments.requireEndFits;
import static dev.allot.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorArguments;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first-fit allocator, following {@code spec/semantics.md} rule by rule (the numbers in the
 * comments are the spec's), on a {@link GapTree} so that every call is O(log n) where pyglet's is
 * O(n): the gap scan of rules 4-5 becomes one descent to the leftmost gap that fits. Not
 * thread-safe.
 */
final class FirstFitAllocator implements Allocator {

  /** What {@link #place} returns when nothing fits; no start is negative. */
  private static final long NO_FIT = -1;

  /** The blocks; it also holds the capacity, whose tail it counts as the last gap. */
  private final GapTree blocks;

  /** The sum of all block sizes, kept so that the metrics are O(1). */
  private long allocated;

  FirstFitAllocator(long capacity) {
    this(new GapTree(capacity));
  }

  /** Wraps an empty tree; tests pass trees with tiny nodes. */
  FirstFitAllocator(GapTree blocks) {
    this.blocks = blocks;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    if (size == 0) {
      return 0;
    }
    long start = place(size);
    if (start == NO_FIT) {
      throw noFit(size, "alloc", size);
    }
    return start;
  }

  /*
   * The argument checks use AllocatorArguments' fixed-arity forms, which build a message's
   * argument array only once a call has failed: an array per call cost 28 bytes of garbage per
   * operation in the churn benchmark.
   */

  /**
   * Rules 2-5 of alloc: places {@code size > 0} indices and returns the start, or returns {@link
   * #NO_FIT} having changed nothing.
   */
  private long place(long size) {
    if (blocks.count() == 0) {
      if (size > blocks.capacity()) {
        return NO_FIT;
      }
      blocks.insertFirst(0, size);
      allocated += size;
      return 0;
    }
    if (blocks.start(blocks.first()) > size) {
      blocks.insertFirst(0, size);
      allocated += size;
      return 0;
    }
    // Rules 4 and 5 in one search: the tail is the last block's gap (see GapTree).
    int index = blocks.leftmostGapAtLeast(size);
    if (index == GapTree.NONE) {
      return NO_FIT;
    }
    long freeStart = blocks.end(index);
    if (!blocks.isLast(index) && blocks.gapAfter(index) == size) {
      mergeWithNext(index);
    } else {
      blocks.setEnd(index, freeStart + size);
    }
    allocated += size;
    return freeStart;
  }

  /** Fills the gap after block {@code index} exactly: it and the next block become one. */
  private void mergeWithNext(int index) {
    int next = blocks.next(index);
    blocks.setEnd(index, blocks.end(next));
    blocks.remove(next);
  }

  /** Rule 6: the failure of a call whose {@link #place} found no room, or bad input on overflow. */
  private AllocatorMemoryException noFit(long size, String call, long... args) {
    long lastEnd = blocks.lastEnd(); // 0 without blocks: requested = size, as rule 2 says
    requireEndFits(lastEnd, size, call, args);
    return new AllocatorMemoryException(
        lastEnd + size, getLargestFreeHole(), getFragmentedFreeSize());
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0 && !free(start, size)) {
      throw notFreed(start, size, "dealloc", start, size);
    }
  }

  /**
   * Frees {@code [start, start + size)}, {@code size > 0}, if it lies inside one block; returns
   * {@code false} having changed nothing if it does not (or its end overflows).
   */
  private boolean free(long start, long size) {
    int index = start > Long.MAX_VALUE - size ? GapTree.NONE : indexContaining(start, size);
    if (index == GapTree.NONE) {
      return false;
    }
    long blockStart = blocks.start(index);
    long blockEnd = blocks.end(index);
    long end = start + size;
    if (start == blockStart && end == blockEnd) {
      blocks.remove(index);
    } else if (start == blockStart) {
      blocks.setStart(index, end);
    } else if (end == blockEnd) {
      blocks.setEnd(index, start);
    } else {
      blocks.setEnd(index, start);
      blocks.insertAfter(index, end, blockEnd);
    }
    allocated -= size;
    return true;
  }

  /** The failure of a call whose {@link #free} returned {@code false}. */
  private static IllegalArgumentException notFreed(
      long start, long size, String call, long... args) {
    requireEndFits(start, size, call, args);
    return notAllocated(start, size, call, args);
  }

  /**
   * Returns the block that holds all of {@code [start, start + size)}, or {@link GapTree#NONE}. The
   * caller has checked that {@code start + size} does not overflow.
   */
  private int indexContaining(long start, long size) {
    int index = blocks.find(start);
    return index == GapTree.NONE || start + size > blocks.end(index) ? GapTree.NONE : index;
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    if (newSize == 0) {
      if (size != 0 && !free(start, size)) {
        throw notFreed(start, size, "realloc", start, size, newSize);
      }
      return 0;
    }
    if (size == 0) {
      long result = place(newSize);
      if (result == NO_FIT) {
        throw noFit(newSize, "realloc", start, size, newSize);
      }
      return result;
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      if (!free(start + newSize, size - newSize)) {
        throw notFreed(start + newSize, size - newSize, "realloc", start, size, newSize);
      }
      return start;
    }
    int index = indexContaining(start, size);
    if (index == GapTree.NONE) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    long end = start + size;
    if (end == blocks.end(index)) {
      long free = blocks.gapAfter(index);
      long growth = newSize - size;
      if (!blocks.isLast(index) && free == growth) {
        mergeWithNext(index);
        allocated += growth;
        return start;
      }
      if (free > growth) {
        blocks.setEnd(index, end + growth);
        allocated += growth;
        return start;
      }
    }
    long result = place(newSize);
    if (result == NO_FIT) {
      throw noFit(newSize, "realloc", start, size, newSize);
    }
    free(start, size); // inside a block, and the placement never overlaps it: always succeeds
    return result;
  }

  @Override
  public long getCapacity() {
    return blocks.capacity();
  }

  @Override
  public void setCapacity(long capacity) {
    AllocatorArguments.requireNoShrink(blocks.capacity(), capacity);
    blocks.setCapacity(capacity);
  }

  @Override
  public List<Region> getAllocatedRegions() {
    int count = blocks.count();
    List<Region> regions = new ArrayList<>(count);
    for (int i = 0, index = blocks.first(); i < count; i++) {
      regions.add(new Region(blocks.start(index), blocks.end(index) - blocks.start(index)));
      if (i + 1 < count) {
        index = blocks.next(index);
      }
    }
    return Collections.unmodifiableList(regions);
  }

  @Override
  public long getFreeSize() {
    return blocks.capacity() - allocated;
  }

  @Override
  public long getFragmentedFreeSize() {
    return blocks.lastEnd() - allocated;
  }

  @Override
  public long getLargestFreeHole() {
    if (blocks.count() == 0) {
      return blocks.capacity();
    }
    return Math.max(blocks.start(blocks.first()), blocks.largestGapAfterBlocks());
  }

  @Override
  public boolean isEmpty() {
    return blocks.count() == 0;
  }

  @Override
  public String getStrategyName() {
    return FirstFitStrategy.NAME;
  }

  @Override
  public String toString() {
    return "FirstFitAllocator[capacity="
        + blocks.capacity()
        + ", blocks="
        + getAllocatedRegions()
        + "]";
  }
}
