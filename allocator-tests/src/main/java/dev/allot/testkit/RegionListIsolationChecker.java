package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks, under {@link Invariant#BLOCK_LIST}, that the list {@code getAllocatedRegions()} returns
 * is an immutable snapshot, in both directions. A caller who modifies it cannot change the
 * allocator: the checker appends a region to the returned list (a list that refuses is fine), reads
 * the block list again, and takes the region out again, so that a strategy that hands out its own
 * list is caught and left as it was for the checks that follow. And the allocator cannot change a
 * list it handed out: the checker keeps the list of one step and compares it with a copy at the
 * next, so that an unmodifiable view of a list the strategy refills (which refuses the append) is
 * caught too. One checker serves one run, so the kept list is that run's.
 */
final class RegionListIsolationChecker implements InvariantChecker<StepState> {

  /** What the checker appends: a region no block list can hold, past every possible block. */
  private static final Region PROBE = new Region(Long.MAX_VALUE - 1, 1);

  /** The list handed out after the previous step, or {@code null} before the first step. */
  private @Nullable List<Region> kept;

  /** A copy of {@link #kept} as it was when it was handed out. */
  private List<Region> keptCopy = List.of();

  /** The call after which {@link #kept} was handed out, for the message. */
  private String keptAfter = "";

  @Override
  public Invariant invariant() {
    return Invariant.BLOCK_LIST;
  }

  @Override
  public @Nullable String check(StepState state) {
    Allocator allocator = state.allocator();
    String changed = keptListChanged(state.call());
    if (changed != null) {
      return changed;
    }
    List<Region> handed = allocator.getAllocatedRegions();
    String appended = appendShowsUp(allocator, handed, state.call());
    kept = handed;
    keptCopy = List.copyOf(handed);
    keptAfter = state.call();
    return appended;
  }

  /** Compares the list kept from the previous step with its copy; null when it is unchanged. */
  private @Nullable String keptListChanged(String call) {
    List<Region> previous = kept;
    if (previous == null || previous.equals(keptCopy)) {
      return null;
    }
    return "the list getAllocatedRegions() returned after "
        + keptAfter
        + " held "
        + RegionText.of(keptCopy)
        + " but holds "
        + RegionText.of(List.copyOf(previous))
        + " after "
        + call
        + ": return a snapshot (a copy or an immutable list), not a view of the allocator's own"
        + " list";
  }

  /** Appends the probe to a list handed out and reads the blocks again; null when not seen. */
  private static @Nullable String appendShowsUp(
      Allocator allocator, List<Region> handed, String call) {
    try {
      handed.add(PROBE);
    } catch (UnsupportedOperationException refused) {
      return null;
    }
    List<Region> seen = List.copyOf(allocator.getAllocatedRegions());
    handed.remove(handed.size() - 1);
    return seen.contains(PROBE)
        ? "after "
            + call
            + " a region appended to the list getAllocatedRegions() returned showed up in the"
            + " allocator's next block list "
            + RegionText.of(seen)
            + ": return an unmodifiable list or a copy"
        : null;
  }
}
