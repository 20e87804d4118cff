package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * Forwards every abstract method to another allocator, so that a broken test strategy overrides
 * just the one thing it breaks. The derived figures (usage, fragmentation, largest hole) are not
 * forwarded: they follow whatever the overrides report, as in a real implementation.
 */
abstract class ForwardingAllocator implements Allocator {

  /** The allocator that does the real work. */
  final Allocator delegate;

  ForwardingAllocator(Allocator delegate) {
    this.delegate = delegate;
  }

  @Override
  public long alloc(long size) {
    return delegate.alloc(size);
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
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return delegate.getStrategyName();
  }
}
