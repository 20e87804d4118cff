package dev.allot;

import java.util.List;
import java.util.Objects;

/**
 * An allocator whose every call holds the lock of this object, for callers that share one allocator
 * between threads (allocators are not thread-safe, as in pyglet). Made by {@link
 * Allocators#synchronizedAllocator(Allocator)}.
 *
 * <p>Each call is atomic on its own. A sequence that must see no other thread's calls, such as
 * reading {@link #getFreeSize()} and then allocating, or the grow-and-retry of a {@linkplain
 * Allocators#growing growing} allocator, holds the same lock:
 *
 * <pre>{@code
 * Allocator shared = Allocators.synchronizedAllocator(Allocators.create(1024));
 * synchronized (shared) {
 *   if (shared.getLargestFreeHole() >= 64) {
 *     start = shared.alloc(64);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link AllocatorInvariants#check} takes this lock for the whole check, so it can diagnose a
 * shared allocator while other threads use it.
 *
 * <p>To make a growing allocator thread-safe, wrap it last, so the growth and the listeners run
 * under the lock: {@code synchronizedAllocator(growing(allocator, policy, onGrow, onMove))}. The
 * delegate must not be used directly once wrapped.
 *
 * @since 0.1.0
 */
public final class SynchronizedAllocator implements Allocator {

  private final Allocator delegate;

  /**
   * Creates the wrapper.
   *
   * @param delegate the allocator to guard
   */
  SynchronizedAllocator(Allocator delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public synchronized long alloc(long size) {
    return delegate.alloc(size);
  }

  @Override
  public synchronized long alloc(long size, long alignment) {
    return delegate.alloc(size, alignment);
  }

  @Override
  public synchronized void dealloc(long start, long size) {
    delegate.dealloc(start, size);
  }

  @Override
  public synchronized long realloc(long start, long size, long newSize) {
    return delegate.realloc(start, size, newSize);
  }

  @Override
  public synchronized CompactionPlan compact(long budget, long granularity) {
    return delegate.compact(budget, granularity);
  }

  @Override
  public synchronized long realloc(long start, long size, long newSize, long alignment) {
    return delegate.realloc(start, size, newSize, alignment);
  }

  @Override
  public synchronized long getCapacity() {
    return delegate.getCapacity();
  }

  @Override
  public synchronized void setCapacity(long capacity) {
    delegate.setCapacity(capacity);
  }

  @Override
  public synchronized List<Region> getAllocatedRegions() {
    return delegate.getAllocatedRegions();
  }

  @Override
  public synchronized long getFreeSize() {
    return delegate.getFreeSize();
  }

  @Override
  public synchronized long getFragmentedFreeSize() {
    return delegate.getFragmentedFreeSize();
  }

  @Override
  public synchronized long getLargestFreeHole() {
    return delegate.getLargestFreeHole();
  }

  @Override
  public synchronized double getUsage() {
    return delegate.getUsage();
  }

  @Override
  public synchronized double getFragmentation() {
    return delegate.getFragmentation();
  }

  @Override
  public synchronized boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return delegate.getStrategyName();
  }

  @Override
  public synchronized String toString() {
    return "SynchronizedAllocator[" + delegate + "]";
  }
}
