package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.UnsupportedCompactionException;
import dev.allot.trace.OperationKind;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceReader;
import dev.allot.trace.TraceReplayer;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A trace turned into a program that any strategy can run, for {@code compare}.
 *
 * <p>A trace's addresses belong to the strategy that recorded it: replayed literally against
 * another strategy, {@code dealloc 40 8} names a range that strategy never handed out. So the trace
 * is first replayed against the recording strategy to learn where each region went, then each
 * strategy runs the same calls with its own addresses, translated by an {@link AddressMap}.
 *
 * <p>The trace is streamed, never held: each run reads it again, a batch of operations at a time,
 * replays the batch against the recording strategy to learn its addresses, then runs the batch's
 * calls on the strategy under test. Memory is the two allocators' and one batch, whatever the
 * trace's length; {@link #time} clocks only the calls on the strategy under test.
 *
 * <ul>
 *   <li>Calls that failed in the recording (bad input, lack of memory) did not happen in the
 *       program and are not run.
 *   <li>{@code set_capacity} lines are not run: each strategy grows on demand through the growing
 *       allocator it is given, so its peak capacity is its own.
 *   <li>A free or realloc of a range that spans two recorded regions (legal when they touched)
 *       cannot be translated; it is skipped and counted, as is a call the strategy under test
 *       refuses although the recording ran it.
 *   <li>A {@code compact} line compacts each strategy's own allocator; the addresses that follow it
 *       in the trace are the recording's after its compaction, so both sides of the address map
 *       follow their own plan. A strategy that does not compact (tlsf) skips the line, counted, and
 *       keeps its blocks where they are; so do its periodic compactions.
 * </ul>
 */
final class TraceProgram implements Program {

  /** Marks a call that failed in the recording. */
  private static final long FAILED = -1;

  /** Operations read and learned before their calls run: enough to keep clock reads rare. */
  private static final int BATCH = 4096;

  private final Supplier<TraceReader> trace;
  private final AllocationStrategy recordedWith;
  private final long size;

  private TraceProgram(Supplier<TraceReader> trace, AllocationStrategy recordedWith, long size) {
    this.trace = trace;
    this.recordedWith = recordedWith;
    this.size = size;
  }

  /**
   * Makes a program of a trace, reading it through once to count its operations (and so to report
   * an unreadable line before any run starts).
   *
   * @param trace opens the trace afresh for each run
   * @param recordedWith the strategy whose addresses the trace holds
   * @throws dev.allot.trace.TraceReadException if the trace cannot be read
   */
  static TraceProgram of(Supplier<TraceReader> trace, AllocationStrategy recordedWith) {
    long count = 0;
    try (TraceReader operations = trace.get()) {
      while (operations.hasNext()) {
        operations.next();
        count++;
      }
    }
    return new TraceProgram(trace, recordedWith, count);
  }

  @Override
  public long size() {
    return size;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each {@code capacity} line asks for a new allocator; the skipped calls are those that could
   * not be translated.
   */
  @Override
  public long run(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    return execute(newAllocator, compactEvery, progress).skipped();
  }

  /** {@inheritDoc} Reading the trace and learning its addresses are not clocked. */
  @Override
  public long time(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    return execute(newAllocator, compactEvery, progress).nanos();
  }

  /** What one run of the program counted: calls skipped, nanoseconds the calls took. */
  private record Totals(long skipped, long nanos) {}

  /** Runs the program; answers the skipped calls and the nanoseconds the calls took. */
  private Totals execute(
      LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    TraceReplayer recording = new TraceReplayer(recordedWith);
    TraceOperation[] operations = new TraceOperation[BATCH];
    long[] recordedStarts = new long[BATCH];
    @Nullable CompactionPlan[] recordedPlans = new CompactionPlan[BATCH];
    AddressMap addresses = new AddressMap();
    @Nullable Allocator allocator = null;
    long skipped = 0;
    long calls = 0;
    long nanos = 0;
    long done = 0;
    try (TraceReader reader = trace.get()) {
      while (reader.hasNext()) {
        int count = 0;
        while (count < BATCH && reader.hasNext()) {
          TraceOperation operation = reader.next();
          operations[count] = operation;
          recordedPlans[count] = null;
          recordedStarts[count] = learn(recording, operation, recordedPlans, count);
          count++;
        }
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
          TraceOperation operation = operations[i];
          long recorded = recordedStarts[i];
          progress.step(++done);
          if (recorded == FAILED) {
            continue;
          }
          if (operation.kind() == OperationKind.CAPACITY) {
            allocator = newAllocator.apply(operation.first());
            addresses.clear();
          } else if (operation.kind() == OperationKind.COMPACT && allocator != null) {
            CompactionPlan recordingPlan = Objects.requireNonNull(recordedPlans[i]);
            CompactionPlan own = compactOrNull(allocator, operation.first(), operation.second());
            if (own == null) {
              skipped++;
            }
            addresses.compacted(
                recordingPlan::translate,
                own == null ? LongUnaryOperator.identity() : own::translate);
          } else if (allocator != null && isCall(operation.kind())) {
            if (!runCallOrRefuse(allocator, addresses, operation, recorded)) {
              skipped++;
            }
            calls++;
            if (compactEvery > 0 && calls % compactEvery == 0) {
              // Only this run compacts: the recording's addresses stay where they were.
              CompactionPlan own = compactOrNull(allocator, Long.MAX_VALUE, 1);
              if (own == null) {
                skipped++;
              } else {
                addresses.compacted(LongUnaryOperator.identity(), own::translate);
              }
            }
          }
        }
        nanos += System.nanoTime() - begin;
      }
    }
    progress.finish();
    return new Totals(skipped, nanos);
  }

  /**
   * Replays one operation against the recording strategy: the start it returned, 0 for other
   * successes, or {@link #FAILED}; a {@code compact} line's plan goes to {@code plans[index]}.
   */
  private static long learn(
      TraceReplayer recording,
      TraceOperation operation,
      @Nullable CompactionPlan[] plans,
      int index) {
    Allocator current = recording.allocator();
    if (operation.kind() == OperationKind.COMPACT && current != null) {
      plans[index] = compactRecording(current, operation);
      return plans[index] == null ? FAILED : 0;
    }
    StepResult result = recording.apply(operation);
    return switch (result.outcome()) {
      case START -> result.value();
      case OK, MOVED -> 0;
      case MEMORY, INVALID -> FAILED;
    };
  }

  /**
   * Compacts the recording's allocator, keeping the plan; null when the line is bad input or the
   * recording strategy does not compact (then the call failed in the recording and is not run).
   */
  private static @Nullable CompactionPlan compactRecording(
      Allocator allocator, TraceOperation operation) {
    try {
      return allocator.compact(operation.first(), operation.second());
    } catch (IllegalArgumentException | UnsupportedCompactionException e) {
      return null;
    }
  }

  /**
   * Compacts the allocator under test; null when its strategy does not compact (tlsf), which
   * changes nothing. Before, the refusal escaped and ended {@code compare} with exit status 1 as
   * soon as tlsf, one of the default strategies, met a {@code compact} line or {@code
   * --compact-every}.
   */
  static @Nullable CompactionPlan compactOrNull(
      Allocator allocator, long budget, long granularity) {
    try {
      return allocator.compact(budget, granularity);
    } catch (UnsupportedCompactionException e) {
      return null;
    }
  }

  private static boolean isCall(OperationKind kind) {
    return switch (kind) {
      case ALLOC, ALIGNED_ALLOC, DEALLOC, REALLOC, ALIGNED_REALLOC -> true;
      case SET_CAPACITY, CAPACITY, COMPACT, MALFORMED -> false;
    };
  }

  /**
   * Runs one call in translated addresses; {@code false} if it cannot be translated or this
   * strategy refuses it. A call the recording ran can still be bad input for another strategy:
   * best-fit grows a region in place up to {@code Long.MAX_VALUE} where first-fit must relocate it
   * and would need more indices than a long holds. Before, that refusal escaped and ended {@code
   * compare} with status 1 and no table; a refused call changes nothing, so the run goes on.
   */
  private static boolean runCallOrRefuse(
      Allocator allocator, AddressMap addresses, TraceOperation operation, long recorded) {
    try {
      return runCall(allocator, addresses, operation, recorded);
    } catch (IllegalArgumentException
        | AllocatorMemoryException
        | UnsupportedAlignmentException e) {
      return false;
    }
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
