package dev.allot.bestfit;

import dev.allot.Allocator;
import dev.allot.testkit.BadInputContract;

/**
 * Best-fit rejects every case of the kit's bad-input table with the exact message and no change.
 */
class BestFitBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return new BestFitStrategy().create(capacity);
  }
}
