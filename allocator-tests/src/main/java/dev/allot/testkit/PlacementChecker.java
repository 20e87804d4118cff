package dev.allot.testkit;

import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#PLACEMENT}: a region an {@code alloc}/{@code realloc} returns lies in
 * {@code [0, capacity)} and overlaps no other live region, an aligned call's start is a multiple of
 * its alignment, and size 0 returns 0.
 */
final class PlacementChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.PLACEMENT;
  }

  @Override
  public @Nullable String check(Step step) {
    long size = step.placedSize();
    if (!step.succeededOnGoodInput() || size < 0) {
      return null;
    }
    String call = step.call();
    long value = step.result().value();
    if (size == 0) {
      return value == 0 ? null : call + " asks for size 0 and must return 0, but returned " + value;
    }
    AllocationModel model = step.model();
    if (value < 0 || value > model.capacity() - size) {
      return call
          + " returned "
          + value
          + ", but ["
          + value
          + ", "
          + value
          + " + "
          + size
          + ") does not lie in [0, "
          + model.capacity()
          + ")";
    }
    TraceOperation operation = step.operation();
    // Every strategy that accepts aligned calls owes this, whatever hole it picks; where in the
    // hole is ALIGNMENT's rule, promised only by strategies that declare it.
    if ((operation.kind() == OperationKind.ALIGNED_ALLOC
            || operation.kind() == OperationKind.ALIGNED_REALLOC)
        && value % operation.alignment() != 0) {
      return call + " returned " + value + ", not a multiple of " + operation.alignment();
    }
    Region own =
        step.isRealloc() ? new Region(operation.first(), operation.second()) : new Region(0, 0);
    // Name only what the region hit, not every live region: in a long trace the whole list hides
    // the one region to look at, and the call's own old range is no overlap.
    List<Region> hit = model.allocatedOverlap(value, size, own);
    if (hit.isEmpty()) {
      return null;
    }
    return call
        + " returned "
        + value
        + ", so "
        + RegionText.hit(model, value, size, "overlaps allocated", hit);
  }
}
