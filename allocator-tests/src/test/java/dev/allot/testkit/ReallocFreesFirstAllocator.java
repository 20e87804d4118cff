package dev.allot.testkit;

import dev.allot.Allocator;

/**
 * Broken on purpose: a growing {@code realloc} frees the old region before it allocates the new
 * one, so a memory failure loses the caller's region.
 */
final class ReallocFreesFirstAllocator extends FaultInjectingAllocator {

  ReallocFreesFirstAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    if (size == 0 || newSize <= size) {
      return delegate.realloc(start, size, newSize);
    }
    delegate.dealloc(start, size);
    return delegate.alloc(newSize);
  }
}
