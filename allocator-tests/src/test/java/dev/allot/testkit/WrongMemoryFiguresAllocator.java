package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;

/**
 * Broken on purpose: a memory failure reports the free size as its largest free hole, as if all
 * free space were one hole.
 */
final class WrongMemoryFiguresAllocator extends FaultInjectingAllocator {

  WrongMemoryFiguresAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long alloc(long size) {
    try {
      return delegate.alloc(size);
    } catch (AllocatorMemoryException e) {
      throw misreported(e);
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    try {
      return delegate.realloc(start, size, newSize);
    } catch (AllocatorMemoryException e) {
      throw misreported(e);
    }
  }

  private AllocatorMemoryException misreported(AllocatorMemoryException e) {
    return new AllocatorMemoryException(
        e.getRequestedCapacity(), delegate.getFreeSize(), e.getFragmentedFreeSize());
  }
}
