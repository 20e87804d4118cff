package dev.allot.testkit.reference;

import dev.allot.Region;

/**
 * Broken on purpose: the padding before an aligned region is allocated with it, one block from the
 * hole's start, so the padding is lost until the region is freed and then leaks.
 */
public final class PaddedBlockAllocator extends ListReferenceAllocator {

  /**
   * Creates a first-fit list reference that rounds the padding into the block.
   *
   * @param capacity the capacity
   */
  public PaddedBlockAllocator(long capacity) {
    super(HoleChoice.FIRST, capacity);
  }

  @Override
  void take(Region hole, long start, long size) {
    occupy(hole.start(), start - hole.start() + size);
  }
}
