package dev.allot;

import dev.allot.testkit.BadInputContract;

/** The recording decorator records a bad call and then fails it exactly as its delegate does. */
class RecordingBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return Allocators.recording(Allocators.create("best-fit", capacity), new StringBuilder());
  }
}
