package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;

/**
 * Broken on purpose: a {@code realloc} that grows a region ending its block one index more than the
 * gap after it frees the first index of the next block and grows over it, writing over another
 * caller's region. The block list afterwards is the union it should be, so only the overlap with
 * the neighbour shows the fault.
 */
final class NeighbourEatingReallocAllocator extends FaultInjectingAllocator {

  NeighbourEatingReallocAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    if (size > 0 && newSize > size) {
      long end = start + size;
      boolean afterItsBlock = false;
      for (Region block : delegate.getAllocatedRegions()) {
        // The next block, of two indices or more, so that freeing its first leaves a gap the
        // reference fills exactly by growing in place, merging with the rest of it.
        if (afterItsBlock) {
          if (block.start() == end + (newSize - size) - 1 && block.size() > 1) {
            delegate.dealloc(block.start(), 1);
          }
          break;
        }
        afterItsBlock = block.contains(start, size) && block.end() == end;
      }
    }
    return delegate.realloc(start, size, newSize);
  }
}
