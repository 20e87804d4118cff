package dev.allot.trace;

import java.util.Objects;

/**
 * What one replayed operation gave.
 *
 * @param outcome how the call ended
 * @param value the returned start for {@link Outcome#START}, the requested capacity for {@link
 *     Outcome#MEMORY}, the moved indices for {@link Outcome#MOVED}, otherwise 0
 * @param detail why the call was {@link Outcome#INVALID}; empty otherwise
 * @since 0.1.0
 */
public record StepResult(Outcome outcome, long value, String detail) {

  /**
   * Checks the components.
   *
   * @param outcome how the call ended
   * @param value the returned start, the requested capacity, or 0
   * @param detail why the call was invalid; empty otherwise
   * @throws NullPointerException if {@code outcome} or {@code detail} is null
   */
  public StepResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** How a replayed call ended, with the word the replay output uses for it. */
  public enum Outcome {
    /** {@code alloc}/{@code realloc} returned a start. */
    START,
    /** {@code capacity}, {@code dealloc} or {@code set_capacity} succeeded. */
    OK,
    /** The call failed for lack of space. */
    MEMORY,
    /** The call was rejected as bad input, or the line was malformed. */
    INVALID,
    /** {@code compact} moved this many indices. */
    MOVED
  }

  /** The result of every successful call that returns nothing. */
  static final StepResult OK = new StepResult(Outcome.OK, 0, "");

  static StepResult start(long start) {
    return new StepResult(Outcome.START, start, "");
  }

  static StepResult memory(long requestedCapacity) {
    return new StepResult(Outcome.MEMORY, requestedCapacity, "");
  }

  static StepResult moved(long indices) {
    return new StepResult(Outcome.MOVED, indices, "");
  }

  static StepResult invalid(String detail) {
    return new StepResult(Outcome.INVALID, 0, detail);
  }

  /**
   * Renders the first field of a replay line.
   *
   * @return {@code start=N}, {@code ok}, {@code memory=N}, {@code invalid} or {@code moved=N}
   */
  public String field() {
    return switch (outcome) {
      case START -> "start=" + value;
      case OK -> "ok";
      case MEMORY -> "memory=" + value;
      case INVALID -> "invalid";
      case MOVED -> "moved=" + value;
    };
  }
}
