package dev.allot;

/**
 * Picks the capacity an allocator grows to when a call does not fit, for {@link
 * Allocators#growing(Allocator, GrowthPolicy, CapacityListener, RelocationListener)}.
 *
 * <p>A policy returns a capacity {@code >= requestedCapacity}; the growing allocator rejects a
 * smaller answer with {@link IllegalStateException} and leaves everything unchanged.
 *
 * <pre>{@code
 * GrowthPolicy pyglet = GrowthPolicy.doubling();               // 1000 -> 1024
 * GrowthPolicy tight = GrowthPolicy.exact();                    // 1000 -> 1000
 * GrowthPolicy chunked = (current, requested) -> (requested + 4095) / 4096 * 4096;
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface GrowthPolicy {

  /**
   * Returns the capacity to grow to.
   *
   * @param currentCapacity the allocator's capacity now
   * @param requestedCapacity the capacity the failed call needs, from {@link
   *     AllocatorMemoryException#getRequestedCapacity()}; greater than {@code currentCapacity}
   * @return the new capacity, {@code >= requestedCapacity}
   */
  long newCapacity(long currentCapacity, long requestedCapacity);

  /**
   * Grows to the next power of two {@code >= requestedCapacity}, as pyglet's vertex domain does
   * ({@code _nearest_pow2}), so that a buffer grown one element at a time is copied only {@code
   * log2(n)} times. Past {@code 2^62} the next power of two does not fit in a {@code long}, and the
   * policy answers {@link Long#MAX_VALUE}.
   *
   * @return the doubling policy
   */
  static GrowthPolicy doubling() {
    return (currentCapacity, requestedCapacity) -> {
      if (requestedCapacity <= 1) {
        return requestedCapacity;
      }
      long highest = Long.highestOneBit(requestedCapacity - 1);
      return highest == Long.highestOneBit(Long.MAX_VALUE) ? Long.MAX_VALUE : highest << 1;
    };
  }

  /**
   * Grows to exactly the requested capacity: no spare room, so the next failure grows again.
   *
   * @return the exact policy
   */
  static GrowthPolicy exact() {
    return (currentCapacity, requestedCapacity) -> requestedCapacity;
  }
}
