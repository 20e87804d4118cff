package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: freeing a single index does nothing, so it leaks. */
final class UnitFreeLeakAllocator extends FaultInjectingAllocator {

  UnitFreeLeakAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public void dealloc(long start, long size) {
    if (size != 1) {
      delegate.dealloc(start, size);
    }
  }
}
