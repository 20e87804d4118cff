package dev.allot.testkit;

import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#METRICS}: capacity, free size, fragmented free size, largest hole, usage,
 * fragmentation and emptiness follow the spec's definitions, computed from the model.
 */
final class MetricsChecker implements InvariantChecker<StepState> {

  @Override
  public Invariant invariant() {
    return Invariant.METRICS;
  }

  @Override
  public @Nullable String check(StepState state) {
    Observation after = state.after();
    AllocationModel model = state.model();
    long capacity = model.capacity();
    long free = model.freeSize();
    Observation expected =
        new Observation(
            capacity,
            after.blocks(),
            free,
            model.fragmentedFreeSize(),
            model.largestFreeHole(),
            capacity == 0 ? 0.0 : 1.0 - (double) free / capacity,
            free == 0 ? 0.0 : (double) model.fragmentedFreeSize() / free,
            model.blocks().isEmpty());
    return after.agreesWith(expected)
        ? null
        : "after "
            + state.call()
            + " the allocator shows "
            + after
            + "; by the spec's"
            + " definitions that is "
            + expected;
  }
}
