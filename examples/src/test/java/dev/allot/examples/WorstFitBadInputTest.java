package dev.allot.examples;

import dev.allot.Allocator;
import dev.allot.testkit.BadInputContract;

/**
 * The custom strategy, which implements no aligned placement, keeps the bad-input table with the
 * exact messages and refuses aligned calls above 1 by name.
 */
class WorstFitBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return new WorstFitStrategy().create(capacity);
  }

  @Override
  protected boolean supportsAlignment() {
    return false;
  }
}
