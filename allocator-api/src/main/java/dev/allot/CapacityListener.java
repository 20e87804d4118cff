package dev.allot;

/**
 * Resizes the caller's real buffer for a {@linkplain Allocators#growing growing allocator}: told
 * before the capacity rises, so the buffer can be enlarged first.
 *
 * <p>It is always passed together with a {@link RelocationListener}, which moves the data of a
 * region that {@code realloc} relocated: {@link Allocators#growing(Allocator, GrowthPolicy,
 * CapacityListener, RelocationListener)} takes both, so a lambda written for growth alone cannot
 * leave relocations unhandled by accident.
 *
 * <pre>{@code
 * Allocator vertices = Allocators.growing(allocator, GrowthPolicy.doubling(),
 *     (oldCapacity, newCapacity) -> buffer = Arrays.copyOf(buffer, Math.toIntExact(newCapacity)),
 *     (oldStart, newStart, size) -> copy(buffer, oldStart, newStart, size));
 * }</pre>
 *
 * @since 0.1.0
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
}
