package dev.allot.testkit;

import dev.allot.Region;
import dev.allot.spi.Alignment;
import dev.allot.trace.OperationKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#ALIGNMENT} where a call placed a region: an aligned call's region placed
 * anew starts at a multiple of its alignment, at the aligned start {@code up(holeStart)} of the
 * hole it lies in (holes as they were before the call, a moving region's old range still
 * allocated), and the padding {@code [holeStart, start)} is still free afterwards.
 */
final class AlignedPlacementChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.ALIGNMENT;
  }

  @Override
  public @Nullable String check(Step step) {
    OperationKind kind = step.operation().kind();
    if ((kind != OperationKind.ALIGNED_ALLOC && kind != OperationKind.ALIGNED_REALLOC)
        || !step.recordable()
        || !step.placedNewRegion()) {
      return null;
    }
    long alignment = step.operation().alignment();
    long start = step.result().value();
    long size = step.placedSize();
    if (start % alignment != 0) {
      return step.call() + " placed " + size + " at " + start + ", not a multiple of " + alignment;
    }
    Region hole = holeHolding(step.holesBefore(), start, size);
    if (hole == null) {
      return step.call()
          + " placed "
          + RegionText.of(new Region(start, size))
          + " outside every hole "
          + RegionText.of(step.holesBefore());
    }
    if (Alignment.up(hole.start(), alignment) != start) {
      return step.call()
          + " placed "
          + size
          + " at "
          + start
          + " in the hole "
          + RegionText.of(hole)
          + ", whose aligned start is "
          + Alignment.up(hole.start(), alignment);
    }
    Region padding = new Region(hole.start(), start - hole.start());
    for (Region block : step.allocator().getAllocatedRegions()) {
      if (padding.size() > 0 && block.start() < padding.end() && padding.start() < block.end()) {
        return step.call()
            + " left the padding "
            + RegionText.of(padding)
            + " allocated: blocks "
            + RegionText.of(step.allocator().getAllocatedRegions());
      }
    }
    return null;
  }

  /** The hole that holds all of {@code [start, start + size)}, or {@code null}. */
  private static @Nullable Region holeHolding(List<Region> holes, long start, long size) {
    for (Region hole : holes) {
      if (hole.contains(start, size)) {
        return hole;
      }
    }
    return null;
  }
}
