package dev.allot;

import dev.allot.testkit.BadInputContract;

/** The synchronized decorator fails bad calls exactly as its delegate does, holding its lock. */
class SynchronizedBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.synchronizedAllocator(Allocators.create("first-fit", capacity));
  }
}
