package dev.allot;

import dev.allot.testkit.BadInputContract;

/**
 * The growing decorator passes bad input to its delegate before any growth: the kit's bad-input
 * table holds with the exact messages. Its memory cases are skipped, since it grows instead.
 */
class GrowingBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.growing(
        Allocators.create("first-fit", capacity),
        GrowthPolicy.doubling(),
        (oldCapacity, newCapacity) -> {},
        (oldStart, newStart, size) -> {});
  }

  @Override
  protected boolean failsForMemory() {
    return false;
  }
}
