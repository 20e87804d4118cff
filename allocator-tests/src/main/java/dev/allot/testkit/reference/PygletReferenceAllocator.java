package dev.allot.testkit.reference;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireEndFits;
import static dev.allot.spi.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * pyglet 2.1's {@code pyglet.graphics.allocation.Allocator}, transcribed line for line: two
 * parallel lists {@code starts} and {@code sizes}, a linear scan for every call. Its only
 * departures from pyglet are the spec's: asserts become {@link IllegalArgumentException}s that
 * change nothing, setting the same capacity is allowed, and the metrics count the gap before the
 * first block.
 *
 * <p>Clarity over speed: every call is O(n) with list shifts. It exists to be obviously right. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class PygletReferenceAllocator implements Allocator {

  private final List<Long> starts = new ArrayList<>();
  private final List<Long> sizes = new ArrayList<>();
  private long capacity;

  /**
   * Creates an empty allocator.
   *
   * @param capacity the capacity, {@code >= 0}
   */
  public PygletReferenceAllocator(long capacity) {
    requireNonNegative("PygletReferenceAllocator", capacity);
    this.capacity = capacity;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    if (size == 0) {
      return 0;
    }
    return allocate(size, "alloc", size);
  }

  private long allocate(long size, String call, long... args) {
    if (starts.isEmpty()) {
      if (size <= capacity) {
        starts.add(0L);
        sizes.add(size);
        return 0;
      }
      throw failure(size);
    }
    if (starts.get(0) > size) {
      starts.add(0, 0L);
      sizes.add(0, size);
      return 0;
    }
    long freeStart = starts.get(0) + sizes.get(0);
    for (int i = 0; i + 1 < starts.size(); i++) {
      long allocStart = starts.get(i + 1);
      long allocSize = sizes.get(i + 1);
      long freeSize = allocStart - freeStart;
      if (freeSize == size) {
        sizes.set(i, sizes.get(i) + freeSize + allocSize);
        starts.remove(i + 1);
        sizes.remove(i + 1);
        return freeStart;
      } else if (freeSize > size) {
        sizes.set(i, sizes.get(i) + size);
        return freeStart;
      }
      freeStart = allocStart + allocSize;
    }
    long freeSize = capacity - freeStart;
    if (freeSize >= size) {
      int last = sizes.size() - 1;
      sizes.set(last, sizes.get(last) + size);
      return freeStart;
    }
    requireEndFits(freeStart, size, call, args);
    throw failure(freeStart + size);
  }

  private AllocatorMemoryException failure(long requested) {
    return new AllocatorMemoryException(requested, getLargestFreeHole(), getFragmentedFreeSize());
  }

  /** Returns the index of the block holding {@code [start, start + size)}, or -1. */
  private int find(long start, long size) {
    for (int i = 0; i < starts.size(); i++) {
      long p = start - starts.get(i);
      if (p >= 0 && size <= sizes.get(i) - p) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0) {
      release(start, size, "dealloc", start, size);
    }
  }

  private void release(long start, long size, String call, long... args) {
    requireEndFits(start, size, call, args);
    int i = find(start, size);
    if (i < 0) {
      throw notAllocated(start, size, call, args);
    }
    long allocStart = starts.get(i);
    long allocSize = sizes.get(i);
    long p = start - allocStart;
    if (p == 0 && size == allocSize) {
      starts.remove(i);
      sizes.remove(i);
    } else if (p == 0) {
      starts.set(i, allocStart + size);
      sizes.set(i, allocSize - size);
    } else if (size == allocSize - p) {
      sizes.set(i, allocSize - size);
    } else {
      sizes.set(i, p);
      starts.add(i + 1, start + size);
      sizes.add(i + 1, allocSize - (p + size));
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    if (newSize == 0) {
      if (size != 0) {
        release(start, size, "realloc", start, size, newSize);
      }
      return 0;
    }
    if (size == 0) {
      return allocate(newSize, "realloc", start, size, newSize);
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      release(start + newSize, size - newSize, "realloc", start, size, newSize);
      return start;
    }
    int i = find(start, size);
    if (i < 0) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    long p = start - starts.get(i);
    if (size == sizes.get(i) - p) {
      boolean isFinalBlock = i == starts.size() - 1;
      long freeSize = isFinalBlock ? capacity - (start + size) : starts.get(i + 1) - (start + size);
      if (freeSize == newSize - size && !isFinalBlock) {
        sizes.set(i, sizes.get(i) + freeSize + sizes.get(i + 1));
        starts.remove(i + 1);
        sizes.remove(i + 1);
        return start;
      } else if (freeSize > newSize - size) {
        sizes.set(i, sizes.get(i) + newSize - size);
        return start;
      }
    }
    long result = allocate(newSize, "realloc", start, size, newSize);
    release(start, size, "realloc", start, size, newSize);
    return result;
  }

  @Override
  public long getCapacity() {
    return capacity;
  }

  @Override
  public void setCapacity(long capacity) {
    AllocatorArguments.requireNoShrink(this.capacity, capacity);
    this.capacity = capacity;
  }

  @Override
  public List<Region> getAllocatedRegions() {
    List<Region> regions = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      regions.add(new Region(starts.get(i), sizes.get(i)));
    }
    return List.copyOf(regions);
  }

  private long allocatedTotal() {
    long total = 0;
    for (long size : sizes) {
      total += size;
    }
    return total;
  }

  @Override
  public long getFreeSize() {
    return capacity - allocatedTotal();
  }

  @Override
  public long getFragmentedFreeSize() {
    if (starts.isEmpty()) {
      return 0;
    }
    int last = starts.size() - 1;
    return starts.get(last) + sizes.get(last) - allocatedTotal();
  }

  @Override
  public boolean isEmpty() {
    return starts.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return PygletReferenceStrategy.NAME;
  }
}
