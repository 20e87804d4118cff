package dev.allot.testkit;

import com.google.common.collect.RangeSet;
import dev.allot.Region;
import dev.allot.trace.TraceOperation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#REALLOC_KEEPS_OTHERS}: the region a {@code realloc} returns covers no
 * index another region held, and after it the blocks are those before, minus the range it gave up,
 * plus the region it returned.
 */
final class ReallocKeepsOthersChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.REALLOC_KEEPS_OTHERS;
  }

  @Override
  public @Nullable String check(Step step) {
    if (!step.isRealloc() || !step.recordable()) {
      return null;
    }
    long value = step.result().value();
    String overlap = overlapWithOthers(step, value);
    if (overlap != null) {
      return overlap;
    }
    RangeSet<Long> expected = AllocationModel.space(step.before().blocks());
    AllocationModel.apply(expected, step.operation(), value);
    List<Region> blocks = step.observe("after " + step.call()).blocks();
    List<Region> kept = AllocationModel.regions(expected);
    return blocks.equals(kept)
        ? null
        : step.call()
            + " returned "
            + value
            + " and left the blocks "
            + RegionText.of(blocks)
            + "; from "
            + RegionText.of(step.before().blocks())
            + " it should leave "
            + RegionText.of(kept);
  }

  /**
   * Whether the resized region covers indices another region held before the call. The block list
   * alone cannot show it: a realloc that grows over the first index of the next block leaves the
   * union of the old blocks and the new region, exactly the list it should leave, while the data of
   * the region it grew over is overwritten.
   */
  private static @Nullable String overlapWithOthers(Step step, long value) {
    long newSize = step.placedSize();
    if (newSize <= 0 || value < 0 || value > Long.MAX_VALUE - newSize) {
      return null; // realloc to 0 keeps nothing; a result out of range is PLACEMENT's to report
    }
    TraceOperation operation = step.operation();
    Region own = new Region(operation.first(), operation.second());
    List<Region> hit = step.model().allocatedOverlap(value, newSize, own);
    return hit.isEmpty()
        ? null
        : step.call()
            + " returned "
            + value
            + ", so "
            + RegionText.hit(step.model(), value, newSize, "covers", hit)
            + " that it does not own";
  }
}
