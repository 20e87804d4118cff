package dev.allot.spi;

import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The smallest strategy on the skeleton that compacts: blocks in a {@link TreeMap}, the lowest hole
 * that fits, no in-place growth. Its primitives are obvious, so tests of the skeleton's own rules
 * (compaction planning, counters) fail only for the skeleton.
 */
class TreeMapAllocator extends AbstractAllocator {

  /** Block start to block end. */
  private final TreeMap<Long, Long> blocks = new TreeMap<>();

  TreeMapAllocator(long capacity) {
    super(capacity);
  }

  @Override
  protected long place(long size) {
    long previousEnd = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() - previousEnd >= size) {
        claim(previousEnd, size);
        return previousEnd;
      }
      previousEnd = block.getValue();
    }
    if (getCapacity() - previousEnd < size) {
      return NO_ROOM;
    }
    claim(previousEnd, size);
    return previousEnd;
  }

  /** Marks a free range allocated, merging with the blocks it touches. */
  private void claim(long start, long size) {
    long end = start + size;
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
    Map.Entry<Long, Long> block = blocks.floorEntry(start);
    long end = start + size;
    if (block == null || end > block.getValue()) {
      return false;
    }
    blocks.remove(block.getKey());
    if (block.getKey() < start) {
      blocks.put(block.getKey(), start);
    }
    if (end < block.getValue()) {
      blocks.put(end, block.getValue());
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
    return false;
  }

  @Override
  protected long lastEnd() {
    return blocks.isEmpty() ? 0 : blocks.lastEntry().getValue();
  }

  @Override
  protected void capacityRaised(long oldCapacity) {}

  @Override
  protected boolean supportsCompaction() {
    return true;
  }

  @Override
  protected long firstGapEnd(long minGap) {
    long previousEnd = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() - previousEnd >= minGap) {
        return block.getKey();
      }
      previousEnd = block.getValue();
    }
    return NO_BLOCK;
  }

  @Override
  protected long previousEnd(long start) {
    Map.Entry<Long, Long> before = blocks.lowerEntry(start);
    return before == null ? 0 : before.getValue();
  }

  @Override
  protected long lastStart() {
    return blocks.lastKey();
  }

  @Override
  protected void moveBlock(long from, long size, long to) {
    free(from, size);
    claim(to, size);
  }

  @Override
  public List<Region> getAllocatedRegions() {
    List<Region> regions = new ArrayList<>();
    blocks.forEach((start, end) -> regions.add(new Region(start, end - start)));
    return List.copyOf(regions);
  }

  @Override
  public String getStrategyName() {
    return "tree-map";
  }
}
