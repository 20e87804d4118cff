package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: a growing {@code realloc} allocates anew and never frees the old region. */
final class LeakyReallocAllocator extends FaultInjectingAllocator {

  LeakyReallocAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    if (size == 0 || newSize <= size) {
      return delegate.realloc(start, size, newSize);
    }
    return delegate.alloc(newSize);
  }
}
