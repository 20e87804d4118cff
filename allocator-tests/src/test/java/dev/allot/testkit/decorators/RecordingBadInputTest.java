package dev.allot.testkit.decorators;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.testkit.BadInputContract;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;

/** The recording decorator records a bad call and then fails it exactly as its delegate does. */
class RecordingBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.recording(
        new ListReferenceStrategy(HoleChoice.SMALLEST).create(capacity), new StringBuilder());
  }
}
