package dev.allot;

/**
 * Moves the data of a region that a {@linkplain Allocators#growing growing allocator}'s {@code
 * realloc} relocated, so that the caller's buffer stays in step with the allocator. Passed together
 * with a {@link CapacityListener} to {@link Allocators#growing(Allocator, GrowthPolicy,
 * CapacityListener, RelocationListener)}; a caller that truly has no data to move says so with an
 * empty lambda, {@code (oldStart, newStart, size) -> {}}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RelocationListener {

  /**
   * Called after {@link Allocator#realloc(long, long, long)} or {@link Allocator#realloc(long,
   * long, long, long)} moved a region: the allocator now holds it at {@code newStart} and counts
   * its old range as free, but nothing has been written to the buffer since, so the old data is
   * still there to copy. The ranges may overlap only if the strategy placed the region in the space
   * it freed, so copy as {@link System#arraycopy} does (correct for overlap).
   *
   * <p>Also called for each move of {@link GrowingAllocator#compact(long, long)}, a whole block, in
   * the order to copy them: the allocator has applied the whole plan, but the moves before this one
   * are the only copies made since, so the data is still at {@code oldStart}. Compaction moves
   * often overlap their source.
   *
   * <p>If this method throws, the exception reaches the caller of {@code realloc} and the allocator
   * keeps the region at {@code newStart}, which this method was given: a listener that can fail
   * should record {@code newStart} before it does anything that may throw.
   *
   * @param oldStart where the region was
   * @param newStart where it is now
   * @param size the number of indices to copy: the smaller of the region's sizes before and after
   *     the call, which is the size before except when an aligned realloc moves a region that
   *     shrinks (its start was not a multiple of the alignment)
   */
  void regionRelocated(long oldStart, long newStart, long size);
}
