package dev.allot.bestfit;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import dev.allot.spi.Alignment;
import java.util.Collections;
import java.util.List;

/**
 * The best-fit allocator of {@code docs/spec/semantics.md}: blocks in a {@link BlockIndex}, free
 * holes in a {@link HoleIndex}, both updated together by every primitive step. The argument checks
 * and the order of the realloc rules come from {@link AbstractAllocator}. Not thread-safe.
 *
 * <p>Every primitive decides before its first change, and makes room for every array its changes
 * need before it, so a call that fails, on a memory failure of the Java heap too, leaves both
 * indexes as they were.
 */
final class BestFitAllocator extends AbstractAllocator {

  /*
   * Cost of one call, in index operations (n blocks, m holes of the size's length): an unaligned
   * alloc is a bit scan and the first hole of one short-hole tree (O(1); a ceiling in the long
   * tree, O(log m), past 64), its removal (no search), the rest added back (O(log m)) and one
   * block find to extend the block before (O(log n)); when the region fills its hole exactly,
   * the blocks on both sides join: one find, its previous, and a removal without a second search.
   * A dealloc is one block find (O(log n)); the block is then cut in place (a suffix, or a prefix
   * by raising its key), split by an insert right after the found entry, or removed at the found
   * entry, and the hole index loses the neighbouring holes and gains the joined one (O(log m)
   * each). Measured (peers harness churn, CPU ns per call under load, docs/performance.md): 290
   * to 138 at 1k live regions, 525 to 255 at 100k, 644 to 351 at 1M, against the generic
   * (length, start) hole index of before.
   *
   * An aligned alloc is the same but for its search (HoleIndex.bestAlignedFit: one descent per
   * non-empty short tree from the size up, rejected at its root, and one in the long tree) and
   * one more hole change, the padding. While only aligned calls were made, the hole index keeps
   * only the holes that hold a multiple of an alignment asked (HoleAdmission): aligned churn
   * leaves about one padding hole per live region, which no aligned call can use, so its changes
   * only count a length. The first unaligned call, or a new alignment, rebuilds the hole index
   * from the blocks, O(n), at most 9 times in an allocator's life.
   *
   * Memory failures (docs/reliability.md: a call that throws leaves the allocator as it was, "not
   * on memory failure" either, and the Java heap's OutOfMemoryError is one): a call changes the
   * block index, then the hole index, each change possibly splitting nodes up to a new root, and
   * a realloc that relocates frees the old region after the placement. So no change may
   * allocate. Each primitive first does whatever may allocate, changing nothing the caller sees:
   * the hole index's rebuild for a new alignment (built whole, then taken over), the move of the
   * short holes to their trees when a length is crowded (HoleIndex.reserve), the search's
   * alignment class; then the reserve (reserve below, NodeArrayPool.topUp): node ids in each tree
   * and node arrays in the pool for RESERVED_INSERTS node-making inserts, what a relocating
   * realloc makes at most (its placement a block and two holes, its free a block and one hole).
   * A placement asks for all of them, so that the free after it in the same call finds its share
   * without a top-up; a free asks for its own two only, moveBlock for four. On most calls the
   * reserve is two int comparisons: it is restored only after a call that made nodes, and then
   * only in the trees that made them. The bulk paths (replaceBlocks, the rebuild) build new trees
   * beside the old ones and take them over without allocating. Measured (peers churn by
   * ChurnAllot, the jar before against this one, 5 alternated pairs, thread CPU ns per call,
   * 2026-11-27, medians): 1k 81.6 against 80.3, 1M 176.4 against 178.7: within the noise.
   */

  /** Node-making inserts a free makes at most: a block split off and one hole. */
  private static final int FREE_INSERTS = 2;

  /**
   * Node-making inserts a raise of the capacity reserves for: it makes one, its new tail, but tops
   * up past 3 made since the last top-up, as a free does. A tree that never topped up has leaf ids
   * for 4 leaves only (LongPairTree.INITIAL_NODES): a free, a growth in place or a raise adds at
   * most one hole to it, and a placement or a move tops up sooner, so it makes at most 4 before the
   * next top-up. A reserve of 1 let a raise after four frees that each made a leaf in it make its
   * fifth, growing its tables halfway through the raise (BestFitHeapFailureTest).
   */
  private static final int RAISE_INSERTS = 2;

  /**
   * Node-making inserts a move of compaction makes at most: the hole its free leaves, then the
   * destination's block and two holes.
   */
  private static final int MOVE_INSERTS = 4;

  /**
   * Freed node arrays the allocator keeps for reuse, shared by all its trees (the block index, the
   * long holes' tree and the 64 short holes' trees), so that one tree's freed nodes serve another's
   * growth: enough that churn allocates nothing once warm, few enough that memory follows the live
   * size down after a peak (at most 100 KiB kept, 164 KiB past capacity 2^32). Measured, heap bytes
   * allocated per call of churn (sizes 1..64) after a warm-up of 2M steps, each tree keeping 16
   * spares of its own with 32 shared by the short trees before: 0.025 before and at most 0.0001 now
   * at 10k live regions (none in most windows of 2M steps); at 1M 0.15 to 0.20 before and 0.02 to
   * 0.09 now (still growing: 39k blocks after 12M steps, 51k after 24M), with alignment 16 at 1M
   * 0.14 to 0.27 before and 0.006 to 0.05 now. BestFitMemoryTest, random frees and churn, with long
   * keys: 46.7 bytes per block (47.8 before; 49.0 with 256 kept, past the budget of 48); 25.7 with
   * 32-bit keys (KeyArrays).
   */
  private static final int NODE_ARRAYS_KEPT = 128;

  private final NodeArrayPool nodeArrays = new NodeArrayPool(NODE_ARRAYS_KEPT);
  private final BlockIndex blocks = new BlockIndex(nodeArrays);
  private final HoleIndex holes = new HoleIndex(nodeArrays);

  /** Whether long compaction passes finish on a copy of the block list (always, but in tests). */
  private final boolean bulkCompaction;

  /**
   * Whether every keys array is wide, as a capacity past 2^32 - 1 needs (see {@link KeyArrays}).
   */
  private boolean keysWide;

  /** Test seam: the pool through which every array of the allocator grows. */
  NodeArrayPool nodeArrays() {
    return nodeArrays;
  }

  BestFitAllocator(long capacity) {
    this(capacity, true);
  }

  /**
   * Creates an empty allocator, with or without the bulk compaction path; tests compare the two,
   * which must give the same plans.
   */
  BestFitAllocator(long capacity, boolean bulkCompaction) {
    super(capacity);
    this.bulkCompaction = bulkCompaction;
    if (capacity > KeyArrays.LOW_BITS) {
      widenKeys();
    }
    holes.add(0, capacity);
  }

  /** Places {@code size > 0} indices at the start of the smallest hole that fits, lowest first. */
  @Override
  protected long place(long size) {
    askHoles(1);
    holes.reserve(); // before the search: moving the short holes to their trees renames them
    long hole = holes.bestFit(size);
    if (hole == HoleIndex.NONE) {
      return NO_ROOM;
    }
    reserve(NodeArrayPool.RESERVED_INSERTS); // a free may follow in the same call: room for it
    long start = holes.start(hole);
    long length = holes.length(hole);
    holes.remove(hole);
    fill(start, length, start, size);
    return start;
  }

  /**
   * Places {@code size > 0} indices at the aligned start of the smallest hole that fits them there,
   * lowest first; the padding before the start stays a hole.
   */
  @Override
  protected long placeAligned(long size, long alignment) {
    askHoles(alignment);
    holes.reserve();
    long hole = holes.bestAlignedFit(size, alignment);
    if (hole == HoleIndex.NONE) {
      return NO_ROOM;
    }
    reserve(NodeArrayPool.RESERVED_INSERTS);
    long holeStart = holes.start(hole);
    long length = holes.length(hole);
    long start = Alignment.up(holeStart, alignment); // no overflow: the hole fits
    holes.remove(hole);
    fill(holeStart, length, start, size);
    return start;
  }

  /**
   * Tells the hole index that a search at {@code alignment} comes, and rebuilds it from the blocks
   * when that changes which holes it keeps (at most a few times in an allocator's life, O(n) each).
   */
  private void askHoles(long alignment) {
    HoleAdmission next = holes.ask(alignment);
    if (next != null) {
      int count = blocks.count();
      long[] starts = nodeArrays.newLongs(count);
      long[] ends = nodeArrays.newLongs(count);
      blocks.copyTo(starts, ends);
      loadHoles(starts, ends, count, next); // the admission changes with the holes, or not at all
    }
  }

  /**
   * Makes room for {@code inserts} node-making inserts before a primitive's first change (see the
   * design comment): two int comparisons unless a call since the last top-up made nodes.
   */
  private void reserve(int inserts) {
    if (nodeArrays.needsTopUp(inserts)) {
      nodeArrays.topUp();
    }
  }

  @Override
  protected boolean supportsAlignment() {
    return true;
  }

  /**
   * Allocates {@code [start, start + size)} of the free run {@code [holeStart, holeStart +
   * length)}, which is already out of the hole index, merging with the blocks around it: the
   * padding before {@code start} and the rest after the region become holes.
   */
  private void fill(long holeStart, long length, long start, long size) {
    long holeEnd = holeStart + length;
    long end = start + size;
    boolean closes = end == holeEnd && holeEnd < getCapacity(); // the next block starts at holeEnd
    long nextSize = 0;
    if (closes) {
      int next = blocks.find(holeEnd);
      nextSize = blocks.size(next);
      if (start == holeStart && start > 0) { // the region joins the blocks on both sides
        int before = blocks.previous(next); // it ends at start: a hole always follows a block
        blocks.setSize(before, blocks.size(before) + size + nextSize);
        blocks.removeAt(next);
        return;
      }
      blocks.remove(holeEnd);
    } else {
      holes.add(end, holeEnd - end);
    }
    long joined = size + nextSize;
    if (start > holeStart) {
      holes.add(holeStart, start - holeStart);
      blocks.add(start, joined);
    } else if (start == 0) {
      blocks.add(0, joined);
    } else {
      int before = blocks.find(start - 1); // it ends at start: a hole always follows a block
      blocks.setSize(before, blocks.size(before) + joined);
    }
  }

  @Override
  protected boolean free(long start, long size) {
    int block = blocks.find(start);
    long end = start + size;
    if (block == BlockIndex.NONE || end > blocks.end(block)) {
      return false;
    }
    long blockStart = blocks.start(block);
    long blockEnd = blocks.end(block);
    int before = blocks.previous(block);
    long freeFrom = before == BlockIndex.NONE ? 0 : blocks.end(before);
    int after = blocks.next(block);
    long freeTo = after == BlockIndex.NONE ? getCapacity() : blocks.start(after);
    long freed; // the hole the free leaves, which the hole index must have room for
    if (start == blockStart) {
      freed = (end == blockEnd ? freeTo : end) - freeFrom;
    } else {
      freed = end == blockEnd ? freeTo - start : size;
    }
    holes.reserveFor(freed);
    reserve(FREE_INSERTS); // in a realloc after a placement, whose reserve left room for it
    if (start == blockStart) {
      holes.remove(freeFrom, blockStart - freeFrom);
      if (end == blockEnd) {
        blocks.removeAt(block);
        holes.remove(blockEnd, freeTo - blockEnd);
        holes.add(freeFrom, freeTo - freeFrom);
      } else {
        blocks.cutPrefix(block, end);
        holes.add(freeFrom, end - freeFrom);
      }
    } else {
      blocks.setSize(block, start - blockStart);
      if (end == blockEnd) {
        holes.remove(blockEnd, freeTo - blockEnd);
        holes.add(start, freeTo - start);
      } else {
        blocks.addAfter(block, end, blockEnd - end);
        holes.add(start, size);
      }
    }
    return true;
  }

  @Override
  protected long blockEnd(long start, long size) {
    int block = blocks.find(start);
    if (block == BlockIndex.NONE || start + size > blocks.end(block)) {
      return NO_BLOCK;
    }
    return blocks.end(block);
  }

  /**
   * Grows into the hole after the block when it holds the growth, filling it exactly or not: the
   * same rule at every alignment, since an aligned region that grows keeps its start.
   */
  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    int after = blocks.next(blocks.find(end - 1));
    long free = (after == BlockIndex.NONE ? getCapacity() : blocks.start(after)) - end;
    if (free < growth) {
      return false;
    }
    holes.reserveFor(free - growth);
    reserve(FREE_INSERTS); // the rest of the hole, if any; no block is added
    holes.remove(end, free);
    fill(end, free, end, growth);
    return true;
  }

  @Override
  protected boolean supportsCompaction() {
    return true;
  }

  /**
   * Walks the blocks from the first: O(1) for granularity 1, where the first block is always
   * followed by a gap; O(k) past the k blocks behind gaps shorter than {@code minGap}.
   */
  @Override
  protected long firstGapEnd(long minGap) {
    long previousEnd = 0;
    for (int block = blocks.first(); block != BlockIndex.NONE; block = blocks.next(block)) {
      if (blocks.start(block) - previousEnd >= minGap) {
        return blocks.start(block);
      }
      previousEnd = blocks.end(block);
    }
    return NO_BLOCK;
  }

  @Override
  protected long previousEnd(long start) {
    int previous = blocks.previous(blocks.find(start));
    return previous == BlockIndex.NONE ? 0 : blocks.end(previous);
  }

  @Override
  protected long lastStart() {
    return blocks.start(blocks.last());
  }

  /** Frees the block, then claims the destination inside the hole that now holds it. */
  @Override
  protected void moveBlock(long from, long size, long to) {
    holes.reserve(); // three holes added at most: the freed run, then the destination's two
    reserve(MOVE_INSERTS); // the free's own reserve then finds its share
    free(from, size);
    int before = blocks.find(to);
    int after = before == BlockIndex.NONE ? blocks.first() : blocks.next(before);
    long holeStart = before == BlockIndex.NONE ? 0 : blocks.end(before);
    long holeEnd = after == BlockIndex.NONE ? getCapacity() : blocks.start(after);
    holes.remove(holeStart, holeEnd - holeStart);
    fill(holeStart, holeEnd - holeStart, to, size);
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

  /**
   * Builds the new block tree, then loads the holes between the blocks (built whole, then taken
   * over), then takes the block tree over: nothing allocates after the holes changed.
   */
  @Override
  protected void replaceBlocks(long[] starts, long[] ends, int count) {
    LongPairTree loaded = blocks.loaded(starts, ends, count);
    loadHoles(starts, ends, count, holes.admission());
    blocks.adopt(loaded);
  }

  /**
   * Loads the holes around the blocks {@code [starts[k], ends[k])}, {@code k < count}, in address
   * order: before the first, between, and the tail.
   */
  private void loadHoles(long[] starts, long[] ends, int count, HoleAdmission admission) {
    long[] holeStarts = nodeArrays.newLongs(count + 1);
    long[] holeLengths = nodeArrays.newLongs(count + 1);
    int holeCount = 0;
    long previousEnd = 0;
    for (int k = 0; k <= count; k++) {
      long nextStart = k < count ? starts[k] : getCapacity();
      if (nextStart > previousEnd) {
        holeStarts[holeCount] = previousEnd;
        holeLengths[holeCount] = nextStart - previousEnd;
        holeCount++;
      }
      previousEnd = k < count ? ends[k] : 0;
    }
    holes.load(holeStarts, holeLengths, holeCount, admission);
  }

  @Override
  protected long lastEnd() {
    return blocks.lastEnd();
  }

  @Override
  protected void capacityRaised(long oldCapacity) {
    if (!keysWide && getCapacity() > KeyArrays.LOW_BITS) {
      widenKeys(); // first: a memory failure there leaves every value as it was
    }
    long lastEnd = blocks.lastEnd();
    holes.reserveFor(getCapacity() - lastEnd);
    reserve(RAISE_INSERTS); // the new tail
    holes.remove(lastEnd, oldCapacity - lastEnd);
    holes.add(lastEnd, getCapacity() - lastEnd);
  }

  /**
   * Makes every keys array wide (see {@link KeyArrays}), the pool's new ones included: from a
   * capacity past 2^32 - 1 on, starts, ends and lengths need more than 32 bits. O(n), once: a
   * memory failure on the way leaves the rest narrow, and the next raise of the capacity goes on.
   */
  private void widenKeys() {
    nodeArrays.widen();
    blocks.widen();
    holes.widen();
    keysWide = true;
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return Collections.unmodifiableList(blocks.toRegions());
  }

  @Override
  public long getLargestFreeHole() {
    return holes.largest();
  }

  @Override
  public String getStrategyName() {
    return BestFitStrategy.NAME;
  }

  /**
   * Checks that the hole index holds exactly the gaps around the blocks and that its trees agree
   * with themselves; throws {@link IllegalStateException} at the first difference. O(n); for tests.
   */
  void checkInvariants() {
    long previousEnd = 0;
    long gaps = 0;
    for (int block = blocks.first(); ; block = blocks.next(block)) {
      long next = block == BlockIndex.NONE ? getCapacity() : blocks.start(block);
      if (next < previousEnd || (next == previousEnd && block != BlockIndex.NONE && next > 0)) {
        throw new IllegalStateException("blocks overlap or touch at " + next);
      }
      if (next > previousEnd) {
        gaps++;
        if (!holes.holds(previousEnd, next - previousEnd)) {
          throw new IllegalStateException(
              "hole [" + previousEnd + ", " + next + ") is not in the hole index");
        }
      }
      if (block == BlockIndex.NONE) {
        break;
      }
      previousEnd = blocks.end(block);
    }
    long held = holes.checkedCount();
    if (held != gaps) {
      throw new IllegalStateException(held + " holes held for " + gaps + " gaps");
    }
  }

  /**
   * Returns the bytes of both indexes' arrays and of the node arrays kept, for the memory
   * measurement.
   */
  long footprintBytes() {
    return blocks.footprintBytes() + holes.footprintBytes() + nodeArrays.footprintBytes();
  }
}
