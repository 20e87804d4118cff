package dev.allot.tlsf;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import dev.allot.spi.Alignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TLSF placement rule written as plainly as possible, the model of {@link
 * TlsfDifferentialTest}: blocks in a {@link TreeMap}, holes found by walking it, size classes from
 * an enumerated list of class lower bounds. O(n) per call.
 *
 * <p>The rule leaves a choice (which chunk of a class comes first is the allocator's business), so
 * the model is told the subject's answer before each call ({@link #expect}) and accepts it only if
 * the rule allows it: a hole of the lowest occupied class whose every length fits; failing that, a
 * fitting hole of the request's own class or the tail; failing that, a fitting hole of a higher
 * class, none above the lowest class whose every hole fits (its first fits); failure only when the
 * tail does not fit and no class has every hole fitting. When the answer is not allowed, the model
 * answers otherwise, so the outcomes differ.
 */
final class GoodFitModel extends AbstractAllocator {

  /** The lower bound of every size class, ascending: 1..63, then 32 per power of two. */
  private static final List<Long> CLASS_BOUNDS = classBounds();

  /** Block start to block end. */
  private final TreeMap<Long, Long> blocks = new TreeMap<>();

  /** The subject's start for the next placement, or {@link #NO_ROOM} if it failed. */
  private long expected = NO_ROOM;

  GoodFitModel(long capacity) {
    super(capacity);
  }

  private static List<Long> classBounds() {
    List<Long> bounds = new ArrayList<>();
    for (long length = 1; length < 64; length++) {
      bounds.add(length);
    }
    for (int power = 6; power < 63; power++) {
      for (long step = 0; step < 32; step++) {
        bounds.add((1L << power) + step * (1L << (power - 5)));
      }
    }
    return bounds;
  }

  /** The class of a length: the position of the last class bound at or below it. */
  static int classOf(long length) {
    int found = Collections.binarySearch(CLASS_BOUNDS, length);
    return found >= 0 ? found : -found - 2;
  }

  /** The first class whose bound is at least {@code length}, or the class count if none. */
  static int firstClassAtLeast(long length) {
    int found = Collections.binarySearch(CLASS_BOUNDS, length);
    return found >= 0 ? found : -found - 1;
  }

  /**
   * Tells the model where the subject placed the next region.
   *
   * @param start the subject's start, or {@code -1} if its placement failed
   */
  void expect(long start) {
    expected = start;
  }

  @Override
  protected long place(long size) {
    return placeAligned(size, 1);
  }

  @Override
  protected long placeAligned(long size, long alignment) {
    List<Region> holes = holes();
    long span = size + (alignment - 1);
    int wanted = span < 0 ? Integer.MAX_VALUE : firstClassAtLeast(span);
    int lowest = Integer.MAX_VALUE;
    for (Region hole : holes) {
      int sizeClass = classOf(hole.size());
      if (sizeClass >= wanted) {
        lowest = Math.min(lowest, sizeClass);
      }
    }
    Region tail = holes.isEmpty() ? null : holes.get(holes.size() - 1);
    boolean tailFits =
        tail != null
            && tail.end() == getCapacity()
            && Alignment.fits(tail.start(), tail.end(), size, alignment);
    int ownClass = classOf(size);
    int surelyFound = tailFits ? ownClass : lowestClassAllFitting(holes, ownClass, size, alignment);
    List<Long> allowed = new ArrayList<>();
    for (Region hole : holes) {
      int sizeClass = classOf(hole.size());
      boolean fits = Alignment.fits(hole.start(), hole.end(), size, alignment);
      boolean isTail = hole.end() == getCapacity();
      if (lowest != Integer.MAX_VALUE
          ? sizeClass == lowest
          : fits && (sizeClass == ownClass || isTail || sizeClass <= surelyFound)) {
        allowed.add(Alignment.up(hole.start(), alignment));
      }
    }
    boolean mayFail = lowest == Integer.MAX_VALUE && !tailFits && surelyFound == Integer.MAX_VALUE;
    long start;
    if (allowed.contains(expected) || (expected == NO_ROOM && mayFail)) {
      start = expected;
    } else {
      start = allowed.isEmpty() ? NO_ROOM : allowed.get(0);
    }
    if (start != NO_ROOM) {
      putMerged(start, start + size);
    }
    return start;
  }

  /**
   * The lowest class at or above {@code ownClass} whose every hole fits the aligned request, whose
   * first hole therefore fits whichever it is, or {@link Integer#MAX_VALUE} if none.
   */
  private static int lowestClassAllFitting(
      List<Region> holes, int ownClass, long size, long alignment) {
    Map<Integer, Boolean> allFit = new TreeMap<>();
    for (Region hole : holes) {
      int sizeClass = classOf(hole.size());
      if (sizeClass >= ownClass) {
        boolean fits = Alignment.fits(hole.start(), hole.end(), size, alignment);
        allFit.merge(sizeClass, fits, Boolean::logicalAnd);
      }
    }
    for (Map.Entry<Integer, Boolean> entry : allFit.entrySet()) {
      if (entry.getValue()) {
        return entry.getKey();
      }
    }
    return Integer.MAX_VALUE;
  }

  @Override
  protected boolean supportsAlignment() {
    return true;
  }

  @Override
  protected boolean free(long start, long size) {
    long end = start + size;
    Map.Entry<Long, Long> block = blocks.floorEntry(start);
    if (block == null || block.getValue() < end) {
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
    return block == null || block.getValue() < start + size ? NO_BLOCK : block.getValue();
  }

  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    Long next = blocks.higherKey(end);
    long room = (next == null ? getCapacity() : next) - end;
    if (room < growth) {
      return false;
    }
    putMerged(blocks.floorKey(end - 1), end + growth);
    return true;
  }

  @Override
  protected long lastEnd() {
    return blocks.isEmpty() ? 0 : blocks.lastEntry().getValue();
  }

  @Override
  protected void capacityRaised(long oldCapacity) {}

  /**
   * Adds {@code [start, end)}, which may overlap only the block it grows, merging touching ones.
   */
  private void putMerged(long start, long end) {
    Map.Entry<Long, Long> before = blocks.lowerEntry(start);
    if (before != null && before.getValue() == start) {
      start = before.getKey();
    }
    Long after = blocks.remove(end);
    blocks.put(start, after == null ? end : after);
  }

  /** The free runs: before the first block, between blocks, and the tail. */
  private List<Region> holes() {
    List<Region> holes = new ArrayList<>();
    long previousEnd = 0;
    for (Map.Entry<Long, Long> block : blocks.entrySet()) {
      if (block.getKey() > previousEnd) {
        holes.add(new Region(previousEnd, block.getKey() - previousEnd));
      }
      previousEnd = block.getValue();
    }
    if (getCapacity() > previousEnd) {
      holes.add(new Region(previousEnd, getCapacity() - previousEnd));
    }
    return holes;
  }

  @Override
  public List<Region> getAllocatedRegions() {
    List<Region> regions = new ArrayList<>();
    blocks.forEach((start, end) -> regions.add(new Region(start, end - start)));
    return regions;
  }

  @Override
  public long getLargestFreeHole() {
    long largest = 0;
    for (Region hole : holes()) {
      largest = Math.max(largest, hole.size());
    }
    return largest;
  }

  @Override
  public String getStrategyName() {
    return TlsfStrategy.NAME;
  }
}
