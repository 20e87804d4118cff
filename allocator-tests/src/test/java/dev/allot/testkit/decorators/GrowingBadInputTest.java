package dev.allot.testkit.decorators;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.testkit.BadInputContract;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;

/**
 * The growing decorator passes bad input to its delegate before any growth: the kit's bad-input
 * table holds with the exact messages. Its memory cases are skipped, since it grows instead.
 */
class GrowingBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.growing(
        new ListReferenceStrategy(HoleChoice.SMALLEST).create(capacity),
        GrowthPolicy.doubling(),
        (oldCapacity, newCapacity) -> {},
        (oldStart, newStart, size) -> {});
  }

  @Override
  protected boolean failsForMemory() {
    return false;
  }
}
