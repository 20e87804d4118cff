package dev.allot.spi;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireEndFits;
import static dev.allot.spi.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.UnsupportedCompactionException;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A skeleton that owns the protocol of {@link Allocator}, so that a strategy supplies only where a
 * region goes, how a range is freed and how a block grows in place.
 *
 * <p>This class checks every argument with the messages of {@link AllocatorArguments}, applies the
 * call rules of {@code docs/spec/semantics.md} in their order (zero sizes, shrinking, finding the
 * block, same size, growing in place, relocating), and relocates by placing the new region while
 * the old one is still allocated and freeing the old one only afterwards, so that a relocation
 * never overlaps its source and a failed one changes nothing. It also keeps the capacity and the
 * allocated total, from which the free and fragmented sizes follow.
 *
 * <p>A subclass implements the primitive steps: {@link #place}, {@link #free}, {@link #blockEnd},
 * {@link #growInPlace}, {@link #lastEnd}, {@link #capacityRaised}, {@link #getAllocatedRegions()}
 * and {@link #getStrategyName()}; for aligned calls also {@link #placeAligned} with {@link
 * #supportsAlignment()}; for {@link #compact(long, long)} also {@link #firstGapEnd}, {@link
 * #previousEnd}, {@link #lastStart} and {@link #moveBlock} with {@link #supportsCompaction()}, and
 * optionally {@link #blockCount}, {@link #copyBlocks} and {@link #replaceBlocks} with {@link
 * #supportsBulkCompaction()} so that long passes run on a copy of the block list: the compaction
 * algorithm itself is written once, here. A primitive is called only with valid arguments and must
 * either succeed or change nothing. Subclasses are not thread-safe unless they say otherwise.
 *
 * @since 0.1.0
 */
public abstract class AbstractAllocator implements Allocator {

  /*
   * The protocol, for realloc(start, size, newSize, alignment); the unaligned call is alignment 1,
   * and "aligned" below means start % alignment == 0 (always true for alignment 1):
   *
   *   newSize == 0               -> free the region (if size > 0), return 0
   *   size == 0                  -> alloc(newSize, alignment)
   *   aligned, newSize < size    -> free the suffix, return start
   *   no block holds the region  -> bad input
   *   aligned, newSize == size   -> return start when alignment > 1 or keepsSameSizeInPlace()
   *   aligned, ends its block    -> growInPlace(end, growth, alignment) unless end + growth
   *                                 overflows, return start if it grew
   *   otherwise                  -> place the new region, then free the old one
   *
   * The shipped strategies differ only in the primitives: first-fit's growInPlace and place at
   * alignment 1 follow pyglet's quirks, best-fit's take the smallest hole. Checks come first and
   * never build an argument array unless they fail, so that a successful call allocates nothing.
   *
   * Compaction (docs/spec/semantics.md, "Compaction"), for granularity g: a "hole" is a gap of at
   * least g indices before a block (the gap before the first block counts, the tail does not).
   * Each step looks at the first hole [hs, he) and at the last block L = [ls, le):
   *
   *   fill:  t = hs + (ls - hs) % g, the lowest start in the hole congruent to ls; if L fits there
   *          (t + |L| <= he), move L to t
   *   slide: otherwise move the block B at he down by the most multiples of g the hole allows,
   *          to he - (he - hs) / g * g
   *
   * and the pass stops when no hole is left (complete) or the next move would pass the budget
   * (never before the first move). Every step moves a block down by a multiple of g, so the pass
   * ends. No index moves twice in a pass: the blocks before the first hole never move (slides take
   * the block after it, fills the last block, and neither is before it), and every move lands
   * before the next first hole (a slide leaves a gap below g in front of B; a fill leaves one in
   * front of L, and a gap of at least g behind L is the next first hole). That is what lets a
   * plan's moves be copied in order and its translation be one lookup. The plan depends only on
   * the block list, so first-fit and best-fit compact the same blocks the same way.
   *
   * Cost: one step is a handful of O(log n) primitive calls; a pass of m moves is O(m log n).
   *
   * Bulk path: a strategy that also supplies blockCount, copyBlocks and replaceBlocks lets a long
   * pass finish without the tree. Once a pass has made max(BULK_MIN_MOVES, n / BULK_FRACTION)
   * moves (n blocks), the skeleton copies the block list into arrays and runs the same steps as a
   * two-pointer walk over it, in address order:
   *
   *   front          the blocks before the first hole, written to the new list; only its end
   *                  (hs) matters to the steps, since the front never moves again
   *   next           the first copied block not in the front: the hole is [hs, start(next))
   *   last           the last copied block not moved yet: L
   *
   * A fill moves `last` into the hole and appends it to the front; a slide appends `next`; a copied
   * block whose gap from the front is below g joins the front where it is. Merges happen only in
   * the front (a move lands in front of the next first hole), so the blocks from next to last are
   * exactly the strategy's blocks there and the steps, hence the plan, are those of the step path.
   * The pass ends with one replaceBlocks of the new list. O(n) for the rest of the pass, which has
   * made at least n / BULK_FRACTION moves by then: a pass stays O(m log n) at most, and a long one
   * is O(n) instead of O(n log n) with a much smaller constant (no tree walk per move).
   *
   * Failures: a pass that fails before its first move throws, having changed nothing. After it,
   * the moves made are returned as an incomplete plan whatever fails, the Java heap included, and
   * the failure is logged: the plan of each move is built (O(1), sharing the builder's arrays)
   * before the move is made, so that returning it allocates nothing.
   */

  /** Where a pass that a failure ended says so. */
  private static final Logger LOG = LoggerFactory.getLogger(AbstractAllocator.class);

  /** The fraction of the block count after which a pass switches to the bulk path. */
  private static final int BULK_FRACTION = 64;

  /** The fewest moves after which a pass switches to the bulk path, for small block lists. */
  private static final int BULK_MIN_MOVES = 16;

  /**
   * What {@link #place} and {@link #placeAligned} return when no hole fits; no start is negative.
   */
  protected static final long NO_ROOM = -1;

  /** What {@link #blockEnd} returns when no block holds the range. */
  protected static final long NO_BLOCK = -1;

  /** The number of indices managed. */
  private long capacity;

  /** The sum of all block sizes, so that the metrics are O(1). */
  private long allocated;

  /**
   * Creates an allocator with nothing allocated.
   *
   * @param capacity the initial capacity
   * @throws IllegalArgumentException if {@code capacity} is negative, as {@code create(-5):
   *     negative number -5}
   */
  protected AbstractAllocator(long capacity) {
    requireNonNegative("create", capacity);
    this.capacity = capacity;
  }

  /**
   * Places {@code size} indices with the strategy's unaligned rule.
   *
   * @param size the number of indices, {@code > 0}
   * @return the start, or {@link #NO_ROOM} having changed nothing
   */
  protected abstract long place(long size);

  /**
   * Places {@code size} indices at a multiple of {@code alignment}; called only when {@link
   * #supportsAlignment()} is {@code true}.
   *
   * @param size the number of indices, {@code > 0}
   * @param alignment the alignment, {@code > 1}
   * @return an aligned start, or {@link #NO_ROOM} having changed nothing
   * @throws UnsupportedOperationException by default
   */
  protected long placeAligned(long size, long alignment) {
    throw new UnsupportedOperationException(getStrategyName() + " does not place aligned regions");
  }

  /**
   * Tells whether {@link #placeAligned} is implemented. When not, every call with {@code alignment
   * > 1} throws {@link UnsupportedAlignmentException} before changing anything.
   *
   * @return {@code false} by default
   */
  protected boolean supportsAlignment() {
    return false;
  }

  /**
   * Frees {@code [start, start + size)} if it lies inside one block.
   *
   * @param start the first index
   * @param size the number of indices, {@code > 0}; {@code start + size} does not overflow
   * @return {@code true} if freed, {@code false} having changed nothing if not inside one block
   */
  protected abstract boolean free(long start, long size);

  /**
   * Finds the block that holds all of {@code [start, start + size)}. The skeleton only asks whether
   * the range ends its block (compaction, to find a block's size, asks again from each answer until
   * it does), so a strategy for which a long block's end is costly to find may return any index of
   * the block past {@code start + size} instead of its end.
   *
   * @param start the first index
   * @param size the number of indices, {@code > 0}; {@code start + size} does not overflow
   * @return {@code start + size} if the range ends the block; an index past it inside the block
   *     (its end, or nearer) if not; {@link #NO_BLOCK} if no block holds the range
   */
  protected abstract long blockEnd(long start, long size);

  /**
   * Grows, by the strategy's rule, the block that ends at {@code end} by {@code growth} indices
   * into the free space after it, merging with the next block when the gap is filled exactly.
   *
   * @param end the end of the region, which is also the end of its block
   * @param growth the indices to add, {@code >= 0}; {@code end + growth} does not overflow, but may
   *     pass the capacity
   * @param alignment the call's alignment; the region's start is a multiple of it
   * @return {@code true} if the block grew, {@code false} having changed nothing if the rule says
   *     relocate
   */
  protected abstract boolean growInPlace(long end, long growth, long alignment);

  /**
   * Returns the end of the last block.
   *
   * @return that end, or {@code 0} without blocks
   */
  protected abstract long lastEnd();

  /**
   * Tells the strategy that the capacity has grown; {@link #getCapacity()} already returns the new
   * value. A strategy that throws here (say, a memory failure while it makes room for larger
   * indices) must leave its state as it was: the capacity then goes back to the old one.
   *
   * @param oldCapacity the capacity before, smaller than the new one
   */
  protected abstract void capacityRaised(long oldCapacity);

  /**
   * Tells whether an unaligned {@code realloc} to the same size keeps the region where it is.
   * pyglet's does not (it grows in place or moves, as for any growth), so first-fit answers {@code
   * false}; with alignment above 1 a same-size call always stays.
   *
   * @return {@code true} by default
   */
  protected boolean keepsSameSizeInPlace() {
    return true;
  }

  /**
   * Tells whether the compaction primitives ({@link #firstGapEnd}, {@link #previousEnd}, {@link
   * #lastStart}, {@link #moveBlock}) are implemented. When not, {@link #compact(long, long)}
   * behaves as {@link Allocator}'s default: an empty plan without fragmented space, otherwise
   * {@link UnsupportedCompactionException}.
   *
   * @return {@code false} by default
   */
  protected boolean supportsCompaction() {
    return false;
  }

  /**
   * Finds the first block, in address order, whose gap before it (from the previous block's end, or
   * from 0 for the first block) is at least {@code minGap}.
   *
   * @param minGap the gap length, {@code >= 1}
   * @return that block's start, or {@link #NO_BLOCK}
   * @throws UnsupportedOperationException by default
   */
  protected long firstGapEnd(long minGap) {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact");
  }

  /**
   * Returns the end of the block before the block that starts at {@code start}.
   *
   * @param start the start of a block
   * @return the previous block's end, or {@code 0} for the first block
   * @throws UnsupportedOperationException by default
   */
  protected long previousEnd(long start) {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact");
  }

  /**
   * Returns the start of the last block; called only when there are blocks.
   *
   * @return that start
   * @throws UnsupportedOperationException by default
   */
  protected long lastStart() {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact");
  }

  /**
   * Moves the whole block {@code [from, from + size)} to {@code [to, to + size)}, merging it with
   * the blocks it then touches. The destination is free except where it overlaps the block itself;
   * {@code to < from}. The allocated total does not change.
   *
   * @param from the block's start
   * @param size the block's size
   * @param to its new start
   * @throws UnsupportedOperationException by default
   */
  protected void moveBlock(long from, long size, long to) {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact");
  }

  /**
   * Tells whether the bulk compaction primitives ({@link #blockCount}, {@link #copyBlocks}, {@link
   * #replaceBlocks}) are implemented, so that a long {@link #compact(long, long)} pass finishes on
   * a copy of the block list and rebuilds the strategy's index once. The plan is the same either
   * way; only the cost differs.
   *
   * @return {@code false} by default
   */
  protected boolean supportsBulkCompaction() {
    return false;
  }

  /**
   * Returns the number of blocks in O(1).
   *
   * @return the block count
   * @throws UnsupportedOperationException by default
   */
  protected int blockCount() {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact in bulk");
  }

  /**
   * Copies the blocks in address order: block {@code k} is {@code [starts[k], ends[k])}.
   *
   * @param starts receives the starts, at least {@link #blockCount()} long
   * @param ends receives the ends, at least {@link #blockCount()} long
   * @throws UnsupportedOperationException by default
   */
  protected void copyBlocks(long[] starts, long[] ends) {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact in bulk");
  }

  /**
   * Replaces every block with {@code [starts[k], ends[k])} for {@code k < count}, in O(count): the
   * blocks are in address order, non-empty, never touching, hold the same allocated total and end
   * at or before the capacity.
   *
   * @param starts the new starts
   * @param ends the new ends
   * @param count the number of new blocks
   * @throws UnsupportedOperationException by default
   */
  protected void replaceBlocks(long[] starts, long[] ends, int count) {
    throw new UnsupportedOperationException(getStrategyName() + " does not compact in bulk");
  }

  /**
   * {@inheritDoc}
   *
   * <p>This skeleton plans and applies the moves with the strategy's primitives (see the design
   * comment): the same block list gives the same plan whatever the strategy. A primitive that
   * throws before the first move makes the call throw with nothing changed; one that throws later
   * ends the pass with the moves already made, an incomplete plan, so that they are never lost.
   */
  @Override
  public final CompactionPlan compact(long budget, long granularity) {
    AllocatorArguments.requireCompaction(budget, granularity);
    if (!supportsCompaction()) {
      if (getFragmentedFreeSize() == 0) {
        return CompactionPlan.empty(true);
      }
      throw new UnsupportedCompactionException(
          getStrategyName(), AllocatorArguments.describe("compact", budget, granularity));
    }
    CompactionPlan.Builder plan = CompactionPlan.builder();
    long bulkAfter =
        supportsBulkCompaction()
            ? Math.max(BULK_MIN_MOVES, blockCount() / BULK_FRACTION)
            : Long.MAX_VALUE;
    // The plan of the moves made so far, null before the first. Each move's plan is built before
    // the move is made, so that once blocks have moved nothing this method does, nor any primitive,
    // can fail without the moves reaching the caller: the blocks cannot move back, and thrown
    // away, the moves would leave the caller's data and starts out of step with them. Whatever
    // fails then (a primitive, the Java heap while the plan grows, the bulk path, which changes
    // nothing until its one replaceBlocks) ends the pass with those moves, as the budget does.
    CompactionPlan made = null;
    try {
      while (true) {
        if (plan.moveCount() >= bulkAfter) {
          return compactInBulk(plan, budget, granularity);
        }
        long holeEnd = firstGapEnd(granularity);
        if (holeEnd == NO_BLOCK) {
          return plan.build(true);
        }
        long holeStart = previousEnd(holeEnd);
        long lastStart = lastStart();
        long lastSize = lastEnd() - lastStart;
        long fillTo = fillStart(holeStart, lastStart, granularity);
        long from;
        long size;
        long to;
        if (fillTo <= holeEnd - lastSize) {
          from = lastStart;
          size = lastSize;
          to = fillTo;
        } else {
          from = holeEnd;
          size = blockSize(holeEnd);
          to = slideStart(holeStart, holeEnd, granularity);
        }
        if (made != null && size > budget - plan.movedIndices()) {
          return made;
        }
        if (to >= from) { // primitives that contradict each other: no move would ever end the pass
          throw new IllegalStateException(
              getStrategyName()
                  + ": compaction's primitives point at a move of the block at "
                  + from
                  + " to "
                  + to
                  + ", not down (firstGapEnd, previousEnd, lastStart, lastEnd or blockEnd is"
                  + " wrong)");
        }
        CompactionPlan withMove = plan.add(from, to, size).build(false);
        moveBlock(from, size, to);
        made = withMove;
      }
    } catch (RuntimeException | Error e) {
      if (made == null) {
        throw e; // nothing has moved
      }
      // The failure is not the caller's to handle: the moves are made and returned. Told, so that
      // a strategy's bug does not pass unseen; the report itself may fail for want of the heap.
      reportEndedPass(made, e);
      return made;
    }
  }

  /**
   * Logs that {@code failure} ended a compaction pass after the moves of {@code made}, which the
   * call returns. Never throws: short of heap, the report is what gives way, not the moves.
   */
  private void reportEndedPass(CompactionPlan made, Throwable failure) {
    try {
      LOG.warn(
          "compact on {} ended after {} moves, returned as an incomplete plan: {}",
          getStrategyName(),
          made.moves().size(),
          failure.toString(),
          failure);
    } catch (RuntimeException | Error e) {
      // a logger that fails, or no heap left to format the message: the plan still goes back
    }
  }

  /**
   * Goes on with a pass on a copy of the block list, then replaces the strategy's blocks with the
   * result (the bulk path of the design comment); the steps are those of the step path.
   */
  private CompactionPlan compactInBulk(CompactionPlan.Builder plan, long budget, long granularity) {
    int count = blockCount();
    long[] starts = new long[count];
    long[] ends = new long[count];
    copyBlocks(starts, ends);
    BlockList front = new BlockList(count);
    int next = 0;
    int last = count - 1;
    boolean complete;
    while (true) {
      while (next <= last && starts[next] - front.end() < granularity) {
        front.append(starts[next], ends[next]);
        next++;
      }
      if (next > last) {
        complete = true;
        break;
      }
      long holeStart = front.end();
      long holeEnd = starts[next];
      long lastSize = ends[last] - starts[last];
      long fillTo = fillStart(holeStart, starts[last], granularity);
      boolean fill = fillTo <= holeEnd - lastSize;
      long from = fill ? starts[last] : holeEnd;
      long size = fill ? lastSize : ends[next] - holeEnd;
      long to = fill ? fillTo : slideStart(holeStart, holeEnd, granularity);
      if (plan.moveCount() > 0 && size > budget - plan.movedIndices()) {
        complete = false;
        break;
      }
      plan.add(from, to, size);
      front.append(to, to + size);
      if (fill) {
        last--;
      } else {
        next++;
      }
    }
    for (; next <= last; next++) {
      front.append(starts[next], ends[next]);
    }
    CompactionPlan result = plan.build(complete); // before the change: nothing may fail after it
    replaceBlocks(front.starts, front.ends, front.count);
    return result;
  }

  /**
   * The size of the block that starts at {@code start}. {@link #blockEnd} may answer an index short
   * of the end for a range that does not end its block, and a slide that took that answer as the
   * end moved part of a block, splitting the regions in it; so ask again from each answer until the
   * range ends the block (one call more than before for a strategy that answers the end).
   */
  private long blockSize(long start) {
    long size = 1;
    long end = blockEnd(start, size);
    while (end > start + size) {
      size = end - start;
      end = blockEnd(start, size);
    }
    return size;
  }

  /** The lowest start in a hole from {@code holeStart} congruent to {@code lastStart}: a fill. */
  private static long fillStart(long holeStart, long lastStart, long granularity) {
    return holeStart + (lastStart - holeStart) % granularity;
  }

  /** Where a slide puts the block at {@code holeEnd}: down by the most multiples of g. */
  private static long slideStart(long holeStart, long holeEnd, long granularity) {
    return holeEnd - (holeEnd - holeStart) / granularity * granularity;
  }

  /** The new block list of a bulk pass, in address order; a block that touches the last merges. */
  private static final class BlockList {
    final long[] starts;
    final long[] ends;
    int count;

    BlockList(int capacity) {
      starts = new long[capacity];
      ends = new long[capacity];
    }

    /** Returns the end of the last block, 0 when empty. */
    long end() {
      return count == 0 ? 0 : ends[count - 1];
    }

    void append(long start, long end) {
      if (count > 0 && ends[count - 1] == start) {
        ends[count - 1] = end;
      } else {
        starts[count] = start;
        ends[count] = end;
        count++;
      }
    }
  }

  @Override
  public final long alloc(long size) {
    requireNonNegative("alloc", size);
    if (size == 0) {
      return 0;
    }
    long start = place(size);
    if (start == NO_ROOM) {
      throw noRoom(size, 1, "alloc", size);
    }
    allocated += size;
    return start;
  }

  @Override
  public final long alloc(long size, long alignment) {
    requireNonNegative("alloc", size, alignment);
    if (alignment < 1) {
      AllocatorArguments.requireAlignment(alignment, "alloc", size, alignment);
    }
    if (alignment > 1 && !supportsAlignment()) {
      throw new UnsupportedAlignmentException(
          getStrategyName(), AllocatorArguments.describe("alloc", size, alignment));
    }
    if (size == 0) {
      return 0;
    }
    long start = placeAny(size, alignment);
    if (start == NO_ROOM) {
      throw noRoom(size, alignment, "alloc", size, alignment);
    }
    allocated += size;
    return start;
  }

  /** Places {@code size > 0} indices by the rule for {@code alignment}; the caller counts them. */
  private long placeAny(long size, long alignment) {
    return alignment == 1 ? place(size) : placeAligned(size, alignment);
  }

  /**
   * Tells whether a placement of {@code size} at {@code alignment} that finds no room would be
   * rejected as bad input instead of failing for memory: the capacity it would need, {@code
   * up(lastEnd, alignment) + size}, passes {@link Long#MAX_VALUE}, so no growth can serve it. A
   * strategy whose search may pass over a fitting hole (a good fit) must then look at every hole
   * before it answers {@link #NO_ROOM}: a call that fits is never bad input.
   *
   * @param size the size, {@code > 0}
   * @param alignment the alignment, {@code >= 1}
   * @return whether the needed capacity passes {@link Long#MAX_VALUE}
   */
  protected final boolean neededCapacityOverflows(long size, long alignment) {
    long base = Alignment.up(lastEnd(), alignment);
    return base == Alignment.OVERFLOW || base > Long.MAX_VALUE - size;
  }

  /**
   * The failure of a placement: memory with the capacity that suffices ({@code up(lastEnd) +
   * size}), or bad input when that would pass {@link Long#MAX_VALUE}.
   */
  private RuntimeException noRoom(long size, long alignment, String call, long... args) {
    long base = AllocatorArguments.alignUp(lastEnd(), alignment, call, args);
    requireEndFits(base, size, call, args);
    return new AllocatorMemoryException(base + size, getLargestFreeHole(), getFragmentedFreeSize());
  }

  @Override
  public final void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0) {
      requireEndFits(start, size, "dealloc", start, size);
      if (!free(start, size)) {
        throw notAllocated(start, size, "dealloc", start, size);
      }
      allocated -= size;
    }
  }

  @Override
  public final long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    return resize(start, size, newSize, 1, false);
  }

  @Override
  public final long realloc(long start, long size, long newSize, long alignment) {
    requireNonNegative("realloc", start, size, newSize, alignment);
    if (alignment < 1) {
      AllocatorArguments.requireAlignment(alignment, "realloc", start, size, newSize, alignment);
    }
    if (alignment > 1 && !supportsAlignment()) {
      throw new UnsupportedAlignmentException(
          getStrategyName(),
          AllocatorArguments.describe("realloc", start, size, newSize, alignment));
    }
    return resize(start, size, newSize, alignment, true);
  }

  /**
   * The rules of realloc (see the design comment). {@code explicit} tells whether the user passed
   * the alignment, so that a message names the call as it was made; the argument array is built
   * only on failure.
   */
  private long resize(long start, long size, long newSize, long alignment, boolean explicit) {
    if (newSize == 0) {
      if (size != 0) {
        requireRegionEnd(start, size, newSize, alignment, explicit);
        if (!free(start, size)) {
          throw notAllocated(
              start, size, "realloc", args(start, size, newSize, alignment, explicit));
        }
        allocated -= size;
      }
      return 0;
    }
    if (size == 0) {
      return relocate(start, size, newSize, alignment, explicit);
    }
    requireRegionEnd(start, size, newSize, alignment, explicit);
    boolean aligned = Alignment.isAligned(start, alignment);
    if (aligned && newSize < size) {
      if (!free(start + newSize, size - newSize)) {
        throw notAllocated(
            start + newSize,
            size - newSize,
            "realloc",
            args(start, size, newSize, alignment, explicit));
      }
      allocated -= size - newSize;
      return start;
    }
    long blockEnd = blockEnd(start, size);
    if (blockEnd == NO_BLOCK) {
      throw notAllocated(start, size, "realloc", args(start, size, newSize, alignment, explicit));
    }
    if (aligned && newSize == size && (alignment > 1 || keepsSameSizeInPlace())) {
      return start;
    }
    long end = start + size;
    // A growth past Long.MAX_VALUE cannot fit in place (no capacity reaches there), so the
    // primitive is not asked: it may then compute end + growth without overflow, as free and
    // blockEnd may compute start + size.
    if (aligned
        && end == blockEnd
        && newSize - size <= Long.MAX_VALUE - end
        && growInPlace(end, newSize - size, alignment)) {
      allocated += newSize - size;
      return start;
    }
    return relocate(start, size, newSize, alignment, explicit);
  }

  /**
   * Places {@code newSize} indices while the old region is still allocated, so that the two never
   * overlap, then frees the old region (nothing to free when {@code size} is 0).
   */
  private long relocate(long start, long size, long newSize, long alignment, boolean explicit) {
    long result = placeAny(newSize, alignment);
    if (result == NO_ROOM) {
      throw noRoom(newSize, alignment, "realloc", args(start, size, newSize, alignment, explicit));
    }
    allocated += newSize;
    if (size != 0) {
      // The old region lies in a block that the placement did not touch, so the free finds it; it
      // can still fail for want of the heap (a cut needs a new node), and then the placement is
      // taken back, so that the call changes nothing. Freeing a range just placed removes or
      // shrinks a block, which needs no new node, unless the placement joined two blocks.
      try {
        free(start, size);
      } catch (RuntimeException | Error e) {
        undoPlacement(result, newSize, e);
        throw e;
      }
      allocated -= size;
    }
    return result;
  }

  /**
   * Takes back a relocation's placement of {@code [start, start + size)} after the free of the old
   * region failed with {@code failure}; a failure of this free too is added to it as suppressed,
   * the placement then kept.
   */
  private void undoPlacement(long start, long size, Throwable failure) {
    try {
      free(start, size);
      allocated -= size;
    } catch (RuntimeException | Error undo) {
      failure.addSuppressed(undo);
    }
  }

  /** Checks that {@code start + size} does not pass {@link Long#MAX_VALUE}. */
  private static void requireRegionEnd(
      long start, long size, long newSize, long alignment, boolean explicit) {
    if (start > Long.MAX_VALUE - size) {
      requireEndFits(start, size, "realloc", args(start, size, newSize, alignment, explicit));
    }
  }

  /** The arguments of a realloc call as the user made it, for a message. */
  private static long[] args(
      long start, long size, long newSize, long alignment, boolean explicit) {
    return explicit
        ? new long[] {start, size, newSize, alignment}
        : new long[] {start, size, newSize};
  }

  @Override
  public final long getCapacity() {
    return capacity;
  }

  @Override
  public final void setCapacity(long capacity) {
    AllocatorArguments.requireNoShrink(this.capacity, capacity);
    if (capacity != this.capacity) {
      long oldCapacity = this.capacity;
      this.capacity = capacity;
      try {
        capacityRaised(oldCapacity);
      } catch (RuntimeException | Error e) {
        this.capacity = oldCapacity; // the strategy kept its old state: so does the capacity
        throw e;
      }
    }
  }

  @Override
  public final long getFreeSize() {
    return capacity - allocated;
  }

  @Override
  public final long getFragmentedFreeSize() {
    return lastEnd() - allocated;
  }

  @Override
  public final boolean isEmpty() {
    return allocated == 0;
  }

  /**
   * Names the strategy, the capacity and the blocks as trace replay prints them.
   *
   * @return for example {@code first-fit[capacity=6, blocks=0:1,3:1]}
   */
  @Override
  public String toString() {
    StringJoiner blocks = new StringJoiner(",", "[capacity=" + capacity + ", blocks=", "]");
    getAllocatedRegions().forEach(region -> blocks.add(region.start() + ":" + region.size()));
    return getStrategyName() + blocks;
  }
}
