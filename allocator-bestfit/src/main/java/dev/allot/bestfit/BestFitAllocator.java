package dev.allot.bestfit;

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
 * The best-fit allocator of {@code spec/semantics.md}: blocks in a {@link BlockIndex}, free holes
 * in a {@link HoleIndex}, both updated together by every call. Not thread-safe.
 *
 * <p>Every check happens before the first change, so a call that throws leaves both indexes as they
 * were.
 */
final class BestFitAllocator implements Allocator {

  private final BlockIndex blocks = new BlockIndex();
  private final HoleIndex holes = new HoleIndex();
  private long capacity;

  /** The sum of all block sizes, kept so that the metrics are O(1). */
  private long allocated;

  BestFitAllocator(long capacity) {
    this.capacity = capacity;
    holes.add(0, capacity);
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    if (size == 0) {
      return 0;
    }
    long start = place(size);
    if (start < 0) {
      throw noRoom(size, "alloc", size);
    }
    return start;
  }

  /**
   * Places {@code size > 0} indices at the start of the best hole; returns -1, changing nothing,
   * when none fits. The call's arguments stay out of this hot path so that nothing is allocated.
   */
  private long place(long size) {
    int hole = holes.bestFit(size);
    if (hole == HoleIndex.NONE) {
      return -1;
    }
    long start = holes.start(hole);
    long length = holes.length(hole);
    holes.remove(start, length);
    fill(start, length, size);
    return start;
  }

  /** The failure of a placement: bad input if the needed capacity overflows, else memory. */
  private RuntimeException noRoom(long size, String call, long... args) {
    long lastEnd = blocks.lastEnd();
    requireEndFits(lastEnd, size, call, args);
    return new AllocatorMemoryException(lastEnd + size, holes.largest(), getFragmentedFreeSize());
  }

  /**
   * Allocates the first {@code size} indices of the free run {@code [start, start + length)}, which
   * is already out of the hole index, merging with the blocks around it.
   */
  private void fill(long start, long length, long size) {
    long holeEnd = start + length;
    boolean closes = size == length && holeEnd < capacity; // the next block starts at holeEnd
    long nextSize = 0;
    if (closes) {
      nextSize = blocks.size(blocks.find(holeEnd));
      blocks.remove(holeEnd);
    } else {
      holes.add(start + size, length - size);
    }
    long joined = size + nextSize;
    if (start == 0) {
      blocks.add(0, joined);
    } else {
      int before = blocks.find(start - 1); // it ends at start: a hole always follows a block
      blocks.setSize(before, blocks.size(before) + joined);
    }
    allocated += size;
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0) {
      requireEndFits(start, size, "dealloc", start, size);
      if (!free(start, size)) {
        throw notAllocated(start, size, "dealloc", start, size);
      }
    }
  }

  /**
   * Frees {@code [start, start + size)}, {@code size > 0}, whose end the caller has checked;
   * returns {@code false}, changing nothing, when it does not lie inside one block.
   */
  private boolean free(long start, long size) {
    int block = blocks.find(start);
    long end = start + size;
    if (block == BlockIndex.NONE || end > blocks.end(block)) {
      return false;
    }
    long blockStart = blocks.start(block);
    long blockEnd = blocks.end(block);
    int before = blocks.previous(block);
    long freeFrom = before == BlockIndex.NONE ? 0 : blocks.end(before);
    int after = blocks.next(block);
    long freeTo = after == BlockIndex.NONE ? capacity : blocks.start(after);
    if (start == blockStart) {
      holes.remove(freeFrom, blockStart - freeFrom);
      blocks.remove(blockStart);
      if (end == blockEnd) {
        holes.remove(blockEnd, freeTo - blockEnd);
        holes.add(freeFrom, freeTo - freeFrom);
      } else {
        blocks.add(end, blockEnd - end);
        holes.add(freeFrom, end - freeFrom);
      }
    } else {
      blocks.setSize(block, start - blockStart);
      if (end == blockEnd) {
        holes.remove(blockEnd, freeTo - blockEnd);
        holes.add(start, freeTo - start);
      } else {
        blocks.add(end, blockEnd - end);
        holes.add(start, size);
      }
    }
    allocated -= size;
    return true;
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    if (size == 0) {
      return newSize == 0 ? 0 : relocate(start, size, newSize);
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      // newSize == 0 frees the whole region; otherwise only the suffix must be allocated.
      if (!free(start + newSize, size - newSize)) {
        throw notAllocated(start + newSize, size - newSize, "realloc", start, size, newSize);
      }
      return newSize == 0 ? 0 : start;
    }
    int block = blocks.find(start);
    long end = start + size;
    if (block == BlockIndex.NONE || end > blocks.end(block)) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    if (newSize == size) {
      return start;
    }
    long growth = newSize - size;
    if (end == blocks.end(block)) {
      int after = blocks.next(block);
      long free = (after == BlockIndex.NONE ? capacity : blocks.start(after)) - end;
      if (free >= growth) {
        holes.remove(end, free);
        fill(end, free, growth);
        return start;
      }
    }
    return relocate(start, size, newSize);
  }

  /** Places {@code newSize} while the old region is still allocated, then frees the old region. */
  private long relocate(long start, long size, long newSize) {
    long result = place(newSize);
    if (result < 0) {
      throw noRoom(newSize, "realloc", start, size, newSize);
    }
    if (size != 0) {
      free(start, size);
    }
    return result;
  }

  @Override
  public long getCapacity() {
    return capacity;
  }

  @Override
  public void setCapacity(long capacity) {
    AllocatorArguments.requireNoShrink(this.capacity, capacity);
    long lastEnd = blocks.lastEnd();
    holes.remove(lastEnd, this.capacity - lastEnd);
    holes.add(lastEnd, capacity - lastEnd);
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
    return holes.largest();
  }

  @Override
  public boolean isEmpty() {
    return blocks.count() == 0;
  }

  @Override
  public String getStrategyName() {
    return BestFitStrategy.NAME;
  }

  /** Returns the bytes of both indexes' arrays, for the memory measurement. */
  long footprintBytes() {
    return blocks.footprintBytes() + holes.footprintBytes();
  }

  @Override
  public String toString() {
    return "BestFitAllocator[capacity=" + capacity + ", blocks=" + getAllocatedRegions() + "]";
  }
}
