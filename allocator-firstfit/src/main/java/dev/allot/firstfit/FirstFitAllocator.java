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
    return size == 0 ? 0 : place(size, "alloc", size);
  }

  /** Rules 2-6 of alloc: places {@code size > 0} indices or throws, changing nothing on failure. */
  private long place(long size, String call, long... args) {
    if (blocks.count() == 0) {
      if (size > blocks.capacity()) {
        throw memoryFailure(size);
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
      long lastEnd = blocks.lastEnd();
      requireEndFits(lastEnd, size, call, args);
      throw memoryFailure(lastEnd + size);
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

  private AllocatorMemoryException memoryFailure(long requestedCapacity) {
    return new AllocatorMemoryException(requestedCapacity, getLargestFreeHole(), getFragmentedFreeSize());
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0) {
      free(start, size, "dealloc", start, size);
    }
  }

  /** Frees {@code [start, start + size)}, {@code size > 0}, which must lie inside one block. */
  private void free(long start, long size, String call, long... args) {
    requireEndFits(start, size, call, args);
    int index = indexContaining(start, size);
    if (index == GapTree.NONE) {
      throw notAllocated(start, size, call, args);
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
      if (size != 0) {
        free(start, size, "realloc", start, size, newSize);
      }
      return 0;
    }
    if (size == 0) {
      return place(newSize, "realloc", start, size, newSize);
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      free(start + newSize, size - newSize, "realloc", start, size, newSize);
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
    long result = place(newSize, "realloc", start, size, newSize);
    free(start, size, "realloc", start, size, newSize);
    return result;
  }

  @Override
  public long getCapacity() {
    return blocks.capacity();
  }

  @Override
  public void setCapacity(long capacity) {
    if (capacity < blocks.capacity()) {
      throw AllocatorArguments.invalid(
          "capacity never shrinks; it is " + blocks.capacity(), "setCapacity", capacity);
    }
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
    return "FirstFitAllocator[capacity=" + blocks.capacity() + ", blocks=" + getAllocatedRegions() + "]";
  }
}
