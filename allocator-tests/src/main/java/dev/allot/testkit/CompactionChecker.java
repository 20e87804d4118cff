package dev.allot.testkit;

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
   * Besides the buffer, the checker keeps the blocks as the plan moves them (start to end, from the
   * allocator's blocks before the call), so that each move is checked against the blocks of its
   * moment: its source must be one whole block, its destination free but for its own source. The
   * buffer spans [0, capacity), which the kit's programs keep small (ContractRun's retry limit).
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
    long[] buffer = new long[Math.toIntExact(capacity)];
    List<Region> live = step.model().liveRegions();
    for (int i = 0; i < live.size(); i++) {
      Region region = live.get(i);
      for (long index = region.start(); index < region.end(); index++) {
        buffer[(int) index] = i + 1L;
      }
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
      for (long index = start; index < start + region.size(); index++) {
        if (index >= capacity || buffer[(int) index] != i + 1) {
          return call
              + ": region "
              + region
              + " translates to "
              + start
              + ", but index "
              + index
              + " of the copied buffer does not hold its data";
        }
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
      long[] buffer) {
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
    System.arraycopy(buffer, (int) from, buffer, (int) to, (int) size);
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

  /** Tells whether the blocks are one block at 0, or none. */
  private static boolean isCompact(NavigableMap<Long, Long> blocks) {
    return blocks.isEmpty() || (blocks.size() == 1 && blocks.firstKey() == 0);
  }
}
