package dev.allot.testkit;

import dev.allot.Allocator;

/** Broken on purpose: a {@code setCapacity} below the capacity is ignored instead of rejected. */
final class LenientCapacityAllocator extends FaultInjectingAllocator {

  LenientCapacityAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public void setCapacity(long capacity) {
    if (capacity >= delegate.getCapacity()) {
      delegate.setCapacity(capacity);
    }
  }
}
