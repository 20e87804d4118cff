package dev.allot.testkit;

/**
 * Thrown by a {@link ContractRun} at the first step that breaks a checked {@link Invariant}. {@link
 * AllocatorContract} turns it into a {@link ContractFailure} with the shrunk program.
 *
 * @since 0.1.0
 */
public final class ContractViolation extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** The broken rule. */
  private final Invariant invariant;

  /**
   * Creates the violation.
   *
   * @param invariant the broken rule
   * @param message the step and what went wrong; the invariant's name and rule are added
   */
  public ContractViolation(Invariant invariant, String message) {
    super("[" + invariant + "] " + message + "\n  rule: " + invariant.rule());
    this.invariant = invariant;
  }

  /**
   * Returns the broken rule.
   *
   * @return the invariant
   */
  public Invariant invariant() {
    return invariant;
  }
}
