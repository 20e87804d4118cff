package dev.allot.testkit.reference;

import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Broken on purpose: rounds up with the textbook {@code (x + a - 1) / a * a}, which wraps past
 * {@link Long#MAX_VALUE} for an alignment near it and rounds a hole's start down to 0, so the
 * region lands on the blocks before the hole.
 */
public final class WrappingRoundUpAllocator extends ListReferenceAllocator {

  /**
   * Creates a first-fit list reference whose rounding overflows.
   *
   * @param capacity the capacity
   */
  public WrappingRoundUpAllocator(long capacity) {
    super(HoleChoice.FIRST, capacity);
  }

  @Override
  @Nullable Region pickHole(List<Region> holes, long size, long alignment) {
    for (Region hole : holes) {
      if (up(hole.start(), alignment) + size <= hole.end()) {
        return hole;
      }
    }
    return null;
  }

  @Override
  long alignedStart(Region hole, long alignment) {
    return up(hole.start(), alignment);
  }

  private static long up(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
