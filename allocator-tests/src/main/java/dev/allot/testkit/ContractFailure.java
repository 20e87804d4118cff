package dev.allot.testkit;

import org.jspecify.annotations.Nullable;

/**
 * The failure of one property of the contract, after shrinking: the smallest program found that
 * breaks the invariant, as a trace ready to paste into a regression test, and the seed that
 * generates it again. The message holds all of it; the kotest failure is the cause.
 *
 * @since 0.1.0
 */
public final class ContractFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** The broken rule. */
  private final Invariant invariant;

  /** The shrunk program as trace text. */
  private final String trace;

  /** The seed that reproduces the run. */
  private final long seed;

  /**
   * Creates the failure.
   *
   * @param invariant the broken rule
   * @param message the full report
   * @param trace the shrunk program as trace text, {@code capacity N} first
   * @param seed the seed that reproduces the run
   * @param cause the property engine's own failure, or {@code null}
   */
  public ContractFailure(
      Invariant invariant, String message, String trace, long seed, @Nullable Throwable cause) {
    super(message, cause);
    this.invariant = invariant;
    this.trace = trace;
    this.seed = seed;
  }

  /**
   * Returns the broken rule.
   *
   * @return the invariant
   */
  public Invariant invariant() {
    return invariant;
  }

  /**
   * Returns the shrunk program as trace text, one operation a line, {@code capacity N} first.
   *
   * @return the trace
   */
  public String trace() {
    return trace;
  }

  /**
   * Returns the seed that generates the failing program again.
   *
   * @return the seed, for {@code -Dallot.contract.seed}
   */
  public long seed() {
    return seed;
  }
}
