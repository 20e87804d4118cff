package dev.allot.testkit;

/** Broken on purpose: a region that ends where a block begins is not merged with it. */
final class MissedMergeAllocator extends SmallestFitAllocator {

  MissedMergeAllocator(long capacity) {
    super(capacity);
  }

  @Override
  long mergeWithNext(long end) {
    return end;
  }
}
