package dev.allot.testkit;

/** Broken on purpose: compaction moves only the first half of a block, splitting regions. */
final class SplittingCompactionAllocator extends SmallestFitAllocator {

  SplittingCompactionAllocator(long capacity) {
    super(capacity);
  }

  @Override
  long movedSize(long size) {
    return Math.max(1, size / 2);
  }
}
