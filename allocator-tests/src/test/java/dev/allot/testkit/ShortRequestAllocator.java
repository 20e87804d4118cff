package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;

/** Broken on purpose: a memory failure asks for one index less than the call needs. */
final class ShortRequestAllocator extends FaultInjectingAllocator {

  ShortRequestAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long alloc(long size) {
    try {
      return delegate.alloc(size);
    } catch (AllocatorMemoryException e) {
      throw new AllocatorMemoryException(e.getRequestedCapacity() - 1);
    }
  }
}
