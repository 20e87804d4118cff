package dev.allot;

import java.util.List;
import java.util.Optional;

/**
 * Checks what must hold for any allocator between calls, for diagnosing a corrupted allocator in
 * production: call {@link #check(Allocator)} after a suspicious call, or periodically, and the
 * message names the first broken invariant with the values that break it.
 *
 * <p>The invariants, in the order they are checked:
 *
 * <ol>
 *   <li>the capacity is non-negative;
 *   <li>every block has a size {@code > 0} and a start {@code >= 0};
 *   <li>blocks are sorted by start, never overlap and never touch (touching blocks are merged);
 *   <li>the last block ends at or before the capacity;
 *   <li>{@code isEmpty()} agrees with the block list;
 *   <li>{@code freeSize} is the capacity minus the allocated total;
 *   <li>{@code fragmentedFreeSize} is the free space before the end of the last block;
 *   <li>{@code largestFreeHole} is the longest gap, leading gap and tail included;
 *   <li>{@code usage} and {@code fragmentation} follow from the sizes above.
 * </ol>
 *
 * <p>The check is O(n) in the number of blocks and allocates the block snapshot; it is a
 * diagnostic, not something to run on every call of a hot path.
 *
 * <p>The check reads the allocator many times. Given a {@link SynchronizedAllocator}, it holds the
 * allocator's lock for the whole check, so that other threads' calls wait and it sees one state, as
 * a sequence of calls must ({@link SynchronizedAllocator}); without the lock a healthy allocator
 * would look corrupt whenever another thread's call fell between two reads. A synchronized
 * allocator inside another decorator cannot be seen: wrap it last, as recommended, or hold its lock
 * around the check yourself.
 *
 * @since 0.1.0
 */
public final class AllocatorInvariants {

  /** The tolerance for the derived {@code double} metrics. */
  private static final double RATIO_TOLERANCE = 1e-9;

  private AllocatorInvariants() {}

  /**
   * Throws if the allocator breaks an invariant. A {@link SynchronizedAllocator} is checked under
   * its lock.
   *
   * @param allocator the allocator to check
   * @throws IllegalStateException naming the first broken invariant and its values
   */
  public static void check(Allocator allocator) {
    Optional<String> violation = firstViolation(allocator);
    if (violation.isPresent()) {
      throw new IllegalStateException(
          allocator.getStrategyName() + " allocator is corrupt: " + violation.get());
    }
  }

  /**
   * Returns the first broken invariant, if any. A {@link SynchronizedAllocator} is checked under
   * its lock.
   *
   * @param allocator the allocator to check
   * @return a description of the first broken invariant with its values, or empty if all hold
   */
  public static Optional<String> firstViolation(Allocator allocator) {
    if (allocator instanceof SynchronizedAllocator) {
      synchronized (allocator) {
        return firstViolationOf(allocator);
      }
    }
    return firstViolationOf(allocator);
  }

  private static Optional<String> firstViolationOf(Allocator allocator) {
    long capacity = allocator.getCapacity();
    if (capacity < 0) {
      return Optional.of("capacity " + capacity + " is negative");
    }
    List<Region> blocks = allocator.getAllocatedRegions();
    long allocated = 0;
    long previousEnd = 0;
    long largestHole = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Region block = blocks.get(i);
      if (block.size() == 0) {
        return Optional.of("block " + i + " (" + text(block) + ") is empty");
      }
      if (i > 0 && block.start() <= previousEnd) {
        return Optional.of(
            "block "
                + i
                + " ("
                + text(block)
                + ") starts at or before the end "
                + previousEnd
                + " of block "
                + (i - 1)
                + " ("
                + text(blocks.get(i - 1))
                + "): blocks must be sorted and apart");
      }
      largestHole = Math.max(largestHole, block.start() - previousEnd);
      allocated += block.size();
      previousEnd = block.end();
    }
    if (previousEnd > capacity) {
      return Optional.of(
          "the last block ends at " + previousEnd + ", beyond the capacity " + capacity);
    }
    if (allocator.isEmpty() != blocks.isEmpty()) {
      return Optional.of(
          "isEmpty() is " + allocator.isEmpty() + " with " + blocks.size() + " block(s)");
    }
    long free = capacity - allocated;
    if (allocator.getFreeSize() != free) {
      return Optional.of(
          "freeSize "
              + allocator.getFreeSize()
              + " is not capacity "
              + capacity
              + " minus the allocated "
              + allocated
              + " = "
              + free);
    }
    long fragmented = previousEnd - allocated;
    if (allocator.getFragmentedFreeSize() != fragmented) {
      return Optional.of(
          "fragmentedFreeSize "
              + allocator.getFragmentedFreeSize()
              + " is not the free space "
              + fragmented
              + " before the end "
              + previousEnd
              + " of the last block");
    }
    largestHole = Math.max(largestHole, capacity - previousEnd);
    if (allocator.getLargestFreeHole() != largestHole) {
      return Optional.of(
          "largestFreeHole "
              + allocator.getLargestFreeHole()
              + " is not the longest gap "
              + largestHole);
    }
    double usage = capacity == 0 ? 0.0 : 1.0 - (double) free / capacity;
    if (Math.abs(allocator.getUsage() - usage) > RATIO_TOLERANCE) {
      return Optional.of(
          "usage " + allocator.getUsage() + " is not 1 - " + free + " / " + capacity);
    }
    double fragmentation = free == 0 ? 0.0 : (double) fragmented / free;
    if (Math.abs(allocator.getFragmentation() - fragmentation) > RATIO_TOLERANCE) {
      return Optional.of(
          "fragmentation " + allocator.getFragmentation() + " is not " + fragmented + " / " + free);
    }
    return Optional.empty();
  }

  private static String text(Region block) {
    return block.start() + ":" + block.size();
  }
}
