package dev.allot.testkit;

import com.google.common.collect.Range;
import com.google.common.collect.RangeMap;
import com.google.common.collect.TreeRangeMap;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#COMPACTION} after a successful {@code compact(budget, granularity)}: it
 * simulates the caller's buffer, where every index of a live region holds that region's number,
 * copies the plan's moves into it in order as {@link System#arraycopy} does, and then finds every
 * region through the plan's translation with its data intact.
 */
final class CompactionChecker implements InvariantChecker<Step> {

  /*
   * The buffer is a range map from runs of indices to the number of the region whose data they
   * hold (indices outside every run hold no data), so that it costs O(live regions) whatever the
   * capacity: a fuzzer's capacity past 2^32 is as good as the kit's small ones. Besides the buffer,
   * the checker keeps the blocks as the plan moves them (start to end, from the allocator's blocks
   * before the call), so that each move is checked against the blocks of its moment: its source
   * must be one whole block, its destination free but for its own source.
   */

  @Override
  public Invariant invariant() {
    return Invariant.COMPACTION;
  }

  @Override
  public @Nullable String check(Step step) {
    CompactionPlan plan = step.plan();
    if (step.operation().kind() != OperationKind.COMPACT || plan == null) {
      return null;
    }
    long budget = step.operation().first();
    long granularity = step.operation().second();
    String call = step.call();
    List<CompactionMove> moves = plan.moves();
    long total = 0;
    for (CompactionMove move : moves) {
      total += move.size();
    }
    if (total != plan.movedIndices()) {
      return call
          + ": the moves add up to "
          + total
          + " but movedIndices() is "
          + plan.movedIndices();
    }
    if (moves.size() > 1 && total > budget) {
      return call + " moved " + total + " indices in " + moves.size() + " moves, past the budget";
    }
    if (moves.isEmpty() && !plan.isComplete()) {
      return call + " made no move but says work is left: a call with work left must progress";
    }
    long capacity = step.before().capacity();
    RangeMap<Long, Integer> buffer = TreeRangeMap.create();
    List<Region> live = step.model().liveRegions();
    for (int i = 0; i < live.size(); i++) {
      Region region = live.get(i);
      buffer.put(Range.closedOpen(region.start(), region.end()), i + 1);
    }
    TreeMap<Long, Long> blocks = new TreeMap<>();
    step.before().blocks().forEach(block -> blocks.put(block.start(), block.end()));
    for (int i = 0; i < moves.size(); i++) {
      String problem = apply(moves.get(i), granularity, capacity, blocks, buffer);
      if (problem != null) {
        return call + ", move " + i + " " + moves.get(i) + ": " + problem;
      }
    }
    for (int i = 0; i < live.size(); i++) {
      Region region = live.get(i);
      long start = plan.translate(region.start());
      long last = plan.translate(region.end() - 1);
      if (last != start + region.size() - 1) {
        return call
            + ": region "
            + region
            + " translates to start "
            + start
            + " but its last index"
            + " to "
            + last
            + ": it was split or its translation is wrong";
      }
      long missing = firstIndexWithout(buffer, start, start + region.size(), i + 1);
      if (missing >= 0) {
        return call
            + ": region "
            + region
            + " translates to "
            + start
            + ", but index "
            + missing
            + " of the copied buffer does not hold its data";
      }
    }
    if (plan.isComplete() && granularity == 1 && !isCompact(blocks)) {
      return call
          + " says it is complete, but the blocks after its moves still have gaps: "
          + blocks;
    }
    return null;
  }

  /** Copies one move in the buffer and the block map, or says why it is wrong. */
  private static @Nullable String apply(
      CompactionMove move,
      long granularity,
      long capacity,
      NavigableMap<Long, Long> blocks,
      RangeMap<Long, Integer> buffer) {
    long from = move.from();
    long to = move.to();
    long size = move.size();
    if ((from - to) % granularity != 0) {
      return "its distance is not a multiple of the granularity " + granularity;
    }
    if (move.overlapping() != (Math.abs(from - to) < size)) {
      return "overlapping() says "
          + move.overlapping()
          + ", but the ranges "
          + (move.overlapping() ? "do not overlap" : "overlap");
    }
    Long end = blocks.get(from);
    if (end == null || end != from + size) {
      return "its source is not one whole block of the moment; blocks " + blocks;
    }
    blocks.remove(from);
    Map.Entry<Long, Long> before = blocks.floorEntry(to + size - 1);
    if (to + size > capacity || (before != null && before.getValue() > to)) {
      return "its destination is not free";
    }
    copy(buffer, from, to, size);
    long start = to;
    long newEnd = to + size;
    Map.Entry<Long, Long> previous = blocks.floorEntry(to);
    if (previous != null && previous.getValue() == to) {
      start = previous.getKey();
    }
    Long next = blocks.remove(newEnd);
    if (next != null) {
      newEnd = next;
    }
    blocks.put(start, newEnd);
    return null;
  }

  /**
   * Copies {@code size} indices from {@code from} to {@code to} as {@link System#arraycopy} does,
   * overlapping ranges included: the destination ends up holding what the source held before.
   */
  private static void copy(RangeMap<Long, Integer> buffer, long from, long to, long size) {
    Map<Range<Long>, Integer> source =
        Map.copyOf(buffer.subRangeMap(Range.closedOpen(from, from + size)).asMapOfRanges());
    buffer.remove(Range.closedOpen(to, to + size));
    long shift = to - from;
    source.forEach(
        (run, region) ->
            buffer.put(
                Range.closedOpen(run.lowerEndpoint() + shift, run.upperEndpoint() + shift),
                region));
  }

  /**
   * Returns the first index of {@code [start, end)} that does not hold region {@code region}'s
   * data, or -1 if every index does. An index past the capacity never does: no move writes there.
   */
  private static long firstIndexWithout(
      RangeMap<Long, Integer> buffer, long start, long end, int region) {
    long next = start;
    for (Map.Entry<Range<Long>, Integer> run :
        buffer.subRangeMap(Range.closedOpen(start, end)).asMapOfRanges().entrySet()) {
      long runStart = run.getKey().lowerEndpoint();
      if (runStart > next) {
        return next;
      }
      if (run.getValue() != region) {
        return runStart;
      }
      next = run.getKey().upperEndpoint();
    }
    return next < end ? next : -1;
  }

  /** Tells whether the blocks are one block at 0, or none. */
  private static boolean isCompact(NavigableMap<Long, Long> blocks) {
    return blocks.isEmpty() || (blocks.size() == 1 && blocks.firstKey() == 0);
  }
}
