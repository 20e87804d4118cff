package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import java.util.List;

/**
 * Spells calls from the fuzzer's bytes, aimed where bugs live: most act on a block of the current
 * state (a part of it, its neighbourhood, the hole after it), some are raw numbers (bad input,
 * overflow), and a capacity can start past 2^32, so that starts past 2^31 and 2^32 are exercised.
 * Aligned allocs and reallocs mix with the unaligned calls, at more distinct alignments than a
 * strategy keeps summaries for, so a run crosses from aligned-only phases to unaligned searches and
 * back.
 */
final class FuzzCalls {

  /** Capacities past this (2^32) take the far path in {@link #capacity}. */
  private static final long FAR = 1L << 32;

  /**
   * The alignments aimed calls ask for: powers of two and others, some past the far capacities, and
   * more distinct values than the strategies keep summaries for (8), so that a run also takes the
   * paths of an alignment without them.
   */
  private static final long[] ALIGNMENTS = {
    1, 2, 3, 4, 5, 7, 8, 16, 24, 64, 100, 256, 1L << 20, 1L << 33
  };

  /** The granularities aimed compactions ask for. */
  private static final long[] GRANULARITIES = {1, 1, 2, 3, 16, 256, 1L << 33};

  private FuzzCalls() {}

  /** The first capacity: small, or just below 2^32. */
  static long capacity(FuzzedDataProvider data) {
    long small = data.consumeLong(0, 256);
    return data.consumeBoolean() ? small : FAR - 128 + small;
  }

  /**
   * One call, mostly aimed at a block of {@code state}; {@code compact} calls only when {@code
   * compaction}.
   */
  static TraceOperation next(FuzzedDataProvider data, Allocator state, boolean compaction) {
    List<Region> blocks = state.getAllocatedRegions();
    Region block =
        blocks.isEmpty() ? new Region(0, 0) : blocks.get(data.consumeInt(0, blocks.size() - 1));
    long offset = data.consumeLong(-2, 8);
    long length = data.consumeLong(0, 64);
    long start = Math.max(0, block.start() + offset);
    return switch (data.consumeInt(0, compaction ? 10 : 9)) {
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
      case 7 -> raw(data, compaction);
      case 8 -> call(OperationKind.ALIGNED_ALLOC, length, alignment(data));
      case 9 ->
          call(
              OperationKind.ALIGNED_REALLOC,
              data.consumeBoolean() ? block.start() : start,
              Math.min(length, block.size()),
              data.consumeLong(0, 96),
              alignment(data));
      default ->
          call(
              OperationKind.COMPACT,
              data.consumeBoolean() ? Long.MAX_VALUE : data.consumeLong(0, 128),
              GRANULARITIES[data.consumeInt(0, GRANULARITIES.length - 1)]);
    };
  }

  private static long alignment(FuzzedDataProvider data) {
    return ALIGNMENTS[data.consumeInt(0, ALIGNMENTS.length - 1)];
  }

  /** Any numbers: bad input, overflow and huge requests. */
  private static TraceOperation raw(FuzzedDataProvider data, boolean compaction) {
    return switch (data.consumeInt(0, compaction ? 6 : 5)) {
      case 0 -> call(OperationKind.ALLOC, data.consumeLong());
      case 1 -> call(OperationKind.DEALLOC, data.consumeLong(), data.consumeLong());
      case 2 ->
          call(OperationKind.REALLOC, data.consumeLong(), data.consumeLong(), data.consumeLong());
      case 3 -> call(OperationKind.SET_CAPACITY, data.consumeLong());
      case 4 -> call(OperationKind.ALIGNED_ALLOC, data.consumeLong(), data.consumeLong());
      case 5 ->
          call(
              OperationKind.ALIGNED_REALLOC,
              data.consumeLong(),
              data.consumeLong(),
              data.consumeLong(),
              data.consumeLong());
      default -> call(OperationKind.COMPACT, data.consumeLong(), data.consumeLong());
    };
  }

  private static TraceOperation call(OperationKind kind, long... args) {
    return TraceOperation.of(kind, 0, args);
  }
}
