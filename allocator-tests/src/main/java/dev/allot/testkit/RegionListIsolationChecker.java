package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks, under {@link Invariant#BLOCK_LIST}, that a caller who modifies the list {@code
 * getAllocatedRegions()} returned cannot change the allocator: the list is unmodifiable or a copy.
 * It appends a region to the returned list (a list that refuses is fine), reads the block list
 * again, and takes the region out again, so that a strategy that hands out its own list is caught
 * and left as it was for the checks that follow.
 */
final class RegionListIsolationChecker implements InvariantChecker<StepState> {

  /** What the checker appends: a region no block list can hold, past every possible block. */
  private static final Region PROBE = new Region(Long.MAX_VALUE - 1, 1);

  @Override
  public Invariant invariant() {
    return Invariant.BLOCK_LIST;
  }

  @Override
  public @Nullable String check(StepState state) {
    Allocator allocator = state.allocator();
    List<Region> handed = allocator.getAllocatedRegions();
    try {
      handed.add(PROBE);
    } catch (UnsupportedOperationException refused) {
      return null;
    }
    List<Region> seen = List.copyOf(allocator.getAllocatedRegions());
    handed.remove(handed.size() - 1);
    return seen.contains(PROBE)
        ? "after "
            + state.call()
            + " a region appended to the list getAllocatedRegions() returned showed up in the"
            + " allocator's next block list "
            + RegionText.of(seen)
            + ": return an unmodifiable list or a copy"
        : null;
  }
}
