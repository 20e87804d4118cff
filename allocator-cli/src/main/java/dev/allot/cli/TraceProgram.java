package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.trace.OperationKind;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReplayer;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A trace turned into a program that any strategy can run, for {@code compare}.
 *
 * <p>A trace's addresses belong to the strategy that recorded it: replayed literally against
 * another strategy, {@code dealloc 40 8} names a range that strategy never handed out. So the trace
 * is first replayed against the recording strategy to learn where each region went, then each
 * strategy runs the same calls with its own addresses, translated by an {@link AddressMap}.
 *
 * <ul>
 *   <li>Calls that failed in the recording (bad input, lack of memory) did not happen in the
 *       program and are not run.
 *   <li>{@code set_capacity} lines are not run: each strategy grows on demand through the growing
 *       allocator it is given, so its peak capacity is its own.
 *   <li>A free or realloc of a range that spans two recorded regions (legal when they touched)
 *       cannot be translated; it is skipped and counted.
 *   <li>A {@code compact} line compacts each strategy's own allocator; the addresses that follow it
 *       in the trace are the recording's after its compaction, so both sides of the address map
 *       follow their own plan.
 * </ul>
 */
final class TraceProgram implements Program {

  /** Marks a call that failed in the recording. */
  private static final long FAILED = -1;

  private final List<TraceOperation> operations;
  private final long[] recordedStarts;

  /** The recording's plan of each {@code compact} line that succeeded; null elsewhere. */
  private final @Nullable CompactionPlan[] recordedPlans;

  private TraceProgram(
      List<TraceOperation> operations, long[] recordedStarts, @Nullable CompactionPlan[] plans) {
    this.operations = operations;
    this.recordedStarts = recordedStarts;
    this.recordedPlans = plans;
  }

  /**
   * Replays the trace against the strategy that recorded it, to learn its addresses.
   *
   * @param operations the parsed trace
   * @param recordedWith the strategy whose addresses the trace holds
   * @param progress told of each operation
   */
  static TraceProgram record(
      List<TraceOperation> operations, AllocationStrategy recordedWith, Progress progress) {
    TraceReplayer replayer = new TraceReplayer(recordedWith);
    long[] starts = new long[operations.size()];
    @Nullable CompactionPlan[] plans = new CompactionPlan[starts.length];
    for (int i = 0; i < starts.length; i++) {
      TraceOperation operation = operations.get(i);
      Allocator current = replayer.allocator();
      if (operation.kind() == OperationKind.COMPACT && current != null) {
        plans[i] = compactRecording(current, operation);
        starts[i] = plans[i] == null ? FAILED : 0;
        progress.step(i + 1);
        continue;
      }
      StepResult result = replayer.apply(operation);
      starts[i] =
          switch (result.outcome()) {
            case START -> result.value();
            case OK -> 0;
            case MOVED -> 0;
            case MEMORY, INVALID -> FAILED;
          };
      progress.step(i + 1);
    }
    progress.finish();
    return new TraceProgram(operations, starts, plans);
  }

  /** Compacts the recording's allocator, keeping the plan; null when the line is bad input. */
  private static @Nullable CompactionPlan compactRecording(
      Allocator allocator, TraceOperation operation) {
    try {
      return allocator.compact(operation.first(), operation.second());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public long size() {
    return operations.size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each {@code capacity} line asks for a new allocator; the skipped calls are those that could
   * not be translated.
   */
  @Override
  public long run(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    AddressMap addresses = new AddressMap();
    @Nullable Allocator allocator = null;
    long skipped = 0;
    long calls = 0;
    for (int i = 0; i < recordedStarts.length; i++) {
      TraceOperation operation = operations.get(i);
      long recorded = recordedStarts[i];
      progress.step(i + 1);
      if (recorded == FAILED) {
        continue;
      }
      if (operation.kind() == OperationKind.CAPACITY) {
        allocator = newAllocator.apply(operation.first());
        addresses.clear();
      } else if (operation.kind() == OperationKind.COMPACT && allocator != null) {
        CompactionPlan own = allocator.compact(operation.first(), operation.second());
        CompactionPlan recording = Objects.requireNonNull(recordedPlans[i]);
        addresses.compacted(recording::translate, own::translate);
      } else if (allocator != null && isCall(operation.kind())) {
        if (!runCall(allocator, addresses, operation, recorded)) {
          skipped++;
        }
        calls++;
        if (compactEvery > 0 && calls % compactEvery == 0) {
          // Only this run compacts: the recording's addresses stay where they were.
          CompactionPlan own = allocator.compact();
          addresses.compacted(LongUnaryOperator.identity(), own::translate);
        }
      }
    }
    progress.finish();
    return skipped;
  }

  private static boolean isCall(OperationKind kind) {
    return switch (kind) {
      case ALLOC, ALIGNED_ALLOC, DEALLOC, REALLOC, ALIGNED_REALLOC -> true;
      case SET_CAPACITY, CAPACITY, COMPACT, MALFORMED -> false;
    };
  }

  /** Runs one call in translated addresses; {@code false} if it cannot be translated. */
  private static boolean runCall(
      Allocator allocator, AddressMap addresses, TraceOperation operation, long recorded) {
    long start = operation.first();
    long size = operation.second();
    long newSize = operation.third();
    return switch (operation.kind()) {
      case ALLOC, ALIGNED_ALLOC -> {
        addresses.put(recorded, start, allocator.alloc(start, operation.alignment()));
        yield true;
      }
      case DEALLOC -> free(allocator, addresses, start, size);
      case REALLOC, ALIGNED_REALLOC -> {
        long alignment = operation.alignment();
        if (newSize == 0) {
          yield free(allocator, addresses, start, size);
        }
        if (size == 0) {
          addresses.put(recorded, newSize, allocator.alloc(newSize, alignment));
          yield true;
        }
        long translated = addresses.translate(start, size);
        if (translated < 0) {
          yield false;
        }
        // Whether the region stayed or moved, in the recording or here, the recorded range
        // [recorded, recorded + newSize) now lives where this strategy put it.
        long moved = allocator.realloc(translated, size, newSize, alignment);
        addresses.remove(start, size);
        addresses.put(recorded, newSize, moved);
        yield true;
      }
      case SET_CAPACITY, CAPACITY, COMPACT, MALFORMED -> true;
    };
  }

  private static boolean free(Allocator allocator, AddressMap addresses, long start, long size) {
    if (size == 0) {
      return true;
    }
    long translated = addresses.translate(start, size);
    if (translated < 0) {
      return false;
    }
    allocator.dealloc(translated, size);
    addresses.remove(start, size);
    return true;
  }
}
