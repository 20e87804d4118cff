package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.StepResult;
import dev.allot.trace.StepResult.Outcome;
import dev.allot.trace.TraceOperation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One call of a {@link ContractRun} as the checkers of its outcome see it: the call, what the model
 * said of its input, the allocator as it was before, and how the call ended. The model has not
 * recorded the call yet.
 *
 * @param operation the call
 * @param call the call as failure messages name it: its trace line and line number
 * @param validity what the model says of the call's input
 * @param before what the allocator showed before the call
 * @param holesBefore the model's holes before the call
 * @param result how the call ended
 * @param memoryFailure the exception behind a {@link Outcome#MEMORY} result; null for every other
 * @param model the model, as it was before the call
 * @param allocator the allocator under test, as the call left it
 * @param plan the plan a successful {@code compact} returned; null for every other call
 */
record Step(
    TraceOperation operation,
    String call,
    CallValidity validity,
    Observation before,
    List<Region> holesBefore,
    StepResult result,
    @Nullable AllocatorMemoryException memoryFailure,
    AllocationModel model,
    Allocator allocator,
    @Nullable CompactionPlan plan) {

  /**
   * Returns the size an {@code alloc}/{@code realloc} places.
   *
   * @return that size, or -1 for calls that place nothing
   */
  long placedSize() {
    return switch (operation.kind()) {
      case ALLOC, ALIGNED_ALLOC -> operation.first();
      case REALLOC, ALIGNED_REALLOC -> operation.third();
      default -> -1;
    };
  }

  /**
   * Tells whether a successful call placed a new region: an {@code alloc} of a size above 0, a
   * {@code realloc} from size 0, or a {@code realloc} that moved its region (an aligned one moves
   * even to shrink, when its start is not a multiple of the alignment).
   *
   * @return {@code true} if the call returned the start of a region placed anew
   */
  boolean placedNewRegion() {
    if (result.outcome() != Outcome.START || placedSize() <= 0) {
      return false;
    }
    return !isRealloc() || operation.second() == 0 || result.value() != operation.first();
  }

  /**
   * Tells whether the call succeeded on input that is not bad, so that the checks of a success
   * apply.
   *
   * @return {@code true} for a success on valid or undecided input
   */
  boolean succeededOnGoodInput() {
    return (result.outcome() == Outcome.START || result.outcome() == Outcome.OK)
        && validity != CallValidity.INVALID;
  }

  /**
   * Tells whether the model can record the call: it succeeded on good input and what it placed is a
   * region, with no negative start and no end past {@link Long#MAX_VALUE}.
   *
   * @return {@code true} if the model records the call
   */
  boolean recordable() {
    if (!succeededOnGoodInput()) {
      return false;
    }
    long size = placedSize();
    long value = result.value();
    return size <= 0 || (value >= 0 && value <= Long.MAX_VALUE - size);
  }

  /**
   * Tells whether the call is a {@code realloc}.
   *
   * @return {@code true} for {@code realloc}
   */
  boolean isRealloc() {
    return operation.kind() == OperationKind.REALLOC
        || operation.kind() == OperationKind.ALIGNED_REALLOC;
  }

  /**
   * Reads the allocator now.
   *
   * @param when the moment, for the report if reading throws, e.g. {@code "after " + call}
   * @return what the allocator shows
   * @throws ContractViolation of {@link Invariant#CALL_OUTCOME} if reading throws
   */
  Observation observe(String when) {
    return CallOutcomeChecker.observe(allocator, when);
  }
}
