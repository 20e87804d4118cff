package dev.allot.testkit;

import dev.allot.testkit.reference.SlidingCompactionAllocator;

/** Broken on purpose: compaction moves only the first half of a block, splitting regions. */
final class SplittingCompactionAllocator extends SlidingCompactionAllocator {

  SplittingCompactionAllocator(long capacity) {
    super(capacity);
  }

  @Override
  protected long movedSize(long size) {
    return Math.max(1, size / 2);
  }
}
