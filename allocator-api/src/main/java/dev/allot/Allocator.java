package dev.allot;

import dev.allot.spi.AllocatorArguments;
import java.util.List;

/**
 * Hands out index ranges of one buffer of {@link #getCapacity() capacity} indices.
 *
 * <p>An allocator tracks allocated space only, as a list of blocks sorted by start that never
 * overlap and never touch (touching blocks are merged). A caller's region is any range inside one
 * block; freeing part of a region is legal. All numbers are non-negative {@code long}s.
 *
 * <p>Failure is atomic: a call that throws {@link IllegalArgumentException} (bad input, the message
 * names the call and its values) or {@link AllocatorMemoryException} (not enough capacity) leaves
 * the allocator exactly as it was.
 *
 * <p>Implementations are not thread-safe, as in pyglet; callers that share one allocator between
 * threads lock around it or wrap it.
 *
 * <p>The getters follow the bean convention on purpose: Kotlin reads them as properties ({@code
 * allocator.capacity = 4096}, {@code allocator.freeSize}).
 *
 * @since 0.1.0
 */
public interface Allocator {

  /**
   * Allocates {@code size} indices.
   *
   * @param size the number of indices, {@code >= 0}; {@code 0} returns {@code 0} and changes
   *     nothing
   * @return the start of the new region
   * @throws AllocatorMemoryException if no free space fits; nothing has changed
   * @throws IllegalArgumentException if {@code size} is negative or the needed capacity would
   *     exceed {@link Long#MAX_VALUE}; nothing has changed
   */
  long alloc(long size);

  /**
   * Allocates {@code size} indices at a start that is a multiple of {@code alignment} ({@code
   * docs/spec/semantics.md}, "Aligned allocation"). Alignment 1 is exactly {@link #alloc(long)};
   * any other value {@code >= 1} is allowed, not only powers of two. Padding before the start stays
   * free.
   *
   * <p>The default serves strategies written before alignment existed: alignment 1 calls {@link
   * #alloc(long)}, a larger one throws {@link UnsupportedAlignmentException} (for size 0 too, so
   * that a strategy without alignment always says so).
   *
   * @param size the number of indices, {@code >= 0}; {@code 0} returns {@code 0} and changes
   *     nothing
   * @param alignment the alignment of the start, {@code >= 1}
   * @return the start of the new region, a multiple of {@code alignment}
   * @throws AllocatorMemoryException if no free space fits; its requested capacity suffices
   * @throws IllegalArgumentException if {@code size} is negative, {@code alignment < 1}, or the
   *     needed capacity would exceed {@link Long#MAX_VALUE}; nothing has changed
   * @throws UnsupportedAlignmentException if the strategy does not support {@code alignment > 1}
   * @since 0.1.0
   */
  default long alloc(long size, long alignment) {
    AllocatorArguments.requireNonNegative("alloc", size, alignment);
    AllocatorArguments.requireAlignment(alignment, "alloc", size, alignment);
    if (alignment == 1) {
      return alloc(size);
    }
    throw new UnsupportedAlignmentException(
        getStrategyName(), AllocatorArguments.describe("alloc", size, alignment));
  }

  /**
   * Frees {@code [start, start + size)}, which must lie inside one allocated block. Freeing a part
   * of a region (prefix, suffix or middle) is legal.
   *
   * @param start the first index to free
   * @param size the number of indices; {@code 0} changes nothing
   * @throws IllegalArgumentException if a number is negative or the range is not allocated; nothing
   *     has changed
   */
  void dealloc(long start, long size);

  /**
   * Resizes the region {@code [start, start + size)} to {@code newSize}, in place where the
   * strategy's rules allow and otherwise by moving it. When the region moves, the old range is
   * freed and the caller copies its data to the returned start.
   *
   * @param start the first index of the region
   * @param size the current size; {@code 0} makes this an {@link #alloc(long)} of {@code newSize}
   * @param newSize the wanted size; {@code 0} frees the region and returns {@code 0}
   * @return the start of the resized region
   * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
   * @throws IllegalArgumentException if a number is negative or the range the call acts on is not
   *     allocated: the region, or for a shrink ({@code 0 < newSize < size}) only the freed suffix
   *     {@code [start + newSize, start + size)}, as pyglet checks it; nothing has changed
   */
  long realloc(long start, long size, long newSize);

  /**
   * Resizes a region so that its start is a multiple of {@code alignment}: it stays in place only
   * when its start already is one; otherwise it moves as {@link #alloc(long, long)} places it.
   * Alignment 1 is exactly {@link #realloc(long, long, long)}.
   *
   * <p>The default serves strategies written before alignment existed: alignment 1 calls {@link
   * #realloc(long, long, long)}, a larger one throws {@link UnsupportedAlignmentException}.
   *
   * @param start the first index of the region
   * @param size the current size; {@code 0} makes this an {@link #alloc(long, long)} of {@code
   *     newSize}
   * @param newSize the wanted size; {@code 0} frees the region and returns {@code 0}
   * @param alignment the alignment of the result, {@code >= 1}
   * @return the start of the resized region, a multiple of {@code alignment}
   * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
   * @throws IllegalArgumentException if a number is negative, {@code alignment < 1}, or the range
   *     the call acts on is not allocated (as {@link #realloc(long, long, long)}, a shrink in place
   *     checking only the freed suffix); nothing has changed
   * @throws UnsupportedAlignmentException if the strategy does not support {@code alignment > 1}
   * @since 0.1.0
   */
  default long realloc(long start, long size, long newSize, long alignment) {
    AllocatorArguments.requireNonNegative("realloc", start, size, newSize, alignment);
    AllocatorArguments.requireAlignment(alignment, "realloc", start, size, newSize, alignment);
    if (alignment == 1) {
      return realloc(start, size, newSize);
    }
    throw new UnsupportedAlignmentException(
        getStrategyName(), AllocatorArguments.describe("realloc", start, size, newSize, alignment));
  }

  /**
   * Moves allocated blocks down to give fragmented free space back, spending at most {@code budget}
   * moved indices, and returns the moves for the caller to copy ({@code docs/spec/semantics.md},
   * "Compaction"). The allocator's blocks have moved when this returns; the caller applies {@link
   * CompactionPlan#moves()} in order to its buffer and passes every start it holds through {@link
   * CompactionPlan#translate(long)}.
   *
   * <p>The rules every strategy keeps:
   *
   * <ul>
   *   <li>A move carries a whole block, so a caller's region is never split, and every move's
   *       distance is a multiple of {@code granularity}: a region whose start is a multiple of any
   *       divisor of {@code granularity} stays so.
   *   <li>The moves' sizes add up to at most {@code budget}, except that a call with work left
   *       always makes one move, however large: repeated calls reach the end state. No index moves
   *       twice in one call.
   *   <li>At the end state ({@link CompactionPlan#isComplete()}) with granularity 1 there is no
   *       fragmented free space: {@link #getFragmentedFreeSize()} is 0.
   *   <li>Capacity, free size and the allocated total do not change.
   * </ul>
   *
   * <p>The default serves strategies written before compaction existed: when there is no fragmented
   * free space it returns an empty, complete plan; otherwise it throws {@link
   * UnsupportedCompactionException}.
   *
   * @param budget the indices this call may move, {@code >= 0}; {@link Long#MAX_VALUE} for no
   *     limit, {@code 0} for exactly one move
   * @param granularity what every move's distance is a multiple of, {@code >= 1}
   * @return the moves made, in the order to copy them
   * @throws IllegalArgumentException if {@code budget} is negative or {@code granularity < 1};
   *     nothing has changed
   * @throws UnsupportedCompactionException if the strategy cannot move blocks and there is
   *     fragmented free space; nothing has changed
   * @since 0.1.0
   */
  default CompactionPlan compact(long budget, long granularity) {
    AllocatorArguments.requireCompaction(budget, granularity);
    if (getFragmentedFreeSize() == 0) {
      return CompactionPlan.empty(true);
    }
    throw new UnsupportedCompactionException(
        getStrategyName(), AllocatorArguments.describe("compact", budget, granularity));
  }

  /**
   * Compacts fully: {@link #compact(long, long) compact(Long.MAX_VALUE, 1)}. Afterwards the blocks
   * are one block at index 0 (or none), and {@link #getFragmentedFreeSize()} is 0.
   *
   * @return the moves made, in the order to copy them
   * @throws UnsupportedCompactionException if the strategy cannot move blocks and there is
   *     fragmented free space; nothing has changed
   * @since 0.1.0
   */
  default CompactionPlan compact() {
    return compact(Long.MAX_VALUE, 1);
  }

  /**
   * Returns the number of indices managed.
   *
   * @return the capacity
   */
  long getCapacity();

  /**
   * Raises the capacity. Capacity never shrinks; setting the current value changes nothing.
   *
   * @param capacity the new capacity, {@code >= getCapacity()}
   * @throws IllegalArgumentException if {@code capacity < getCapacity()}
   */
  void setCapacity(long capacity);

  /**
   * Returns the allocated blocks.
   *
   * @return an immutable snapshot in address order
   */
  List<Region> getAllocatedRegions();

  /**
   * Returns every unused index: the capacity minus the allocated total.
   *
   * @return the free size
   */
  long getFreeSize();

  /**
   * Returns the free space that is not the final free block: the gap before the first block plus
   * the gaps between blocks ({@code 0} when empty).
   *
   * @return the fragmented free size
   */
  long getFragmentedFreeSize();

  /**
   * Returns the longest run of free indices: the gap before the first block, the gaps between
   * blocks and the tail all count. The default walks {@link #getAllocatedRegions()}; the shipped
   * strategies override it.
   *
   * @return the largest free hole
   */
  default long getLargestFreeHole() {
    long largest = 0;
    long previousEnd = 0;
    for (Region region : getAllocatedRegions()) {
      largest = Math.max(largest, region.start() - previousEnd);
      previousEnd = region.end();
    }
    return Math.max(largest, getCapacity() - previousEnd);
  }

  /**
   * Returns the used share of the capacity, {@code 1 - freeSize / capacity}.
   *
   * @return usage in {@code [0, 1]}; {@code 0.0} when the capacity is 0
   */
  default double getUsage() {
    long capacity = getCapacity();
    return capacity == 0 ? 0.0 : 1.0 - (double) getFreeSize() / capacity;
  }

  /**
   * Returns the share of free space that is fragmented, {@code fragmentedFreeSize / freeSize}.
   *
   * @return fragmentation in {@code [0, 1]}; {@code 0.0} when nothing is free
   */
  default double getFragmentation() {
    long free = getFreeSize();
    return free == 0 ? 0.0 : (double) getFragmentedFreeSize() / free;
  }

  /**
   * Tells whether nothing is allocated.
   *
   * @return {@code true} when there are no blocks
   */
  boolean isEmpty();

  /**
   * Returns the name of the strategy that made this allocator, as in {@link
   * AllocationStrategy#getName()}.
   *
   * @return the strategy name, e.g. {@code first-fit}
   */
  String getStrategyName();
}
