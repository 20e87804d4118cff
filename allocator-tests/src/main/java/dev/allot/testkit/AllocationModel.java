package dev.allot.testkit;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.allot.Region;
import dev.allot.spi.Alignment;
import dev.allot.spi.AllocatorArguments;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The independent model an allocator is checked against: the allocated space as a Guava {@link
 * TreeRangeSet} (which coalesces touching ranges, so its ranges are exactly the block list the spec
 * demands), the capacity, and the regions callers hold. It shares no code with any strategy.
 *
 * <pre>
 *   capacity 16, callers hold [0,3) [3,5) [9,12):
 *
 *   index      0123456789012345
 *   allocated  #####----###----     blocks 0:5, 9:3 (touching caller regions merge)
 *   holes           ^^^^   ^^^^     5:4 (a gap), 12:4 (the tail)
 * </pre>
 *
 * <p>Knows which calls are bad input ({@link #validity(TraceOperation)}) and how a successful call
 * changes allocated space ({@link #apply(RangeSet, TraceOperation, long)}). It does not know where
 * a strategy places regions: the run tells it ({@link #record(TraceOperation, long)}). Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class AllocationModel {

  private final RangeSet<Long> allocated = TreeRangeSet.create();
  private final List<Region> live = new ArrayList<>();
  private long capacity;

  /**
   * Creates the model of an empty allocator.
   *
   * @param capacity the capacity, {@code >= 0}
   */
  public AllocationModel(long capacity) {
    AllocatorArguments.requireNonNegative("AllocationModel", capacity);
    this.capacity = capacity;
  }

  /**
   * Returns the capacity.
   *
   * @return the capacity
   */
  public long capacity() {
    return capacity;
  }

  /**
   * Returns the coalesced allocated space, which is what {@code getAllocatedRegions()} must return.
   *
   * @return the blocks in address order
   */
  public List<Region> blocks() {
    return regions(allocated);
  }

  /**
   * Returns the regions callers hold: what {@code alloc} and {@code realloc} returned, less what
   * was freed since. They never overlap; touching ones lie in one block.
   *
   * @return the live regions, oldest first
   */
  public List<Region> liveRegions() {
    return List.copyOf(live);
  }

  /**
   * Returns the free holes: the gap before the first block, the gaps between blocks and the tail up
   * to the capacity, each non-empty.
   *
   * @return the holes in address order
   */
  public List<Region> holes() {
    List<Region> holes = new ArrayList<>();
    long previousEnd = 0;
    for (Range<Long> block : allocated.asRanges()) {
      if (block.lowerEndpoint() > previousEnd) {
        holes.add(new Region(previousEnd, block.lowerEndpoint() - previousEnd));
      }
      previousEnd = block.upperEndpoint();
    }
    if (capacity > previousEnd) {
      holes.add(new Region(previousEnd, capacity - previousEnd));
    }
    return holes;
  }

  /**
   * Returns the number of allocated indices.
   *
   * @return the allocated total
   */
  public long allocatedSize() {
    long total = 0;
    for (Range<Long> block : allocated.asRanges()) {
      total += block.upperEndpoint() - block.lowerEndpoint();
    }
    return total;
  }

  /**
   * Returns {@code freeSize} by the spec: every unused index.
   *
   * @return {@code capacity - allocatedSize()}
   */
  public long freeSize() {
    return capacity - allocatedSize();
  }

  /**
   * Returns {@code fragmentedFreeSize} by the spec: the gap before the first block plus the gaps
   * between blocks, {@code 0} when empty.
   *
   * @return the fragmented free size
   */
  public long fragmentedFreeSize() {
    return allocated.isEmpty() ? 0 : allocated.span().upperEndpoint() - allocatedSize();
  }

  /**
   * Returns the longest hole, tail included.
   *
   * @return the largest free hole, {@code 0} when nothing is free
   */
  public long largestFreeHole() {
    long largest = 0;
    for (Region hole : holes()) {
      largest = Math.max(largest, hole.size());
    }
    return largest;
  }

  /**
   * Tells whether {@code [start, start + size)} overlaps allocated space outside {@code except}.
   *
   * @param start the first index, {@code >= 0}
   * @param size the length, {@code > 0}
   * @param except a range to disregard, e.g. the old range of a region being resized
   * @return {@code true} if the range overlaps some other allocated index
   */
  public boolean overlapsAllocated(long start, long size, Region except) {
    return !allocatedOverlap(start, size, except).isEmpty();
  }

  /**
   * The allocated space that {@code [start, start + size)} overlaps outside {@code except}, for a
   * message that names what a misplaced region hit.
   */
  List<Region> allocatedOverlap(long start, long size, Region except) {
    RangeSet<Long> hit = TreeRangeSet.create(allocated.subRangeSet(range(start, size)));
    if (except.size() > 0) {
      hit.remove(range(except.start(), except.size()));
    }
    return regions(hit);
  }

  /**
   * The live regions that share an index with one of {@code ranges}, in the order callers got them.
   */
  List<Region> liveRegionsOverlapping(List<Region> ranges) {
    List<Region> hit = new ArrayList<>();
    for (Region region : live) {
      for (Region range : ranges) {
        if (region.start() < range.end() && range.start() < region.end()) {
          hit.add(region);
          break;
        }
      }
    }
    return hit;
  }

  /**
   * Judges a call's input as the spec does: negative numbers, an alignment below 1, ranges that
   * overflow or lie in no single block, and a shrinking capacity are bad input.
   *
   * @param operation an {@code alloc}, {@code dealloc}, {@code realloc} or {@code set_capacity}
   * @return the validity of the call in the current state
   * @throws IllegalArgumentException for an operation that is not a call on an allocator
   */
  public CallValidity validity(TraceOperation operation) {
    long a = operation.first();
    long b = operation.second();
    long c = operation.third();
    long alignment = operation.alignment();
    if (alignment < 1) {
      return CallValidity.INVALID;
    }
    return switch (operation.kind()) {
      case ALLOC, ALIGNED_ALLOC -> a < 0 ? CallValidity.INVALID : placementValidity(a, alignment);
      case DEALLOC -> a < 0 || b < 0 ? CallValidity.INVALID : releaseValidity(a, b);
      case REALLOC, ALIGNED_REALLOC ->
          a < 0 || b < 0 || c < 0 ? CallValidity.INVALID : reallocValidity(a, b, c, alignment);
      case SET_CAPACITY -> a < capacity ? CallValidity.INVALID : CallValidity.VALID;
      case COMPACT -> a < 0 || b < 1 ? CallValidity.INVALID : CallValidity.VALID;
      case CAPACITY, MALFORMED ->
          throw new IllegalArgumentException(
              "not a call on an allocator: " + operation.toTraceLine());
    };
  }

  private CallValidity reallocValidity(long start, long size, long newSize, long alignment) {
    if (newSize == 0) {
      return releaseValidity(start, size);
    }
    if (size == 0) {
      return placementValidity(newSize, alignment);
    }
    if (start > Long.MAX_VALUE - size) {
      return CallValidity.INVALID;
    }
    if (newSize < size && start % alignment == 0) {
      return releaseValidity(start + newSize, size - newSize);
    }
    return encloses(start, size) ? placementValidity(newSize, alignment) : CallValidity.INVALID;
  }

  /**
   * A placement of {@code size} may need a capacity past {@link Long#MAX_VALUE} (at most {@code
   * capacity + alignment - 1 + size}) only when huge; even then, a call that some hole holds at an
   * aligned start is good input: the spec rejects a placement only when no hole fits, and a
   * strategy that passes such a hole over must find it before it calls the call bad.
   */
  private CallValidity placementValidity(long size, long alignment) {
    boolean huge =
        size > Long.MAX_VALUE - capacity || alignment - 1 > Long.MAX_VALUE - capacity - size;
    return huge && !someHoleHolds(size, alignment) ? CallValidity.UNDECIDED : CallValidity.VALID;
  }

  private boolean someHoleHolds(long size, long alignment) {
    for (Region hole : holes()) {
      if (Alignment.fits(hole.start(), hole.end(), size, alignment)) {
        return true;
      }
    }
    return false;
  }

  private CallValidity releaseValidity(long start, long size) {
    if (size == 0) {
      return CallValidity.VALID;
    }
    if (start > Long.MAX_VALUE - size) {
      return CallValidity.INVALID;
    }
    return encloses(start, size) ? CallValidity.VALID : CallValidity.INVALID;
  }

  private boolean encloses(long start, long size) {
    return allocated.encloses(range(start, size));
  }

  /**
   * Records a call that succeeded with good input: updates allocated space, the live regions and
   * the capacity.
   *
   * @param operation the call, whose {@link #validity(TraceOperation)} was not {@code INVALID}
   * @param result what {@code alloc}/{@code realloc} returned; ignored for the others
   */
  public void record(TraceOperation operation, long result) {
    if (operation.kind() == OperationKind.SET_CAPACITY) {
      capacity = operation.first();
      return;
    }
    for (Region freed : freed(operation, result)) {
      allocated.remove(range(freed.start(), freed.size()));
      subtractFromLive(freed);
    }
    Region placed = placed(operation, result);
    if (placed.size() > 0) {
      allocated.add(range(placed.start(), placed.size()));
      subtractFromLive(placed); // keeps the live list disjoint when a broken strategy overlaps
      live.add(placed);
    }
  }

  /**
   * Applies the change a successful call makes to a set of allocated ranges: what {@link
   * #freed(TraceOperation, long)} names leaves, what {@link #placed(TraceOperation, long)} names
   * joins.
   *
   * @param space the allocated ranges, changed in place
   * @param operation the call, with good input
   * @param result what the call returned
   */
  public static void apply(RangeSet<Long> space, TraceOperation operation, long result) {
    for (Region freed : freed(operation, result)) {
      space.remove(range(freed.start(), freed.size()));
    }
    Region placed = placed(operation, result);
    if (placed.size() > 0) {
      space.add(range(placed.start(), placed.size()));
    }
  }

  /**
   * Returns the ranges a successful call frees. A {@code realloc} that shrinks in place frees its
   * tail; one that moves, or grows, gives up its whole old range (growing in place takes it back
   * with the new one).
   *
   * @param operation the call, with good input
   * @param result what the call returned
   * @return the freed ranges, possibly none
   */
  public static List<Region> freed(TraceOperation operation, long result) {
    long start = operation.first();
    long size = operation.second();
    long newSize = operation.third();
    return switch (operation.kind()) {
      case DEALLOC -> size == 0 ? List.of() : List.of(new Region(start, size));
      case REALLOC, ALIGNED_REALLOC -> {
        if (size == 0) {
          yield List.of();
        }
        if (shrunkInPlace(operation, result)) {
          yield List.of(new Region(start + newSize, size - newSize));
        }
        yield List.of(new Region(start, size));
      }
      default -> List.of();
    };
  }

  /**
   * Returns the region a successful call hands out. A {@code realloc} that shrinks in place hands
   * out nothing: the spec's rule only frees the tail and leaves {@code [start, start + newSize)} as
   * it was, allocated or not (only the tail must lie in a block).
   *
   * @param operation the call, with good input
   * @param result what the call returned
   * @return {@code [result, result + size)} for {@code alloc} and {@code realloc}; an empty region
   *     at 0 for the others, for size 0 and for a {@code realloc} shrunk in place
   */
  public static Region placed(TraceOperation operation, long result) {
    return switch (operation.kind()) {
      case ALLOC, ALIGNED_ALLOC ->
          operation.first() == 0 ? new Region(0, 0) : new Region(result, operation.first());
      case REALLOC, ALIGNED_REALLOC ->
          operation.third() == 0 || shrunkInPlace(operation, result)
              ? new Region(0, 0)
              : new Region(result, operation.third());
      default -> new Region(0, 0);
    };
  }

  /**
   * Records a compaction: every live region moves to where {@code translate} sends its start, and
   * the allocated space becomes their union.
   *
   * @param translate the plan's translation of an old index
   */
  public void compacted(LongUnaryOperator translate) {
    List<Region> moved = new ArrayList<>(live.size());
    for (Region region : live) {
      moved.add(new Region(translate.applyAsLong(region.start()), region.size()));
    }
    live.clear();
    live.addAll(moved);
    allocated.clear();
    for (Region region : moved) {
      allocated.add(range(region.start(), region.size()));
    }
  }

  /** Tells whether a successful {@code realloc} shrank its region in place, freeing the tail. */
  private static boolean shrunkInPlace(TraceOperation operation, long result) {
    long newSize = operation.third();
    return newSize > 0 && newSize < operation.second() && result == operation.first();
  }

  private void subtractFromLive(Region freed) {
    List<Region> kept = new ArrayList<>(live.size() + 1);
    for (Region region : live) {
      if (region.end() <= freed.start() || freed.end() <= region.start()) {
        kept.add(region);
        continue;
      }
      if (region.start() < freed.start()) {
        kept.add(new Region(region.start(), freed.start() - region.start()));
      }
      if (freed.end() < region.end()) {
        kept.add(new Region(freed.end(), region.end() - freed.end()));
      }
    }
    live.clear();
    live.addAll(kept);
  }

  /**
   * Returns the blocks of a set of allocated ranges.
   *
   * @param space coalesced ranges, closed-open
   * @return the ranges as regions in address order
   */
  public static List<Region> regions(RangeSet<Long> space) {
    List<Region> regions = new ArrayList<>();
    for (Range<Long> block : space.asRanges()) {
      regions.add(new Region(block.lowerEndpoint(), block.upperEndpoint() - block.lowerEndpoint()));
    }
    return regions;
  }

  /**
   * Returns the set of ranges a block list covers.
   *
   * @param blocks regions, possibly touching
   * @return their coalesced union
   */
  public static RangeSet<Long> space(List<Region> blocks) {
    RangeSet<Long> space = TreeRangeSet.create();
    for (Region block : blocks) {
      if (block.size() > 0) {
        space.add(range(block.start(), block.size()));
      }
    }
    return space;
  }

  private static Range<Long> range(long start, long size) {
    return Range.closedOpen(start, start + size);
  }
}
