package dev.allot.testkit;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireEndFits;
import static dev.allot.spi.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A small, plainly correct best-fit of {@code docs/spec/semantics.md} on a {@link TreeMap} of
 * blocks (start to size), written for the kit's own tests: it shows that the contract passes a
 * correct strategy that is not pyglet, and its subclasses break it on purpose. Not thread-safe.
 */
class SmallestFitAllocator implements Allocator {

  /** The strategy of this allocator. */
  static final String NAME = "test-smallest-fit";

  private final TreeMap<Long, Long> blocks = new TreeMap<>();
  private long capacity;

  SmallestFitAllocator(long capacity) {
    requireNonNegative("SmallestFitAllocator", capacity);
    this.capacity = capacity;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    return size == 0 ? 0 : place(size, "alloc", size);
  }

  /** Puts {@code size} indices into the smallest hole that fits, the lowest on a tie. */
  private long place(long size, String call, long... args) {
    long bestStart = -1;
    long bestSize = Long.MAX_VALUE;
    long previousEnd = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      long gap = block.getKey() - previousEnd;
      if (gap >= size && gap < bestSize) {
        bestStart = previousEnd;
        bestSize = gap;
      }
      previousEnd = block.getKey() + block.getValue();
    }
    long tail = capacity - previousEnd;
    if (tail >= size && tail < bestSize) {
      bestStart = previousEnd;
    }
    if (bestStart < 0) {
      requireEndFits(previousEnd, size, call, args);
      throw new AllocatorMemoryException(previousEnd + size);
    }
    insert(bestStart, size);
    return bestStart;
  }

  /** Marks {@code [start, start + size)} allocated, merging it with the blocks it touches. */
  private void insert(long start, long size) {
    long end = mergeWithNext(start + size);
    Map.Entry<Long, Long> previous = blocks.floorEntry(start);
    if (previous != null && previous.getKey() + previous.getValue() == start) {
      blocks.put(previous.getKey(), end - previous.getKey());
    } else {
      blocks.put(start, end - start);
    }
  }

  /**
   * Absorbs the block that starts at {@code end}, if any.
   *
   * @return the end of the merged range
   */
  long mergeWithNext(long end) {
    Long next = blocks.remove(end);
    return next == null ? end : end + next;
  }

  /**
   * Compacts by sliding: every block in address order moves down as far as the granularity allows
   * (not the skeleton's fill-then-slide, to show that the kit accepts any correct plan).
   */
  @Override
  public CompactionPlan compact(long budget, long granularity) {
    AllocatorArguments.requireCompaction(budget, granularity);
    CompactionPlan.Builder plan = CompactionPlan.builder();
    long previousEnd = 0;
    for (Region block : getAllocatedRegions()) { // a snapshot: the moves change the map
      long start = block.start();
      long to = start - (start - previousEnd) / granularity * granularity;
      long size = movedSize(block.size());
      if (to != start) {
        if (plan.moveCount() > 0 && size > budget - plan.movedIndices()) {
          return published(plan.build(false));
        }
        release(start, size, "compact", budget, granularity);
        insert(to, size);
        plan.add(start, to, size);
      }
      previousEnd = to + block.size();
    }
    return published(plan.build(true));
  }

  /**
   * Returns how much of a block of {@code size} a compaction moves: all of it.
   *
   * @return {@code size}
   */
  long movedSize(long size) {
    return size;
  }

  /**
   * Returns the plan a compaction hands to the caller: the plan itself.
   *
   * @return {@code plan}
   */
  CompactionPlan published(CompactionPlan plan) {
    return plan;
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
    Map.Entry<Long, Long> block = containing(start, size);
    if (block == null) {
      throw notAllocated(start, size, call, args);
    }
    long blockEnd = block.getKey() + block.getValue();
    blocks.remove(block.getKey());
    if (block.getKey() < start) {
      blocks.put(block.getKey(), start - block.getKey());
    }
    if (start + size < blockEnd) {
      blocks.put(start + size, blockEnd - (start + size));
    }
  }

  private Map.@Nullable Entry<Long, Long> containing(long start, long size) {
    Map.Entry<Long, Long> block = blocks.floorEntry(start);
    return block != null && start + size <= block.getKey() + block.getValue() ? block : null;
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
      return place(newSize, "realloc", start, size, newSize);
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      release(start + newSize, size - newSize, "realloc", start, size, newSize);
      return start;
    }
    Map.Entry<Long, Long> block = containing(start, size);
    if (block == null) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    if (newSize == size) {
      return start;
    }
    long end = start + size;
    if (end == block.getKey() + block.getValue()) {
      Long next = blocks.higherKey(start);
      long hole = next == null ? capacity - end : next - end;
      if (hole >= newSize - size) {
        insert(end, newSize - size);
        return start;
      }
    }
    long result = place(newSize, "realloc", start, size, newSize);
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
    List<Region> regions = new ArrayList<>(blocks.size());
    blocks.forEach((start, size) -> regions.add(new Region(start, size)));
    return List.copyOf(regions);
  }

  private long allocatedTotal() {
    long total = 0;
    for (long size : blocks.values()) {
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
    return blocks.isEmpty()
        ? 0
        : blocks.lastKey() + blocks.lastEntry().getValue() - allocatedTotal();
  }

  @Override
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return NAME;
  }
}
