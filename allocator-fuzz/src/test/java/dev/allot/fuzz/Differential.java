package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorInvariants;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReplayer;
import java.util.List;
import java.util.Objects;

/**
 * Runs the calls the fuzzer's bytes spell on a strategy and on its reference side by side, and
 * fails at the first call after which they differ (result, blocks or figures) or the strategy
 * breaks an invariant, with the calls so far as a trace to replay.
 *
 * <p>The calls are aimed where bugs live: most act on a block of the reference's current state (a
 * part of it, its neighbourhood, the hole after it), some are raw numbers (bad input, overflow),
 * and a capacity can start past 2^32, so that starts past 2^31 and 2^32 are exercised.
 */
final class Differential {

  /** Capacities past this (2^32) take the far path in {@link #capacity}. */
  private static final long FAR = 1L << 32;

  private Differential() {}

  static void run(
      AllocationStrategy subject, AllocationStrategy reference, FuzzedDataProvider data) {
    TraceReplayer mine = new TraceReplayer(subject);
    TraceReplayer theirs = new TraceReplayer(reference);
    StringBuilder trace = new StringBuilder();
    apply(TraceOperation.of(OperationKind.CAPACITY, 1, capacity(data)), mine, theirs, trace);
    while (data.remainingBytes() > 0) {
      Allocator state = Objects.requireNonNull(theirs.allocator(), "created above");
      apply(nextCall(data, state), mine, theirs, trace);
    }
  }

  private static long capacity(FuzzedDataProvider data) {
    long small = data.consumeLong(0, 256);
    return data.consumeBoolean() ? small : FAR - 128 + small;
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

  /** One call, mostly aimed at a block of the current state. */
  private static TraceOperation nextCall(FuzzedDataProvider data, Allocator state) {
    List<Region> blocks = state.getAllocatedRegions();
    Region block =
        blocks.isEmpty() ? new Region(0, 0) : blocks.get(data.consumeInt(0, blocks.size() - 1));
    long offset = data.consumeLong(-2, 8);
    long length = data.consumeLong(0, 64);
    long start = Math.max(0, block.start() + offset);
    return switch (data.consumeInt(0, 7)) {
      case 0, 1 -> call(OperationKind.ALLOC, length);
      case 2 -> call(OperationKind.DEALLOC, block.start(), block.size());
      case 3 -> call(OperationKind.DEALLOC, start, Math.min(length, block.size() + 2));
      case 4 -> call(OperationKind.REALLOC, block.start(), block.size(), length);
      case 5 ->
          call(
              OperationKind.REALLOC,
              start,
              Math.min(length, block.size()),
              data.consumeLong(0, 96));
      case 6 -> call(OperationKind.SET_CAPACITY, state.getCapacity() + data.consumeLong(-2, 64));
      default -> rawCall(data);
    };
  }

  /** Any numbers: bad input, overflow and huge requests. */
  private static TraceOperation rawCall(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> call(OperationKind.ALLOC, data.consumeLong());
      case 1 -> call(OperationKind.DEALLOC, data.consumeLong(), data.consumeLong());
      case 2 ->
          call(OperationKind.REALLOC, data.consumeLong(), data.consumeLong(), data.consumeLong());
      default -> call(OperationKind.SET_CAPACITY, data.consumeLong());
    };
  }

  private static TraceOperation call(OperationKind kind, long... args) {
    return TraceOperation.of(kind, 0, args);
  }
}
