package dev.allot.testkit;

import org.jspecify.annotations.Nullable;

/**
 * Checks one {@link Invariant} at one moment of a {@link ContractRun}: a {@link Step} (how a call
 * ended, judged against the model before it) or a {@link StepState} (what the allocator shows
 * afterwards, against the model that has recorded the call). The run reports a problem only when
 * the invariant is among those it checks, and goes on to the next checker otherwise.
 *
 * @param <T> what the checker looks at
 */
interface InvariantChecker<T> {

  /**
   * Returns the invariant a problem found by this checker breaks.
   *
   * @return the invariant
   */
  Invariant invariant();

  /**
   * Checks the invariant.
   *
   * @param subject the step or the state after it
   * @return the first problem found, worded for the failure report, or {@code null} if none
   */
  @Nullable String check(T subject);
}
