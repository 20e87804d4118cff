package dev.allot;

/**
 * Keeps the caller's real buffer in step with a {@linkplain Allocators#growing growing allocator}:
 * told before the capacity rises, so the buffer can be enlarged first, and after a region moves, so
 * its data can be copied.
 *
 * <p>Only {@link #capacityGrowing} must be written; Kotlin and Java lambdas implement it:
 *
 * <pre>{@code
 * CapacityListener listener = (oldCapacity, newCapacity) -> buffer = copyOf(buffer, newCapacity);
 * }</pre>
 *
 * <p>What happens when a method throws is part of the contract: see each method.
 */
@FunctionalInterface
public interface CapacityListener {

  /**
   * Called before the allocator's capacity rises from {@code oldCapacity} to {@code newCapacity};
   * the allocator still has the old capacity while this runs, and the call that needed the room is
   * retried after it returns.
   *
   * <p>If this method throws, the exception reaches the caller of the allocator method unchanged,
   * the capacity is not raised and the allocator is exactly as it was before that call; the
   * caller's buffer is whatever this method left it as, which may be larger than needed but never
   * inconsistent with the allocator.
   *
   * @param oldCapacity the capacity now
   * @param newCapacity the capacity after this method returns, {@code > oldCapacity}
   */
  void capacityGrowing(long oldCapacity, long newCapacity);

  /**
   * Called after {@link Allocator#realloc(long, long, long)} moved a region: the allocator now
   * holds it at {@code newStart} and counts {@code [oldStart, oldStart + size)} as free, but
   * nothing has been written to the buffer since, so the old data is still there to copy. The
   * ranges may overlap only if the strategy placed the region in the space it freed, so copy as
   * {@link System#arraycopy} does (correct for overlap). Does nothing by default.
   *
   * <p>If this method throws, the exception reaches the caller of {@code realloc} and the allocator
   * keeps the region at {@code newStart}, which this method was given: a listener that can fail
   * should record {@code newStart} before it does anything that may throw.
   *
   * @param oldStart where the region was
   * @param newStart where it is now
   * @param size the number of indices to copy: the region's size before the call
   */
  default void regionRelocated(long oldStart, long newStart, long size) {}
}
