package dev.allot.examples;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Worst-fit: every region goes at the start of the <em>largest</em> hole (ties: the lowest start),
 * on the theory that the piece left over stays big enough to be useful. A region grows in place
 * when the hole after it is large enough, as in best-fit.
 *
 * <p>It shows how little a strategy written on {@link AbstractAllocator} supplies: where a region
 * goes ({@link #place}), how a range is freed ({@link #free}), how a block grows in place ({@link
 * #growInPlace}), and three lookups. The skeleton does the rest: the argument checks and their
 * messages, the order of the {@code realloc} rules, relocation that places before it frees, the
 * metrics, and the memory failure with the capacity that suffices.
 *
 * <pre>
 * blocks (start -> end) in a TreeMap, sorted by start, never touching:
 *
 *   |###|-----|####|--|######|----------|
 *   0   3     8   12 14     20          30 = capacity
 *        hole 5       hole 2  tail 10  <- alloc(4) goes to 20, the tail
 * </pre>
 *
 * <p>Written for clarity, not speed: {@code alloc} scans every hole ({@code O(n)}), the rest is
 * {@code O(log n)} on the map. Not thread-safe.
 */
final class WorstFitAllocator extends AbstractAllocator {

  /** The strategy name. */
  static final String NAME = "worst-fit";

  /** Allocated blocks, start to end. */
  private final TreeMap<Long, Long> blocks = new TreeMap<>();

  WorstFitAllocator(long capacity) {
    super(capacity);
  }

  @Override
  protected long place(long size) {
    long bestStart = NO_ROOM;
    long bestLength = size - 1; // a hole must be at least size long, and beat the best so far
    long holeStart = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() - holeStart > bestLength) {
        bestStart = holeStart;
        bestLength = block.getKey() - holeStart;
      }
      holeStart = block.getValue();
    }
    if (getCapacity() - holeStart > bestLength) {
      bestStart = holeStart;
    }
    if (bestStart != NO_ROOM) {
      occupy(bestStart, bestStart + size);
    }
    return bestStart;
  }

  /** Marks the free range {@code [start, end)} allocated, merging it with the blocks it touches. */
  private void occupy(long start, long end) {
    Map.Entry<Long, Long> before = blocks.lowerEntry(start);
    Long after = blocks.remove(end);
    long newEnd = after == null ? end : after;
    if (before != null && before.getValue() == start) {
      blocks.put(before.getKey(), newEnd);
    } else {
      blocks.put(start, newEnd);
    }
  }

  @Override
  protected boolean free(long start, long size) {
    long end = start + size;
    long blockEnd = blockEnd(start, size);
    if (blockEnd == NO_BLOCK) {
      return false;
    }
    long blockStart = blocks.floorKey(start);
    blocks.remove(blockStart);
    if (blockStart < start) {
      blocks.put(blockStart, start);
    }
    if (end < blockEnd) {
      blocks.put(end, blockEnd);
    }
    return true;
  }

  @Override
  protected long blockEnd(long start, long size) {
    Map.Entry<Long, Long> block = blocks.floorEntry(start);
    return block == null || start + size > block.getValue() ? NO_BLOCK : block.getValue();
  }

  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    Long next = blocks.higherKey(end);
    long holeEnd = next == null ? getCapacity() : next;
    if (holeEnd - end < growth) {
      return false;
    }
    occupy(end, end + growth);
    return true;
  }

  @Override
  protected long lastEnd() {
    return blocks.isEmpty() ? 0 : blocks.lastEntry().getValue();
  }

  /** Nothing to do: the tail is measured from the capacity when holes are scanned. */
  @Override
  protected void capacityRaised(long oldCapacity) {}

  @Override
  public List<Region> getAllocatedRegions() {
    List<Region> regions = new ArrayList<>(blocks.size());
    blocks.forEach((start, end) -> regions.add(new Region(start, end - start)));
    return List.copyOf(regions);
  }

  @Override
  public String getStrategyName() {
    return NAME;
  }
}
