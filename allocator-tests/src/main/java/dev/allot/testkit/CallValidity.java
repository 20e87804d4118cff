package dev.allot.testkit;

/**
 * What the contract says about one call's input, judged by the model before the call.
 *
 * @since 0.1.0
 */
public enum CallValidity {
  /** Good input: the call must not throw {@link IllegalArgumentException}. */
  VALID,
  /** Bad input: the call must throw {@link IllegalArgumentException} and change nothing. */
  INVALID,
  /**
   * A size so large that the capacity it needs may exceed {@link Long#MAX_VALUE}: the call may be
   * rejected as bad input or fail for memory; either way it changes nothing.
   */
  UNDECIDED
}
