package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * Broken on purpose: checks only that both ends of a {@code dealloc} are allocated, so a range from
 * one block into the next frees the allocated parts and passes over the hole between them instead
 * of being rejected.
 */
final class HoleSpanningFreeAllocator extends FaultInjectingAllocator {

  HoleSpanningFreeAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public void dealloc(long start, long size) {
    List<Region> blocks = delegate.getAllocatedRegions();
    if (size < 2
        || start > Long.MAX_VALUE - size
        || !allocated(blocks, start)
        || !allocated(blocks, start + size - 1)) {
      delegate.dealloc(start, size);
      return;
    }
    long end = start + size;
    for (Region block : blocks) {
      long from = Math.max(start, block.start());
      long to = Math.min(end, block.end());
      if (from < to) {
        delegate.dealloc(from, to - from);
      }
    }
  }

  private static boolean allocated(List<Region> blocks, long index) {
    return blocks.stream().anyMatch(block -> block.start() <= index && index < block.end());
  }
}
