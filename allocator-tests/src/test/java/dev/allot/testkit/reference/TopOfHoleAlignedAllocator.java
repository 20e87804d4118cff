package dev.allot.testkit.reference;

import dev.allot.Region;
import dev.allot.spi.Alignment;
import java.util.List;

/**
 * Correct, not broken: plain first-fit whose aligned calls take the first hole that fits, as the
 * spec's first-fit does, but put the region at the highest multiple of the alignment in it instead
 * of the lowest, keeping the bottom of the hole for unaligned regions. The allocator contract
 * allows that (a region at a multiple, the padding before it free); only the spec's placement rule,
 * which {@link dev.allot.testkit.AllocatorFeature#ALIGNMENT} promises, is not met.
 */
public final class TopOfHoleAlignedAllocator extends ListReferenceAllocator {

  /**
   * Creates a first-fit list reference that places aligned regions at the top of their hole.
   *
   * @param capacity the capacity
   */
  public TopOfHoleAlignedAllocator(long capacity) {
    super(HoleChoice.FIRST, capacity);
  }

  @Override
  public String getStrategyName() {
    return "top-of-hole";
  }

  @Override
  protected long placeAligned(long size, long alignment) {
    List<Region> blocks = getAllocatedRegions();
    long holeStart = 0;
    for (int i = 0; i <= blocks.size(); i++) {
      long holeEnd = i < blocks.size() ? blocks.get(i).start() : getCapacity();
      if (Alignment.fits(holeStart, holeEnd, size, alignment)) {
        // Fits means up(holeStart) + size <= holeEnd, so this start is at or above up(holeStart).
        long start = (holeEnd - size) / alignment * alignment;
        occupy(start, size);
        return start;
      }
      if (i < blocks.size()) {
        holeStart = blocks.get(i).end();
      }
    }
    return NO_ROOM;
  }
}
