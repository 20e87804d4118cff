package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.trace.OperationKind;
import dev.allot.trace.StepResult;
import dev.allot.trace.StepResult.Outcome;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReplayer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks {@link Invariant#CALL_OUTCOME}, which every run checks: a call returns, throws {@link
 * IllegalArgumentException} or (placing calls only) {@link dev.allot.AllocatorMemoryException}, and
 * reading an allocator never throws. Unlike the other checkers it wraps the calls themselves, so it
 * throws instead of returning a problem.
 */
final class CallOutcomeChecker {

  /** The calls that may fail for memory. */
  private static final Set<OperationKind> PLACING =
      EnumSet.of(
          OperationKind.ALLOC,
          OperationKind.REALLOC,
          OperationKind.ALIGNED_ALLOC,
          OperationKind.ALIGNED_REALLOC);

  private CallOutcomeChecker() {}

  /**
   * Makes a call on the allocator under test.
   *
   * @param subject the replayer holding the allocator under test
   * @param operation the call
   * @param call the call as failure messages name it
   * @return how the call ended
   * @throws ContractViolation if the call threw anything else, or a non-placing call failed for
   *     memory
   */
  static StepResult call(TraceReplayer subject, TraceOperation operation, String call) {
    StepResult result;
    try {
      result = subject.apply(operation);
    } catch (RuntimeException e) {
      ContractViolation violation =
          new ContractViolation(Invariant.CALL_OUTCOME, call + " threw " + e);
      violation.initCause(e);
      throw violation;
    }
    boolean places = PLACING.contains(operation.kind());
    if (result.outcome() == Outcome.MEMORY && !places) {
      throw new ContractViolation(
          Invariant.CALL_OUTCOME,
          call + " threw AllocatorMemoryException, which only alloc and realloc may throw");
    }
    return result;
  }

  /**
   * Reads every observable figure of the allocator under test.
   *
   * @param allocator the allocator
   * @param when the moment, for the report if reading throws
   * @return what it shows
   * @throws ContractViolation if reading threw
   */
  static Observation observe(Allocator allocator, String when) {
    try {
      return Observation.of(allocator);
    } catch (RuntimeException e) {
      ContractViolation violation =
          new ContractViolation(
              Invariant.CALL_OUTCOME, "reading the allocator " + when + " threw " + e);
      violation.initCause(e);
      throw violation;
    }
  }
}
