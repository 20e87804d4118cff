package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * The base of the allocators broken on purpose: it forwards every abstract method to a correct
 * allocator, so that a broken one overrides just the fault it injects. Unlike the API's decorator
 * base {@link dev.allot.ForwardingAllocator}, it does not forward the derived figures (usage,
 * fragmentation, largest hole): they follow whatever the overrides report, as in a real
 * implementation, so that a fault in a primitive figure shows in the derived ones too.
 */
abstract class FaultInjectingAllocator implements Allocator {

  /** The allocator that does the real work. */
  final Allocator delegate;

  FaultInjectingAllocator(Allocator delegate) {
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
