package dev.allot.firstfit;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import dev.allot.spi.Alignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first-fit allocator, following {@code docs/spec/semantics.md} rule by rule (the numbers in
 * the comments are the spec's), on a {@link GapTree} so that every call is O(log n) where pyglet's
 * is O(n): the gap scan of rules 4-5 becomes one descent to the leftmost gap that fits. The
 * argument checks and the order of the realloc rules come from {@link AbstractAllocator}; this
 * class supplies pyglet's placement and in-place growth. Not thread-safe.
 */
final class FirstFitAllocator extends AbstractAllocator {

  /** The blocks; it also holds the capacity, whose tail it counts as the last gap. */
  private final GapTree blocks;

  /** Whether long compaction passes finish on a copy of the block list (always, but in tests). */
  private final boolean bulkCompaction;

  FirstFitAllocator(long capacity) {
    this(new GapTree(capacity));
  }

  /** Wraps an empty tree; tests pass trees with tiny nodes. */
  FirstFitAllocator(GapTree blocks) {
    this(blocks, true);
  }

  /**
   * Wraps an empty tree, with or without the bulk compaction path; tests compare the two, which
   * must give the same plans.
   */
  FirstFitAllocator(GapTree blocks, boolean bulkCompaction) {
    super(blocks.capacity());
    this.blocks = blocks;
    this.bulkCompaction = bulkCompaction;
  }

  /**
   * Rules 2-5 of alloc. First the tree makes room for the nodes of two inserts, this placement's
   * and the cut that may follow it when a realloc that moves frees its old region from inside a
   * block: a memory failure then comes before anything changed (see GapTree, "Memory failures").
   */
  @Override
  protected long place(long size) {
    blocks.reserve(2);
    if (blocks.count() == 0) {
      if (size > blocks.capacity()) {
        return NO_ROOM;
      }
      blocks.insertFirst(0, size);
      return 0;
    }
    if (blocks.start(blocks.first()) > size) {
      blocks.insertFirst(0, size);
      return 0;
    }
    // Rules 4 and 5 in one search: the tail is the last block's gap (see GapTree).
    int index = blocks.leftmostGapAtLeast(size);
    return index == GapTree.NONE ? NO_ROOM : blocks.extendInto(index, size);
  }

  /**
   * The aligned rule: the first hole in address order, the gap before the first block included, in
   * which {@code up(holeStart) + size} fits; no quirks. The tree keeps summaries for up to {@link
   * GapTree#MAX_ALIGNMENT_CLASSES} alignments, for which the gap is one descent; past that many,
   * see {@link #firstAlignedFitByScan}.
   */
  @Override
  protected long placeAligned(long size, long alignment) {
    blocks.reserve(2); // as in place: this placement and a realloc's cut after it
    if (blocks.count() == 0) {
      if (size > blocks.capacity()) {
        return NO_ROOM;
      }
      blocks.insertFirst(0, size);
      return 0;
    }
    if (size <= blocks.start(blocks.first())) {
      claim(GapTree.NONE, 0, size); // the gap before the first block; 0 is aligned
      return 0;
    }
    int alignmentClass = blocks.alignmentClass(alignment);
    int index =
        alignmentClass == GapTree.NONE
            ? firstAlignedFitByScan(size, alignment)
            : blocks.leftmostAlignedFit(size, alignmentClass);
    if (index == GapTree.NONE) {
      return NO_ROOM;
    }
    long start = Alignment.up(blocks.end(index), alignment); // no overflow: the gap fits
    claim(index, start, size);
    return start;
  }

  /**
   * Finds the first gap after a block that fits {@code size} at {@code alignment} without a summary
   * for it: from each gap long enough for {@code size} on to the next, skipping those where the
   * padding leaves too little room. Every gap of at least {@code size + alignment - 1} fits, so the
   * walk ends there at the latest; it costs O((k + 1)(L + F log n)) for the k gaps it skips, which
   * can be every gap.
   */
  private int firstAlignedFitByScan(long size, long alignment) {
    for (int index = blocks.leftmostGapAtLeast(size);
        index != GapTree.NONE;
        index = blocks.isLast(index) ? GapTree.NONE : blocks.nextGapAtLeast(index, size)) {
      if (Alignment.fits(
          blocks.end(index), blocks.end(index) + blocks.gapAfter(index), size, alignment)) {
        return index;
      }
    }
    return GapTree.NONE;
  }

  /**
   * Allocates the free range {@code [start, start + size)}, which lies in the hole after block
   * {@code previous} (before the first block for {@link GapTree#NONE}), merging with the blocks it
   * touches.
   */
  private void claim(int previous, long start, long size) {
    long end = start + size;
    if (previous == GapTree.NONE) {
      if (blocks.count() > 0 && blocks.start(blocks.first()) == end) {
        blocks.setStart(blocks.first(), start);
      } else {
        blocks.insertFirst(start, end);
      }
      return;
    }
    boolean joinsNext = !blocks.isLast(previous) && blocks.start(blocks.next(previous)) == end;
    if (blocks.end(previous) == start) {
      if (joinsNext) {
        blocks.mergeWithNext(previous);
      } else {
        blocks.setEnd(previous, end);
      }
    } else if (joinsNext) {
      blocks.setStart(blocks.next(previous), start);
    } else {
      blocks.insertAfter(previous, start, end);
    }
  }

  /** Rule 3 of dealloc. */
  @Override
  protected boolean free(long start, long size) {
    int index = indexContaining(start, size);
    if (index == GapTree.NONE) {
      return false;
    }
    long blockStart = blocks.start(index);
    long blockEnd = blocks.end(index);
    long end = start + size;
    if (start == blockStart && end == blockEnd) {
      blocks.remove(index);
    } else if (start == blockStart) {
      blocks.setStart(index, end);
    } else if (end == blockEnd) {
      blocks.setEnd(index, start);
    } else {
      blocks.cut(index, start, end);
    }
    return true;
  }

  /** Returns the block that holds all of {@code [start, start + size)}, or {@link GapTree#NONE}. */
  private int indexContaining(long start, long size) {
    int index = blocks.find(start);
    return index == GapTree.NONE || start + size > blocks.end(index) ? GapTree.NONE : index;
  }

  @Override
  protected long blockEnd(long start, long size) {
    int index = indexContaining(start, size);
    return index == GapTree.NONE ? NO_BLOCK : blocks.end(index);
  }

  /**
   * Rule 6 of realloc: into an exactly filled gap that is not the tail, or into strictly more room
   * than needed. With alignment above 1 the aligned rule instead: into any hole of at least the
   * growth, the tail filled exactly included.
   */
  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    int index = blocks.find(end - 1);
    long free = blocks.gapAfter(index);
    if (!blocks.isLast(index) && free == growth) {
      blocks.mergeWithNext(index);
      return true;
    }
    if (free > growth || (alignment > 1 && free == growth)) {
      blocks.setEnd(index, end + growth);
      return true;
    }
    return false;
  }

  /** pyglet moves a same-size region unless it can grow in place by nothing. */
  @Override
  protected boolean keepsSameSizeInPlace() {
    return false;
  }

  @Override
  protected boolean supportsCompaction() {
    return true;
  }

  /** The gap before the first block, then the leftmost gap after a block that is not the tail. */
  @Override
  protected long firstGapEnd(long minGap) {
    if (blocks.count() == 0) {
      return NO_BLOCK;
    }
    if (blocks.start(blocks.first()) >= minGap) {
      return blocks.start(blocks.first());
    }
    int index = blocks.leftmostGapAtLeast(minGap);
    return index == GapTree.NONE || blocks.isLast(index)
        ? NO_BLOCK
        : blocks.start(blocks.next(index));
  }

  @Override
  protected long previousEnd(long start) {
    int previous = start == 0 ? GapTree.NONE : blocks.find(start - 1);
    return previous == GapTree.NONE ? 0 : blocks.end(previous);
  }

  @Override
  protected long lastStart() {
    return blocks.start(blocks.last());
  }

  /**
   * Frees the block, then claims the destination, merging with the blocks it touches. The claim may
   * insert a block, so its node is reserved before the free: the free of a whole block (a remove)
   * only gives nodes back, so the move fails before it changes anything or not at all.
   */
  @Override
  protected void moveBlock(long from, long size, long to) {
    blocks.reserve(1);
    free(from, size);
    claim(blocks.find(to), to, size);
  }

  @Override
  protected boolean supportsAlignment() {
    return true;
  }

  @Override
  protected boolean supportsBulkCompaction() {
    return bulkCompaction;
  }

  @Override
  protected int blockCount() {
    return blocks.count();
  }

  @Override
  protected void copyBlocks(long[] starts, long[] ends) {
    blocks.copyTo(starts, ends);
  }

  @Override
  protected void replaceBlocks(long[] starts, long[] ends, int count) {
    blocks.load(starts, ends, count);
  }

  @Override
  protected long lastEnd() {
    return blocks.lastEnd(); // 0 without blocks: requested = size, as rule 2 says
  }

  @Override
  protected void capacityRaised(long oldCapacity) {
    blocks.setCapacity(getCapacity());
  }

  @Override
  public List<Region> getAllocatedRegions() {
    int count = blocks.count();
    List<Region> regions = new ArrayList<>(count);
    for (int i = 0, index = blocks.first(); i < count; i++) {
      regions.add(new Region(blocks.start(index), blocks.end(index) - blocks.start(index)));
      if (i + 1 < count) {
        index = blocks.next(index);
      }
    }
    return Collections.unmodifiableList(regions);
  }

  /**
   * {@inheritDoc}
   *
   * <p>O(F) from the root's summaries once the tree keeps gap summaries, which it does from the
   * first unaligned search on; before that (a program of aligned calls only), a scan of the blocks,
   * O(n), unless it is asked again soon (see {@link GapTree#largestGapAfterBlocks}).
   */
  @Override
  public long getLargestFreeHole() {
    if (blocks.count() == 0) {
      return blocks.capacity();
    }
    return Math.max(blocks.start(blocks.first()), blocks.largestGapAfterBlocks());
  }

  @Override
  public String getStrategyName() {
    return FirstFitStrategy.NAME;
  }
}
