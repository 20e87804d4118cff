package dev.allot.trace;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.UnsupportedCompactionException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Applies trace operations to allocators of one strategy. Each {@code capacity} line starts a new
 * allocator; the others act on the current one. Bad input and memory failures are results, not
 * exceptions, so a replay always runs to the end of the trace; an aligned line on a strategy that
 * does not support alignment, or a {@code compact} line on one that does not compact (tlsf), is
 * reported as invalid, with the strategy's refusal as the detail.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceReplayer {

  /**
   * Operations read ahead between two clock reads of {@link #time(Iterator, AllocationStrategy)}.
   */
  private static final int TIMED_BATCH = 4096;

  private final AllocationStrategy strategy;
  private @Nullable Allocator allocator;
  private @Nullable CompactionPlan lastPlan;

  /**
   * Creates a replayer with no allocator yet.
   *
   * @param strategy the strategy every {@code capacity} line creates an allocator of
   */
  public TraceReplayer(AllocationStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /**
   * Returns the allocator of the current trace.
   *
   * @return the allocator, or {@code null} before the first {@code capacity} line
   */
  public @Nullable Allocator allocator() {
    return allocator;
  }

  /**
   * Returns the plan of the last {@code compact} line that succeeded, for tools that copy or check
   * its moves (the replay line shows only the moved indices).
   *
   * @return that plan, or {@code null} before the first successful {@code compact} of the current
   *     allocator
   */
  public @Nullable CompactionPlan lastPlan() {
    return lastPlan;
  }

  /**
   * Applies one operation.
   *
   * @param operation the operation
   * @return how it ended
   */
  public StepResult apply(TraceOperation operation) {
    try {
      return dispatch(operation);
    } catch (AllocatorMemoryException e) {
      return StepResult.memory(e.getRequestedCapacity());
    } catch (IllegalArgumentException
        | UnsupportedAlignmentException
        | UnsupportedCompactionException e) {
      // A strategy's refusal of a compact line (tlsf) is a result like a refused alignment: before,
      // it escaped and ended the replay of the whole trace ("replay: compact(...): strategy tlsf
      // does not support compaction", exit status 1).
      return StepResult.invalid(String.valueOf(e.getMessage()));
    }
  }

  private StepResult dispatch(TraceOperation operation) {
    if (operation.kind() == OperationKind.MALFORMED) {
      return StepResult.invalid("line " + operation.line() + ": " + operation.problem());
    }
    if (operation.kind() == OperationKind.CAPACITY) {
      allocator = Allocators.create(strategy, operation.first());
      lastPlan = null;
      return StepResult.OK;
    }
    Allocator current = allocator;
    if (current == null) {
      return StepResult.invalid("line " + operation.line() + ": no capacity line before it");
    }
    return switch (operation.kind()) {
      case ALLOC -> StepResult.start(current.alloc(operation.first()));
      case ALIGNED_ALLOC -> StepResult.start(current.alloc(operation.first(), operation.second()));
      case DEALLOC -> {
        current.dealloc(operation.first(), operation.second());
        yield StepResult.OK;
      }
      case REALLOC ->
          StepResult.start(
              current.realloc(operation.first(), operation.second(), operation.third()));
      case ALIGNED_REALLOC ->
          StepResult.start(
              current.realloc(
                  operation.first(), operation.second(), operation.third(), operation.fourth()));
      case SET_CAPACITY -> {
        current.setCapacity(operation.first());
        yield StepResult.OK;
      }
      case COMPACT -> {
        CompactionPlan plan = current.compact(operation.first(), operation.second());
        lastPlan = plan;
        yield StepResult.moved(plan.movedIndices());
      }
      case CAPACITY, MALFORMED ->
          throw new IllegalStateException("handled above: " + operation.kind());
    };
  }

  /**
   * Replays operations and hands each replay line to {@code out}.
   *
   * @param operations the parsed trace
   * @param strategy the strategy to replay against
   * @param summaryOnly if {@code true}, emit only the line of each trace's last operation
   * @param out receives the lines, without line breaks
   */
  public static void replay(
      List<TraceOperation> operations,
      AllocationStrategy strategy,
      boolean summaryOnly,
      Consumer<String> out) {
    replay(operations.iterator(), strategy, summaryOnly, out);
  }

  /**
   * Replays operations as they are read, such as a {@link TraceReader}'s, and hands each replay
   * line to {@code out}. Only the current operation is held, and each line is handed over before
   * the next operation is read (with {@code summaryOnly}, once the next one shows the trace ended).
   *
   * @param operations the trace, read once
   * @param strategy the strategy to replay against
   * @param summaryOnly if {@code true}, emit only the line of each trace's last operation
   * @param out receives the lines, without line breaks
   */
  public static void replay(
      Iterator<TraceOperation> operations,
      AllocationStrategy strategy,
      boolean summaryOnly,
      Consumer<String> out) {
    Objects.requireNonNull(out, "out");
    TraceReplayer replayer = new TraceReplayer(strategy);
    TraceOperation current = operations.hasNext() ? operations.next() : null;
    while (current != null) {
      StepResult result = replayer.apply(current);
      if (!summaryOnly) {
        out.accept(ReplayFormat.line(result, replayer.allocator()));
      }
      TraceOperation following = operations.hasNext() ? operations.next() : null;
      if (summaryOnly && (following == null || startsTrace(following))) {
        out.accept(ReplayFormat.line(result, replayer.allocator()));
      }
      current = following;
    }
  }

  /**
   * Tells whether {@code operation} starts a new trace: a {@code capacity} line of a capacity the
   * API accepts ({@code >= 0}). A negative one is bad input that changes nothing, so the trace
   * before it goes on (docs/spec/trace-format.md); before, {@code --summary} ended that trace there
   * and printed its state twice.
   */
  private static boolean startsTrace(TraceOperation operation) {
    return operation.kind() == OperationKind.CAPACITY && operation.first() >= 0;
  }

  /**
   * Applies every operation with no output, for timing the allocator alone.
   *
   * @param operations the parsed trace
   * @param strategy the strategy to replay against
   * @return the elapsed nanoseconds of the whole apply loop
   */
  public static long time(List<TraceOperation> operations, AllocationStrategy strategy) {
    return time(operations.iterator(), strategy).nanos();
  }

  /**
   * Applies every operation as it is read, with no output, timing the allocator alone: operations
   * are read in batches of a few thousand and only the applying is timed, so reading a file costs
   * nothing in the result while memory stays constant.
   *
   * @param operations the trace, read once
   * @param strategy the strategy to replay against
   * @return the operations applied and the nanoseconds spent applying them
   */
  public static ApplyTime time(Iterator<TraceOperation> operations, AllocationStrategy strategy) {
    TraceReplayer replayer = new TraceReplayer(strategy);
    TraceOperation[] batch = new TraceOperation[TIMED_BATCH];
    long count = 0;
    long nanos = 0;
    while (operations.hasNext()) {
      int size = 0;
      while (size < batch.length && operations.hasNext()) {
        batch[size++] = operations.next();
      }
      long begin = System.nanoTime();
      for (int i = 0; i < size; i++) {
        replayer.apply(batch[i]);
      }
      nanos += System.nanoTime() - begin;
      count += size;
    }
    return new ApplyTime(count, nanos);
  }
}
