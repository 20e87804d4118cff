package dev.allot.firstfit;

import static dev.allot.AllocatorArguments.notAllocated;
import static dev.allot.AllocatorArguments.requireEndFits;
import static dev.allot.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorArguments;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import java.util.Collections;
import java.util.List;

/**
 * The first-fit allocator, following {@code spec/semantics.md} rule by rule (the numbers in the
 * comments are the spec's). Not thread-safe.
 */
final class FirstFitAllocator implements Allocator {

  private final BlockList blocks = new BlockList();
  private long capacity;
  /** The sum of all block sizes, kept so that the metrics are O(1). */
  private long allocated;

  FirstFitAllocator(long capacity) {
    this.capacity = capacity;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    return size == 0 ? 0 : place(size, "alloc", size);
  }

  /** Rules 2-6 of alloc: places {@code size > 0} indices or throws, changing nothing on failure. */
  private long place(long size, String call, long... args) {
    int count = blocks.count();
    if (count == 0) {
      if (size > capacity) {
        throw memoryFailure(size);
      }
      blocks.insert(0, 0, size);
      allocated += size;
      return 0;
    }
    if (blocks.start(0) > size) {
      blocks.insert(0, 0, size);
      allocated += size;
      return 0;
    }
    for (int i = 0; i < count - 1; i++) {
      long freeStart = blocks.end(i);
      long gap = blocks.start(i + 1) - freeStart;
      if (gap == size) {
        blocks.setSize(i, blocks.size(i) + gap + blocks.size(i + 1));
        blocks.remove(i + 1);
        allocated += size;
        return freeStart;
      }
      if (gap > size) {
        blocks.setSize(i, blocks.size(i) + size);
        allocated += size;
        return freeStart;
      }
    }
    long lastEnd = blocks.lastEnd();
    if (capacity - lastEnd >= size) {
      blocks.setSize(count - 1, blocks.size(count - 1) + size);
      allocated += size;
      return lastEnd;
    }
    requireEndFits(lastEnd, size, call, args);
    throw memoryFailure(lastEnd + size);
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
    int index = blocks.indexContaining(start, size);
    if (index < 0) {
      throw notAllocated(start, size, call, args);
    }
    long blockStart = blocks.start(index);
    long blockEnd = blocks.end(index);
    long end = start + size;
    if (start == blockStart && end == blockEnd) {
      blocks.remove(index);
    } else if (start == blockStart) {
      blocks.setStart(index, end);
      blocks.setSize(index, blockEnd - end);
    } else if (end == blockEnd) {
      blocks.setSize(index, start - blockStart);
    } else {
      blocks.setSize(index, start - blockStart);
      blocks.insert(index + 1, end, blockEnd - end);
    }
    allocated -= size;
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
    int index = blocks.indexContaining(start, size);
    if (index < 0) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    long end = start + size;
    if (end == blocks.end(index)) {
      boolean last = index == blocks.count() - 1;
      long free = last ? capacity - end : blocks.start(index + 1) - end;
      long growth = newSize - size;
      if (!last && free == growth) {
        blocks.setSize(index, blocks.size(index) + growth + blocks.size(index + 1));
        blocks.remove(index + 1);
        allocated += growth;
        return start;
      }
      if (free > growth) {
        blocks.setSize(index, blocks.size(index) + growth);
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
    return capacity;
  }

  @Override
  public void setCapacity(long capacity) {
    if (capacity < this.capacity) {
      throw AllocatorArguments.invalid(
          "capacity never shrinks; it is " + this.capacity, "setCapacity", capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return Collections.unmodifiableList(blocks.toRegions());
  }

  @Override
  public long getFreeSize() {
    return capacity - allocated;
  }

  @Override
  public long getFragmentedFreeSize() {
    return blocks.lastEnd() - allocated;
  }

  @Override
  public long getLargestFreeHole() {
    return blocks.largestHole(capacity);
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
    return "FirstFitAllocator[capacity=" + capacity + ", blocks=" + getAllocatedRegions() + "]";
  }
}
