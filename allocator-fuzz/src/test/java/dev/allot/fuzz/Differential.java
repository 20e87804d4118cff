package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorInvariants;
import dev.allot.trace.OperationKind;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReplayer;
import java.util.Objects;

/**
 * Runs the calls the fuzzer's bytes spell on a strategy and on its reference side by side, and
 * fails at the first call after which they differ (result, blocks or figures) or the strategy
 * breaks an invariant, with the calls so far as a trace to replay.
 *
 * <p>The calls are {@link FuzzCalls}' (no compaction: the references do not make the strategies'
 * moves), aimed at the reference's current state.
 */
final class Differential {

  private Differential() {}

  static void run(
      AllocationStrategy subject, AllocationStrategy reference, FuzzedDataProvider data) {
    TraceReplayer mine = new TraceReplayer(subject);
    TraceReplayer theirs = new TraceReplayer(reference);
    StringBuilder trace = new StringBuilder();
    apply(
        TraceOperation.of(OperationKind.CAPACITY, 1, FuzzCalls.capacity(data)),
        mine,
        theirs,
        trace);
    while (data.remainingBytes() > 0) {
      Allocator state = Objects.requireNonNull(theirs.allocator(), "created above");
      apply(FuzzCalls.next(data, state, false), mine, theirs, trace);
    }
  }

  private static void apply(
      TraceOperation operation, TraceReplayer mine, TraceReplayer theirs, StringBuilder trace) {
    trace.append(operation.toTraceLine()).append('\n');
    StepResult mineResult = mine.apply(operation);
    StepResult theirResult = theirs.apply(operation);
    String mineLine = ReplayFormat.line(mineResult, mine.allocator());
    String theirLine = ReplayFormat.line(theirResult, theirs.allocator());
    if (!mineLine.equals(theirLine)) {
      throw new AssertionError(
          "after the trace\n"
              + trace
              + "the strategy gives\n  "
              + mineLine
              + "\nthe reference\n  "
              + theirLine);
    }
    AllocatorInvariants.check(Objects.requireNonNull(mine.allocator(), "created by the trace"));
  }
}
