package dev.allot;

import java.util.List;
import java.util.Objects;

/**
 * An allocator that passes every call to another one; decorators extend it and override only the
 * calls they change, as Guava's {@code ForwardingObject}s do. The SDK's {@linkplain
 * Allocators#growing growing} and {@linkplain Allocators#recording recording} allocators are built
 * on it.
 *
 * <p>Every method, including the metrics that {@link Allocator} computes by default, forwards to
 * the delegate, so a decorator reports the delegate's own figures and strategy name. Thread safety
 * is the delegate's.
 *
 * <p>The aligned {@link #alloc(long, long)} and {@link #realloc(long, long, long, long)} forward
 * too, so that alignment passes through (alignment 1 included: it reaches the delegate's aligned
 * method, not this class's {@link #alloc(long)}). A decorator that changes {@code alloc} or {@code
 * realloc} therefore overrides both forms, as the SDK's decorators do.
 *
 * @since 0.1.0
 */
public abstract class ForwardingAllocator implements Allocator {

  private final Allocator delegate;

  /**
   * Creates a decorator of {@code delegate}.
   *
   * @param delegate the allocator that does the work
   */
  protected ForwardingAllocator(Allocator delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Returns the allocator every call is passed to.
   *
   * @return the delegate
   */
  protected final Allocator delegate() {
    return delegate;
  }

  @Override
  public long alloc(long size) {
    return delegate.alloc(size);
  }

  @Override
  public long alloc(long size, long alignment) {
    return delegate.alloc(size, alignment);
  }

  @Override
  public void dealloc(long start, long size) {
    delegate.dealloc(start, size);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    return delegate.realloc(start, size, newSize);
  }

  @Override
  public CompactionPlan compact(long budget, long granularity) {
    return delegate.compact(budget, granularity);
  }

  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    return delegate.realloc(start, size, newSize, alignment);
  }

  @Override
  public long getCapacity() {
    return delegate.getCapacity();
  }

  @Override
  public void setCapacity(long capacity) {
    delegate.setCapacity(capacity);
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return delegate.getAllocatedRegions();
  }

  @Override
  public long getFreeSize() {
    return delegate.getFreeSize();
  }

  @Override
  public long getFragmentedFreeSize() {
    return delegate.getFragmentedFreeSize();
  }

  @Override
  public long getLargestFreeHole() {
    return delegate.getLargestFreeHole();
  }

  @Override
  public double getUsage() {
    return delegate.getUsage();
  }

  @Override
  public double getFragmentation() {
    return delegate.getFragmentation();
  }

  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return delegate.getStrategyName();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
