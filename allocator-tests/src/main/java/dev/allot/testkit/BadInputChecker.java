package dev.allot.testkit;

import dev.allot.trace.OperationKind;
import dev.allot.trace.StepResult;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#BAD_INPUT}: bad input, and only bad input, is rejected with {@link
 * IllegalArgumentException}, whose message names the call and all its arguments as {@code
 * AllocatorArguments} words it.
 */
final class BadInputChecker implements InvariantChecker<Step> {

  @Override
  public Invariant invariant() {
    return Invariant.BAD_INPUT;
  }

  @Override
  public @Nullable String check(Step step) {
    StepResult result = step.result();
    CallValidity validity = step.validity();
    String call = step.call();
    return switch (result.outcome()) {
      case INVALID ->
          validity == CallValidity.VALID
              ? call + " was rejected as bad input, but the input is good: " + result.detail()
              : checkMessage(step);
      case MEMORY ->
          validity == CallValidity.INVALID
              ? call
                  + " is bad input, but failed for memory instead of throwing"
                  + " IllegalArgumentException"
              : null;
      case START, OK, MOVED ->
          validity == CallValidity.INVALID
              ? call
                  + " is bad input, but gave "
                  + result.field()
                  + " instead of throwing IllegalArgumentException"
              : null;
    };
  }

  /** A rejection must say which call and which values, as {@code AllocatorArguments} does. */
  private static @Nullable String checkMessage(Step step) {
    String message = step.result().detail();
    String method = methodName(step.operation().kind());
    boolean named = message.contains(method);
    for (long arg : step.operation().args()) {
      named &= message.contains(Long.toString(arg));
    }
    return named
        ? null
        : step.call()
            + " was rejected with the message \""
            + message
            + "\", which does not name the call "
            + method
            + " and all its arguments";
  }

  private static String methodName(OperationKind kind) {
    return kind == OperationKind.SET_CAPACITY ? "setCapacity" : kind.word();
  }
}
