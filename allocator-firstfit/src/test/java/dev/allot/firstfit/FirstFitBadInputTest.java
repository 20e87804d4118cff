package dev.allot.firstfit;

import dev.allot.Allocator;
import dev.allot.testkit.BadInputContract;

/**
 * First-fit rejects every case of the kit's bad-input table with the exact message and no change.
 */
class FirstFitBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return new FirstFitStrategy().create(capacity);
  }
}
