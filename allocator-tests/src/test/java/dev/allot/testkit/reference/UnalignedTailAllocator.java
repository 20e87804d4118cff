package dev.allot.testkit.reference;

import dev.allot.Region;

/**
 * Broken on purpose: an aligned region placed in the tail starts where the tail starts, aligned or
 * not, as if the tail, which growth extends anyway, needed no padding.
 */
public final class UnalignedTailAllocator extends ListReferenceAllocator {

  /**
   * Creates a first-fit list reference that ignores alignment in the tail.
   *
   * @param capacity the capacity
   */
  public UnalignedTailAllocator(long capacity) {
    super(HoleChoice.FIRST, capacity);
  }

  @Override
  long alignedStart(Region hole, long alignment) {
    return hole.end() == getCapacity() ? hole.start() : super.alignedStart(hole, alignment);
  }
}
