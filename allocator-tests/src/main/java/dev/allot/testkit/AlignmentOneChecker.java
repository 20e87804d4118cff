package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.trace.OperationKind;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReplayer;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#ALIGNMENT} for alignment 1: an aligned call with alignment 1 gives
 * exactly what the unaligned call gives. It runs a twin of the strategy under test side by side and
 * makes every call on it too, the aligned ones of alignment 1 in their unaligned form, so the twin
 * stays in step unless an alignment-1 call differs (the strategy must be deterministic, as
 * shrinking already needs). Not thread-safe.
 */
final class AlignmentOneChecker implements InvariantChecker<StepState> {

  /** The twin, which has seen every call checked so far. */
  private final TraceReplayer twin;

  /**
   * Creates the twin.
   *
   * @param strategy the strategy under test
   * @param capacity the capacity the run starts with
   */
  AlignmentOneChecker(AllocationStrategy strategy, long capacity) {
    twin = new TraceReplayer(strategy);
    twin.apply(TraceOperation.of(OperationKind.CAPACITY, 1, capacity));
  }

  @Override
  public Invariant invariant() {
    return Invariant.ALIGNMENT;
  }

  @Override
  public @Nullable String check(StepState state) {
    TraceOperation operation = state.operation();
    if (operation.kind() == OperationKind.CAPACITY) {
      return null; // the run's first step: the twin was made with it
    }
    TraceOperation unaligned = unaligned(operation);
    StepResult twinResult = twin.apply(unaligned);
    String mine = ReplayFormat.line(state.result(), state.allocator());
    String theirs = ReplayFormat.line(twinResult, twin.allocator());
    return mine.equals(theirs)
        ? null
        : state.call()
            + " gave \""
            + mine
            + "\"; the unaligned `"
            + unaligned.toTraceLine()
            + "` gives \""
            + theirs
            + "\"";
  }

  /** The unaligned form of an aligned call of alignment 1; any other call as it is. */
  private static TraceOperation unaligned(TraceOperation operation) {
    if (operation.alignment() != 1 || !operation.kind().isAligned()) {
      return operation;
    }
    return operation.kind() == OperationKind.ALIGNED_ALLOC
        ? TraceOperation.of(OperationKind.ALLOC, operation.line(), operation.first())
        : TraceOperation.of(
            OperationKind.REALLOC,
            operation.line(),
            operation.first(),
            operation.second(),
            operation.third());
  }
}
