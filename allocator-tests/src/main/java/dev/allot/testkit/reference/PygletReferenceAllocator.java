package dev.allot.testkit.reference;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireAlignment;
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
 * first block. It also makes the aligned calls pyglet lacks, by the rules of {@code
 * docs/spec/semantics.md} ("Aligned allocation") written out as plainly, so that it is the whole of
 * first-fit's contract: alignment 1 is pyglet's call, a larger one takes the first hole, the gap
 * before the first block included, where the aligned region fits.
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

  @Override
  public long alloc(long size, long alignment) {
    requireNonNegative("alloc", size, alignment);
    requireAlignment(alignment, "alloc", size, alignment);
    if (size == 0) {
      return 0;
    }
    return alignment == 1
        ? allocate(size, "alloc", size, alignment)
        : allocateAligned(size, alignment, "alloc", size, alignment);
  }

  /**
   * The aligned rule: the first hole in address order, the gap before the first block included,
   * where {@code up(holeStart) + size <= holeEnd}; the padding stays free. No quirk applies.
   */
  private long allocateAligned(long size, long alignment, String call, long... args) {
    long holeStart = 0;
    for (int i = 0; i <= starts.size(); i++) {
      long holeEnd = i < starts.size() ? starts.get(i) : capacity;
      long room = holeEnd - holeStart;
      long padding = (alignment - holeStart % alignment) % alignment;
      if (size <= room && padding <= room - size) {
        place(i, holeStart + padding, size);
        return holeStart + padding;
      }
      if (i < starts.size()) {
        holeStart = starts.get(i) + sizes.get(i);
      }
    }
    long lastEnd = holeStart; // 0 without blocks
    long base = AllocatorArguments.alignUp(lastEnd, alignment, call, args);
    requireEndFits(base, size, call, args);
    throw failure(base + size);
  }

  /**
   * Allocates {@code [start, start + size)} in the hole before block {@code i} (the tail when
   * {@code i} is the block count), merging with the blocks it touches.
   */
  private void place(int i, long start, long size) {
    boolean touchesBefore = i > 0 && starts.get(i - 1) + sizes.get(i - 1) == start;
    boolean touchesAfter = i < starts.size() && start + size == starts.get(i);
    if (touchesBefore && touchesAfter) {
      sizes.set(i - 1, sizes.get(i - 1) + size + sizes.get(i));
      starts.remove(i);
      sizes.remove(i);
    } else if (touchesBefore) {
      sizes.set(i - 1, sizes.get(i - 1) + size);
    } else if (touchesAfter) {
      starts.set(i, start);
      sizes.set(i, sizes.get(i) + size);
    } else {
      starts.add(i, start);
      sizes.add(i, size);
    }
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
    return resize(start, size, newSize, new long[] {start, size, newSize});
  }

  /** pyglet's realloc; {@code args} are the call's arguments, for messages. */
  private long resize(long start, long size, long newSize, long[] args) {
    if (newSize == 0) {
      if (size != 0) {
        release(start, size, "realloc", args);
      }
      return 0;
    }
    if (size == 0) {
      return allocate(newSize, "realloc", args);
    }
    requireEndFits(start, size, "realloc", args);
    if (newSize < size) {
      release(start + newSize, size - newSize, "realloc", args);
      return start;
    }
    int i = find(start, size);
    if (i < 0) {
      throw notAllocated(start, size, "realloc", args);
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
    long result = allocate(newSize, "realloc", args);
    release(start, size, "realloc", args);
    return result;
  }

  /**
   * The aligned realloc rules in their order: free, alloc from size 0, shrink or stay only at an
   * aligned start, grow in place into a hole of at least the growth (an exact fill merges), else
   * move by the aligned rule with the old region still allocated.
   */
  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    long[] args = {start, size, newSize, alignment};
    requireNonNegative("realloc", args);
    requireAlignment(alignment, "realloc", args);
    if (alignment == 1) {
      return resize(start, size, newSize, args);
    }
    if (newSize == 0) {
      if (size != 0) {
        release(start, size, "realloc", args);
      }
      return 0;
    }
    if (size == 0) {
      return allocateAligned(newSize, alignment, "realloc", args);
    }
    requireEndFits(start, size, "realloc", args);
    boolean aligned = start % alignment == 0;
    if (aligned && newSize < size) {
      release(start + newSize, size - newSize, "realloc", args);
      return start;
    }
    int i = find(start, size);
    if (i < 0) {
      throw notAllocated(start, size, "realloc", args);
    }
    if (aligned && newSize == size) {
      return start;
    }
    long end = start + size;
    if (aligned && end == starts.get(i) + sizes.get(i)) {
      boolean last = i == starts.size() - 1;
      long free = (last ? capacity : starts.get(i + 1)) - end;
      if (free >= newSize - size) {
        sizes.set(i, sizes.get(i) + newSize - size);
        if (!last && free == newSize - size) {
          sizes.set(i, sizes.get(i) + sizes.get(i + 1));
          starts.remove(i + 1);
          sizes.remove(i + 1);
        }
        return start;
      }
    }
    long result = allocateAligned(newSize, alignment, "realloc", args);
    release(start, size, "realloc", args);
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
