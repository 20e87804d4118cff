package dev.allot.testkit;

import dev.allot.trace.StepResult;
import dev.allot.trace.StepResult.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#REQUESTED_CAPACITY}: a memory failure asks for more than the capacity,
 * and after {@code setCapacity} to what it asked the same call succeeds. The run makes that retry
 * and hands its result to {@link #checkRetry}.
 */
final class RequestedCapacityChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.REQUESTED_CAPACITY;
  }

  @Override
  public @Nullable String check(Step step) {
    StepResult result = step.result();
    long capacity = step.model().capacity();
    return result.outcome() == Outcome.MEMORY && result.value() <= capacity
        ? step.call()
            + " failed for memory with requestedCapacity "
            + result.value()
            + ", which is not more than the capacity "
            + capacity
        : null;
  }

  /**
   * Checks the retry of a memory failure.
   *
   * @param failed the failed call as failure messages name it
   * @param failure how it failed
   * @param retried how the same call ended after {@code setCapacity(failure.value())}
   * @return the problem, or {@code null} if the retry did not fail
   */
  static @Nullable String checkRetry(String failed, StepResult failure, StepResult retried) {
    return retried.outcome() == Outcome.MEMORY || retried.outcome() == Outcome.INVALID
        ? failed
            + " failed with requestedCapacity "
            + failure.value()
            + ", but after setCapacity("
            + failure.value()
            + ") it gave "
            + retried.field()
            + " "
            + retried.detail()
        : null;
  }
}
