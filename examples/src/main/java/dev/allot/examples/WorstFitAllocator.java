package dev.allot.examples;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireEndFits;
import static dev.allot.spi.AllocatorArguments.requireNonNegative;
import static dev.allot.spi.AllocatorArguments.sum;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Worst-fit: every region goes at the start of the <em>largest</em> hole (ties: the lowest start),
 * on the theory that the piece left over stays big enough to be useful. It keeps the SDK's block
 * model, {@code dealloc} and bad-input rules, and grows a region in place when the hole after it is
 * large enough, as best-fit does.
 *
 * <pre>
 * blocks (start -> size) in a TreeMap, sorted by start, never touching:
 *
 *   |###|-----|####|--|######|----------|
 *   0   3     8   12 14     20          30 = capacity
 *        hole 5       hole 2  tail 10  <- alloc(4) goes to 20, the tail
 * </pre>
 *
 * <p>Written for clarity, not speed: {@code alloc} scans every hole ({@code O(n)}), the rest is
 * {@code O(log n)} on the map. Not thread-safe.
 */
final class WorstFitAllocator implements Allocator {

  /** The strategy name. */
  static final String NAME = "worst-fit";

  /** Allocated blocks, start to size. */
  private final TreeMap<Long, Long> blocks = new TreeMap<>();

  private long capacity;
  private long allocated;

  WorstFitAllocator(long capacity) {
    requireNonNegative("create", capacity);
    this.capacity = capacity;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    return place(size, "alloc", size);
  }

  /**
   * Allocates {@code size} in the largest hole; {@code call} and {@code args} name the user's call.
   */
  private long place(long size, String call, long... args) {
    if (size == 0) {
      return 0;
    }
    long bestStart = 0;
    long bestLength = -1;
    long holeStart = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() - holeStart > bestLength) {
        bestStart = holeStart;
        bestLength = block.getKey() - holeStart;
      }
      holeStart = block.getKey() + block.getValue();
    }
    if (capacity - holeStart > bestLength) {
      bestStart = holeStart;
      bestLength = capacity - holeStart;
    }
    if (bestLength < size) {
      throw new AllocatorMemoryException(
          sum(holeStart, size, call, args), bestLength, getFragmentedFreeSize());
    }
    occupy(bestStart, size);
    return bestStart;
  }

  /** Marks a free range allocated, merging it with the blocks it touches. */
  private void occupy(long start, long size) {
    long newStart = start;
    long newSize = size;
    Map.Entry<Long, Long> before = blocks.lowerEntry(start);
    if (before != null && before.getKey() + before.getValue() == start) {
      newStart = before.getKey();
      newSize += before.getValue();
    }
    Long after = blocks.remove(start + size);
    if (after != null) {
      newSize += after;
    }
    blocks.put(newStart, newSize);
    allocated += size;
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    free(start, size, "dealloc", start, size);
  }

  /** Frees a range of one block; {@code call} and {@code args} name the user's call. */
  private void free(long start, long size, String call, long... args) {
    if (size == 0) {
      return;
    }
    Map.Entry<Long, Long> block = containing(start, size, call, args);
    long blockStart = block.getKey();
    long blockEnd = blockStart + block.getValue();
    blocks.remove(blockStart);
    if (start > blockStart) {
      blocks.put(blockStart, start - blockStart);
    }
    if (start + size < blockEnd) {
      blocks.put(start + size, blockEnd - start - size);
    }
    allocated -= size;
  }

  private Map.Entry<Long, Long> containing(long start, long size, String call, long... args) {
    requireEndFits(start, size, call, args);
    Map.Entry<Long, Long> block = blocks.floorEntry(start);
    if (block == null || !new Region(block.getKey(), block.getValue()).contains(start, size)) {
      throw notAllocated(start, size, call, args);
    }
    return block;
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize == 0) {
      free(start, size, "realloc", start, size, newSize);
      return 0;
    }
    if (size == 0) {
      return place(newSize, "realloc", start, size, newSize);
    }
    if (newSize < size) {
      free(start + newSize, size - newSize, "realloc", start, size, newSize);
      return start;
    }
    Map.Entry<Long, Long> block = containing(start, size, "realloc", start, size, newSize);
    if (newSize == size) {
      return start;
    }
    long end = start + size;
    if (end == block.getKey() + block.getValue()) {
      Long next = blocks.higherKey(start);
      long holeAfter = (next == null ? capacity : next) - end;
      if (holeAfter >= newSize - size) {
        occupy(end, newSize - size);
        return start;
      }
    }
    long moved = place(newSize, "realloc", start, size, newSize);
    free(start, size, "realloc", start, size, newSize);
    return moved;
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
    List<Region> regions = new ArrayList<>(blocks.size());
    blocks.forEach((start, size) -> regions.add(new Region(start, size)));
    return List.copyOf(regions);
  }

  @Override
  public long getFreeSize() {
    return capacity - allocated;
  }

  @Override
  public long getFragmentedFreeSize() {
    if (blocks.isEmpty()) {
      return 0;
    }
    Map.Entry<Long, Long> last = blocks.lastEntry();
    return getFreeSize() - (capacity - last.getKey() - last.getValue());
  }

  @Override
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME + " " + getAllocatedRegions() + " of " + capacity;
  }
}
