package dev.allot.testkit;

import dev.allot.AllocatorMemoryException;
import dev.allot.trace.StepResult.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Checks the figures an {@link AllocatorMemoryException} carries, under {@link Invariant#METRICS}:
 * its largest free hole and fragmented free size describe the allocator at the moment of failure,
 * which (the call changing nothing) is the model before the call. A figure reported as {@link
 * AllocatorMemoryException#UNKNOWN} is allowed: a strategy need not track holes.
 */
final class MemoryFiguresChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.METRICS;
  }

  @Override
  public @Nullable String check(Step step) {
    AllocatorMemoryException failure = step.memoryFailure();
    if (step.result().outcome() != Outcome.MEMORY || failure == null) {
      return null;
    }
    AllocationModel model = step.model();
    String largest =
        problem("largest free hole", failure.getLargestFreeHole(), model.largestFreeHole());
    String fragmented =
        problem(
            "fragmented free size", failure.getFragmentedFreeSize(), model.fragmentedFreeSize());
    String problem = largest != null ? largest : fragmented;
    return problem == null
        ? null
        : step.call()
            + " threw AllocatorMemoryException with "
            + problem
            + " (holes before the call: "
            + RegionText.of(step.holesBefore())
            + ")";
  }

  private static @Nullable String problem(String figure, long reported, long expected) {
    return reported == AllocatorMemoryException.UNKNOWN || reported == expected
        ? null
        : figure + " " + reported + ", but it was " + expected;
  }
}
