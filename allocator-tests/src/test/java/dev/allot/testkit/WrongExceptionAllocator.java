package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: a bad {@code dealloc} throws {@link IllegalStateException}. */
final class WrongExceptionAllocator extends FaultInjectingAllocator {

  WrongExceptionAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public void dealloc(long start, long size) {
    try {
      delegate.dealloc(start, size);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
