package dev.allot.testkit;

import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#FAILURE_ATOMICITY}: a call rejected as bad input or failing for memory
 * leaves every observable figure and block as it was.
 */
final class FailureAtomicityChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.FAILURE_ATOMICITY;
  }

  @Override
  public @Nullable String check(Step step) {
    return switch (step.result().outcome()) {
      case INVALID -> checkUnchanged(step, step.call() + " was rejected");
      case MEMORY -> checkUnchanged(step, step.call() + " failed for memory");
      case START, OK, MOVED -> null;
    };
  }

  private static @Nullable String checkUnchanged(Step step, String what) {
    Observation after = step.observe("after " + what);
    return step.before().agreesWith(after)
        ? null
        : what + " but changed the allocator from " + step.before() + " to " + after;
  }
}
