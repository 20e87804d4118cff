package dev.allot.testkit;

import com.google.common.collect.RangeSet;
import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#REALLOC_KEEPS_OTHERS}: after a {@code realloc} the blocks are those
 * before, minus the range it gave up, plus the region it returned.
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
}
