package dev.allot.testkit.reference;

/** Broken on purpose: touching blocks are never merged. */
public final class MissedMergeAllocator extends ListReferenceAllocator {

  /**
   * Creates a best-fit list reference that does not merge.
   *
   * @param capacity the capacity
   */
  public MissedMergeAllocator(long capacity) {
    super(HoleChoice.SMALLEST, capacity);
  }

  @Override
  void mergeWithNext(int index) {}
}
