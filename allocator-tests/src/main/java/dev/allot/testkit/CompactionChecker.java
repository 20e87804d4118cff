package dev.allot.testkit;

import com.google.common.collect.Range;
import com.google.common.collect.RangeMap;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeMap;
import com.google.common.collect.TreeRangeSet;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#COMPACTION} after each {@code compact(budget, granularity)}: a good call
 * must return a plan. The checker simulates the caller's buffer, where every index of a live region
 * holds that region's number, copies the plan's moves into it in order as {@link System#arraycopy}
 * does (each down, by a multiple of the granularity, of one whole block, to free space, no index
 * twice), and then finds every region through the plan's translation with its data intact; a plan
 * that says it is complete must leave no hole of the granularity.
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
    if (step.operation().kind() != OperationKind.COMPACT) {
      return null;
    }
    CompactionPlan plan = step.plan();
    if (plan == null) {
      // A strategy that declares compaction answers every good call with a plan; one that left
      // the primitives off throws UnsupportedCompactionException here.
      return step.validity() == CallValidity.VALID
          ? step.call() + " gave no plan: " + step.result().detail()
          : null;
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
    RangeSet<Long> written = TreeRangeSet.create();
    for (int i = 0; i < moves.size(); i++) {
      String problem = apply(moves.get(i), granularity, capacity, blocks, buffer, written);
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
    long hole = firstHoleEnd(blocks, granularity);
    if (plan.isComplete() && hole >= 0) {
      return call
          + " says it is complete, but after its moves a gap of "
          + granularity
          + " or more still ends at block "
          + hole
          + ": blocks "
          + text(blocks);
    }
    return null;
  }

  /**
   * Returns the start of the first block with a gap of at least {@code granularity} before it (from
   * the previous block's end, or from 0): the end of the first hole of the spec, or -1 when there
   * is none, the end state.
   */
  private static long firstHoleEnd(NavigableMap<Long, Long> blocks, long granularity) {
    long previousEnd = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() - previousEnd >= granularity) {
        return block.getKey();
      }
      previousEnd = block.getValue();
    }
    return -1;
  }

  /** The blocks of the moment as {@code start:size}, as every message of the kit writes them. */
  private static String text(NavigableMap<Long, Long> blocks) {
    List<Region> regions = new ArrayList<>();
    blocks.forEach((start, end) -> regions.add(new Region(start, end - start)));
    return RegionText.of(regions);
  }

  /** Copies one move in the buffer and the block map, or says why it is wrong. */
  private static @Nullable String apply(
      CompactionMove move,
      long granularity,
      long capacity,
      NavigableMap<Long, Long> blocks,
      RangeMap<Long, Integer> buffer,
      RangeSet<Long> written) {
    long from = move.from();
    long to = move.to();
    long size = move.size();
    if (to >= from) {
      return "it does not move the block down";
    }
    if ((from - to) % granularity != 0) {
      return "its distance is not a multiple of the granularity " + granularity;
    }
    if (written.intersects(Range.closedOpen(from, from + size))) {
      return "it moves indices an earlier move of the call wrote: no index moves twice in a call";
    }
    if (move.overlapping() != (Math.abs(from - to) < size)) {
      return "overlapping() says "
          + move.overlapping()
          + ", but the ranges "
          + (move.overlapping() ? "do not overlap" : "overlap");
    }
    Long end = blocks.get(from);
    if (end == null || end != from + size) {
      return "its source is not one whole block of the moment; blocks " + text(blocks);
    }
    blocks.remove(from);
    Map.Entry<Long, Long> before = blocks.floorEntry(to + size - 1);
    if (to + size > capacity || (before != null && before.getValue() > to)) {
      return "its destination is not free";
    }
    copy(buffer, from, to, size);
    written.add(Range.closedOpen(to, to + size));
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
}
