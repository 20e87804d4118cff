package dev.allot.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operation line of a trace. Numbers are kept as primitives so that replaying a parsed trace
 * allocates nothing per operation; unused ones are 0.
 *
 * @param kind what the line asks for
 * @param first the first number
 * @param second the second number
 * @param third the third number
 * @param fourth the fourth number (the alignment of {@code realloc START SIZE NEWSIZE ALIGN})
 * @param line the 1-based line number in the source
 * @param problem why a {@link OperationKind#MALFORMED} line is malformed; empty otherwise
 * @since 0.1.0
 */
public record TraceOperation(
    OperationKind kind,
    long first,
    long second,
    long third,
    long fourth,
    long line,
    String problem) {

  /**
   * Checks the components.
   *
   * @param kind what the line asks for
   * @param first the first number
   * @param second the second number
   * @param third the third number
   * @param fourth the fourth number
   * @param line the 1-based line number in the source
   * @param problem why a malformed line is malformed; empty otherwise
   * @throws NullPointerException if {@code kind} or {@code problem} is null
   */
  public TraceOperation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * Creates an operation of at most three numbers, as before aligned lines existed.
   *
   * @param kind what the line asks for
   * @param first the first number
   * @param second the second number
   * @param third the third number
   * @param line the 1-based line number in the source
   * @param problem why a malformed line is malformed; empty otherwise
   */
  public TraceOperation(
      OperationKind kind, long first, long second, long third, long line, String problem) {
    this(kind, first, second, third, 0, line, problem);
  }

  /**
   * Returns the alignment the call asks for.
   *
   * @return the last number of an aligned line, 1 for every other line
   */
  public long alignment() {
    return switch (kind) {
      case ALIGNED_ALLOC -> second;
      case ALIGNED_REALLOC -> fourth;
      default -> 1;
    };
  }

  /**
   * Creates a well-formed operation.
   *
   * @param kind the operation, not {@link OperationKind#MALFORMED}
   * @param line the 1-based line number
   * @param args exactly {@code kind.arity()} numbers
   * @return the operation
   * @throws IllegalArgumentException if the count of numbers does not match the kind
   */
  public static TraceOperation of(OperationKind kind, long line, long... args) {
    if (kind == OperationKind.MALFORMED || args.length != kind.arity()) {
      throw new IllegalArgumentException(
          "TraceOperation.of("
              + kind
              + ", "
              + Arrays.toString(args)
              + "): expected "
              + kind.arity()
              + " numbers");
    }
    return new TraceOperation(
        kind, arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3), line, "");
  }

  /**
   * Creates the operation for a line that could not be read.
   *
   * @param line the 1-based line number
   * @param problem what is wrong with it
   * @return an operation of kind {@link OperationKind#MALFORMED}
   */
  public static TraceOperation malformed(long line, String problem) {
    return new TraceOperation(OperationKind.MALFORMED, 0, 0, 0, 0, line, problem);
  }

  private static long arg(long[] args, int index) {
    return index < args.length ? args[index] : 0;
  }

  /**
   * Returns the numbers of the line in order.
   *
   * @return a new array of {@code kind().arity()} numbers
   */
  public long[] args() {
    return Arrays.copyOf(new long[] {first, second, third, fourth}, kind.arity());
  }

  /**
   * Renders the operation as a trace line, so that a recorded or shrunk program can be pasted back
   * into a trace file.
   *
   * @return e.g. {@code realloc 0 4 8}, or a comment for a malformed line
   */
  public String toTraceLine() {
    if (kind == OperationKind.MALFORMED) {
      return "# line " + line + ": " + problem;
    }
    StringBuilder text = new StringBuilder(kind.word());
    for (long arg : args()) {
      text.append(' ').append(arg);
    }
    return text.toString();
  }
}
