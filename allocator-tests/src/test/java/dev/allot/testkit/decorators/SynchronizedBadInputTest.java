package dev.allot.testkit.decorators;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.testkit.BadInputContract;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;

/** The synchronized decorator fails bad calls exactly as its delegate does, holding its lock. */
class SynchronizedBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.synchronizedAllocator(
        new ListReferenceStrategy(HoleChoice.SMALLEST).create(capacity));
  }
}
