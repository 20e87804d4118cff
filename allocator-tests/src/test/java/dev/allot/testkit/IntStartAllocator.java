package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: keeps starts in an {@code int}, so a start past 2^31 comes back wrong. */
final class IntStartAllocator extends FaultInjectingAllocator {

  IntStartAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long alloc(long size) {
    return (int) delegate.alloc(size);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    return (int) delegate.realloc(start, size, newSize);
  }
}
