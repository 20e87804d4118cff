package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: reports every region one index early, so it overlaps the block before. */
final class OffByOnePlacementAllocator extends FaultInjectingAllocator {

  OffByOnePlacementAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long alloc(long size) {
    long start = delegate.alloc(size);
    return start > 0 ? start - 1 : start;
  }
}
