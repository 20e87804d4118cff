package dev.allot.testkit;

import dev.allot.Region;
import dev.allot.spi.Alignment;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.trace.StepResult.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#SMALLEST_FIT}: every new placement takes the smallest hole that fits, the
 * lowest start on a tie, with holes as they were before the call; and a placement fails for memory
 * only when no hole fits.
 */
final class SmallestFitChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.SMALLEST_FIT;
  }

  @Override
  public @Nullable String check(Step step) {
    if (step.result().outcome() == Outcome.MEMORY) {
      return checkNoHoleFits(step);
    }
    return step.recordable() ? checkPlacement(step) : null;
  }

  private static @Nullable String checkNoHoleFits(Step step) {
    long size = step.placedSize();
    Region fit = smallestFit(step.holesBefore(), size, step.operation().alignment());
    return fit == null
        ? null
        : step.call()
            + " failed for memory although the hole "
            + RegionText.of(fit)
            + " fits "
            + size
            + " (holes "
            + RegionText.of(step.holesBefore())
            + ")";
  }

  private static @Nullable String checkPlacement(Step step) {
    if (!step.placedNewRegion()) {
      return null;
    }
    long size = step.placedSize();
    long value = step.result().value();
    long alignment = step.operation().alignment();
    Region fit = smallestFit(step.holesBefore(), size, alignment);
    return fit != null && Alignment.up(fit.start(), alignment) == value
        ? null
        : step.call()
            + " placed "
            + size
            + " at "
            + value
            + "; the smallest hole that fits is "
            + (fit == null ? "none" : RegionText.of(fit))
            + " (holes "
            + RegionText.of(step.holesBefore())
            + ")";
  }

  /** The smallest hole that fits, the first in address order on a tie. */
  private static @Nullable Region smallestFit(List<Region> holes, long size, long alignment) {
    return HoleChoice.SMALLEST.pick(holes, size, alignment);
  }
}
