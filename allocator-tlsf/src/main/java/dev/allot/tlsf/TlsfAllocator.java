package dev.allot.tlsf;

import static dev.allot.tlsf.Chunks.NIL;
import static dev.allot.tlsf.Chunks.SENTINEL;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import dev.allot.spi.Alignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The two-level segregated fit allocator: free chunks in {@link SizeClassBins}, every chunk in
 * {@link Chunks}. The argument checks and the order of the realloc rules come from {@link
 * AbstractAllocator}. Not thread-safe.
 *
 * <pre>
 *   alloc(5): lowest occupied class whose every length is >= 5, first chunk there
 *   |##|--------|###|-----|    free chunks 2:8 (class 8), 13:5 (class 5): takes 13:5
 *   dealloc(s, n): the chunk starting at s (one hash probe), freed and merged with free neighbours
 * </pre>
 */
final class TlsfAllocator extends AbstractAllocator {

  /*
   * Placement (good fit, as in TLSF and OffsetAllocator): a request of n goes to the start of the
   * first chunk of the lowest occupied class whose lower bound is >= n, so no length is compared on
   * the way. When no such class is occupied, two last chances keep the memory contract: the first
   * chunk of n's own class if it is long enough, and the last chunk (the tail before the capacity)
   * if it is free and long enough; after setCapacity(requestedCapacity) the tail fits, so the retry
   * succeeds. A placement can therefore fail while some other chunk of n's own class would fit;
   * the request is then served by growing. Aligned placement searches for n + alignment - 1, which
   * fits at any start, with the same last chances tested for the aligned start; the padding before
   * an aligned start stays a free chunk. When the last chances miss too (no class holding the span,
   * or the sum overflowing), it looks at the first chunk of each occupied class above n's own,
   * lowest first, and takes the first whose aligned start leaves room for n: a chunk shorter than
   * the span fits when its start is aligned or nearly so, and without that look such a call grew,
   * or, when the capacity it asked for passed Long.MAX_VALUE, was rejected as bad input. The look
   * comes after the tail, so every aligned placement that succeeded without it goes where it went.
   * Only the first chunk of a class is looked at, so a fitting chunk behind another in its list
   * can still be missed, as in unaligned placement, and the call grows instead; but where growth
   * cannot serve it (the capacity it needs passes Long.MAX_VALUE, so it would be rejected as bad
   * input) every free chunk is looked at, O(n), because a call that fits is never bad input.
   *
   * The unaligned placement that finds a class (nearly every one) is written out in place rather
   * than through take: it pops the class's first chunk (SizeClassBins.takeFirst, which knows the
   * chunk heads its list), and below SizeClasses.EXACT, where a class holds one length, takes the
   * chunk's end from the class instead of from the next chunk's record, a load the split test would
   * otherwise wait for. Measured (peers churn, ChurnAllot, take against this, alternated pairs,
   * thread CPU ns per call, 2026-11-28, medians): 43.6 against 45.1 at 1k (44 pairs, faster in 30),
   * 47.8 against 48.2 at 10k (58 pairs, faster in 36), 60.4 against 60.8 at 100k and 255.4 against
   * 272.9 at 1M (6 pairs each); the same placements and memory.
   *
   * Freeing: the chunks are those placements made, so a range that starts where a chunk starts is
   * found by one probe of the start index, and one that ends where a chunk starts (a suffix, as
   * realloc's shrink frees) by a probe at its end. Only a range whose start and end both lie
   * strictly inside chunks is found by walking the ring from the start: O(n), and only for frees
   * that trim a region the caller got in one piece at both ends. The used chunks the range covers are joined,
   * the range is cut out of them as one free chunk, and that chunk merges with a free neighbour on
   * each side, so no two free chunks ever touch.
   *
   * Blocks: touching used chunks form one block of the spec; the block list is built by walking
   * the ring. blockEnd returns the block's end when the range ends its block, and otherwise the
   * end of a chunk past the range, which is all the skeleton asks (whether the range ends its
   * block) without walking a long block.
   *
   * Complexity: alloc, and dealloc or realloc of ranges that start or end at a chunk boundary, are
   * O(k) in the chunks the range covers (1 for a region as it was placed) plus O(1) expected for
   * the hash probes; an aligned alloc that no class guarantees and whose last chances miss adds
   * one look per occupied class above the request's: bounded by SizeClasses.COUNT (1,888), not
   * O(1) in the usual sense, and only where the call would otherwise fail. getAllocatedRegions is
   * O(n); getLargestFreeHole is linear in the chunks of the top occupied class. Memory: one Chunks
   * record per chunk; under the peers harness's churn 1.04 (1M live regions) to 1.26 (1k) chunks
   * per live region, 30.1 bytes per live region at 1M (docs/tlsf.md).
   *
   * The Java heap: a call that throws OutOfMemoryError changes nothing. take, freeRange and
   * capacityRaised make room (Chunks.reserve, reserveStarts) before their first change, take for
   * the relocating realloc's free after it too (PLACEMENT_RESERVE); release, growInPlace and the
   * skeleton's undo of a placement (the free of a chunk just placed) never allocate. Measured
   * (peers churn by ChurnAllot, the jar before against this one, 5 alternated pairs, thread CPU ns
   * per call, 2026-11-27, medians): 1k 22.2 against 22.1, 1M 146.7 against 146.5.
   */

  /**
   * The chunks a placement makes room for before its first change: two of its own (the padding
   * before an aligned start and the rest after the end) and two that a relocating realloc's free of
   * the old region may cut right after it (a range inside a chunk). Without the last two that free
   * could meet the Java heap's failure after the placement, and the skeleton's undo, which frees
   * the placement (allocating nothing), merges the hole back at the head of its class list: a tail
   * taken as the last chance behind another chunk of its class then came first, and the next
   * placement went elsewhere than before the failed call.
   */
  private static final int PLACEMENT_RESERVE = 4;

  private final Chunks chunks;
  private final SizeClassBins bins;

  TlsfAllocator(long capacity) {
    super(capacity);
    chunks = new Chunks(capacity);
    bins = new SizeClassBins(chunks);
    if (capacity > 0) {
      chunks.reserve();
      bins.insert(chunks.insertAfter(SENTINEL, 0, false), capacity);
    }
  }

  @Override
  protected long place(long size) {
    int sizeClass = bins.lowestAtLeast(SizeClasses.roundedUp(size));
    if (sizeClass == SizeClasses.COUNT) {
      int chunk = lastChance(size, 1);
      return chunk == NIL ? NO_ROOM : take(chunk, chunks.start(chunk), size);
    }
    chunks.reserve(PLACEMENT_RESERVE);
    int hole = bins.takeFirst(sizeClass);
    long start = chunks.start(hole);
    long holeEnd = sizeClass < SizeClasses.EXACT ? start + sizeClass : chunks.end(hole);
    chunks.markUsed(hole);
    splitOff(hole, start + size, holeEnd);
    return start;
  }

  @Override
  protected long placeAligned(long size, long alignment) {
    long span = size + (alignment - 1);
    int chunk = span < 0 ? NIL : bins.firstAtLeast(SizeClasses.roundedUp(span));
    if (chunk == NIL) {
      chunk = lastChance(size, alignment);
    }
    if (chunk == NIL) {
      chunk = firstFittingHead(SizeClasses.of(size) + 1, size, alignment);
    }
    if (chunk == NIL && neededCapacityOverflows(size, alignment)) {
      chunk =
          firstFittingChunk(size, alignment); // else the call that fits is rejected as bad input
    }
    return chunk == NIL ? NO_ROOM : take(chunk, Alignment.up(chunks.start(chunk), alignment), size);
  }

  /**
   * Returns the lowest free chunk where {@code size} fits at an aligned start, or {@link
   * Chunks#NIL}, by walking every chunk: O(n), for a call that would otherwise be rejected.
   */
  private int firstFittingChunk(long size, long alignment) {
    for (int chunk = chunks.next(SENTINEL); chunk != SENTINEL; chunk = chunks.next(chunk)) {
      if (!chunks.isUsed(chunk) && fits(chunk, size, alignment)) {
        return chunk;
      }
    }
    return NIL;
  }

  @Override
  protected boolean supportsAlignment() {
    return true;
  }

  /**
   * The chunks worth one look when no class guarantees a fit: the first of {@code size}'s own
   * class, then the tail.
   */
  private int lastChance(long size, long alignment) {
    int first = bins.first(SizeClasses.of(size));
    if (first != NIL && fits(first, size, alignment)) {
      return first;
    }
    int tail = chunks.prev(SENTINEL);
    return !chunks.isUsed(tail) && fits(tail, size, alignment) ? tail : NIL;
  }

  /**
   * The aligned placement's look before it fails: the first chunk of each occupied class from
   * {@code sizeClass} up, lowest class first; a chunk shorter than the span still fits when its
   * start is aligned or nearly so.
   *
   * @return the first of them that fits, or {@link Chunks#NIL}
   */
  private int firstFittingHead(int sizeClass, long size, long alignment) {
    for (int occupied = bins.lowestAtLeast(sizeClass);
        occupied < SizeClasses.COUNT;
        occupied = bins.lowestAtLeast(occupied + 1)) {
      int first = bins.first(occupied);
      if (fits(first, size, alignment)) {
        return first;
      }
    }
    return NIL;
  }

  private boolean fits(int chunk, long size, long alignment) {
    return Alignment.fits(chunks.start(chunk), chunks.end(chunk), size, alignment);
  }

  /**
   * Allocates {@code [start, start + size)} inside the free chunk {@code hole}; what is left before
   * and after stays free.
   */
  private long take(int hole, long start, long size) {
    chunks.reserve(PLACEMENT_RESERVE);
    long holeStart = chunks.start(hole);
    long holeEnd = chunks.end(hole);
    bins.remove(hole);
    int region;
    if (start == holeStart) {
      chunks.markUsed(hole);
      region = hole;
    } else {
      region = chunks.insertAfter(hole, start, true);
      bins.insert(hole, start - holeStart);
    }
    splitOff(region, start + size, holeEnd);
    return start;
  }

  /**
   * Leaves {@code [end, holeEnd)}, the rest of a hole after {@code region}, free when not empty.
   */
  private void splitOff(int region, long end, long holeEnd) {
    if (end < holeEnd) {
      bins.insert(chunks.insertAfter(region, end, false), holeEnd - end);
    }
  }

  @Override
  protected boolean free(long start, long size) {
    long end = start + size;
    int chunk = chunks.find(start);
    if (chunk != NIL && chunks.isUsed(chunk) && chunks.end(chunk) == end) {
      release(chunk, start, end); // a region as it was placed: the common case
      return true;
    }
    return freeRange(start, end);
  }

  /**
   * Frees {@code [start, end)} when it is not one chunk as placed: it may cover several used chunks
   * and cut into the first and last. Kept out of {@link #free} so that the common case compiles
   * small enough to be inlined into its caller.
   */
  private boolean freeRange(long start, long end) {
    int first = chunkHolding(start, end);
    int last = first == NIL ? NIL : lastOfUsedRun(first, end);
    if (last == NIL) {
      return false;
    }
    chunks.reserve();
    while (first != last) {
      int joined = chunks.next(first);
      chunks.remove(joined);
      if (joined == last) {
        break;
      }
    }
    if (end < chunks.end(first)) {
      chunks.insertAfter(first, end, true);
    }
    release(
        start > chunks.start(first) ? chunks.insertAfter(first, start, false) : first, start, end);
    return true;
  }

  /**
   * Frees the chunk {@code [start, end)}, used or not yet in a list, merging it with free
   * neighbours.
   */
  private void release(int chunk, long start, long end) {
    long freeEnd = end;
    int after = chunks.next(chunk);
    if (!chunks.isUsed(after)) {
      freeEnd = chunks.end(after);
      bins.remove(after);
      chunks.remove(after);
    }
    int before = chunks.prev(chunk);
    if (chunks.isUsed(before)) {
      bins.insert(chunk, freeEnd - start);
    } else {
      long beforeStart = chunks.start(before);
      chunks.remove(chunk);
      bins.resized(before, start - beforeStart, freeEnd - beforeStart);
    }
  }

  /**
   * Returns the chunk that holds index {@code start} of a range {@code [start, end)}, or {@link
   * Chunks#NIL} when the range passes the capacity.
   */
  private int chunkHolding(long start, long end) {
    if (end > getCapacity()) {
      return NIL;
    }
    int chunk = chunks.find(start);
    if (chunk != NIL) {
      return chunk;
    }
    int after = chunks.find(end);
    chunk = after != NIL ? chunks.prev(after) : chunks.scanFor(start);
    while (chunks.start(chunk) > start) {
      chunk = chunks.prev(chunk);
    }
    return chunk;
  }

  /**
   * Returns the chunk that holds index {@code end - 1} when every chunk from {@code first} to it is
   * used, else {@link Chunks#NIL}.
   */
  private int lastOfUsedRun(int first, long end) {
    int chunk = first;
    while (chunks.isUsed(chunk)) {
      if (chunks.end(chunk) >= end) {
        return chunk;
      }
      chunk = chunks.next(chunk);
    }
    return NIL;
  }

  @Override
  protected long blockEnd(long start, long size) {
    long end = start + size;
    int first = chunkHolding(start, end);
    int last = first == NIL ? NIL : lastOfUsedRun(first, end);
    if (last == NIL) {
      return NO_BLOCK;
    }
    long lastEnd = chunks.end(last);
    if (lastEnd > end) {
      return lastEnd;
    }
    int after = chunks.next(last);
    return after == SENTINEL || !chunks.isUsed(after) ? end : chunks.end(after);
  }

  /** Grows into the free chunk after the block when it holds the growth, filling it or not. */
  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    int hole = chunks.find(end);
    if (hole == NIL || chunks.isUsed(hole)) {
      return false;
    }
    long holeLength = chunks.end(hole) - end;
    if (holeLength < growth) {
      return false;
    }
    if (holeLength == growth) {
      bins.remove(hole);
      chunks.remove(hole);
    } else {
      chunks.move(hole, end + growth);
      bins.resized(hole, holeLength, holeLength - growth);
    }
    return true;
  }

  @Override
  protected long lastEnd() {
    int tail = chunks.prev(SENTINEL);
    return chunks.isUsed(tail) ? getCapacity() : chunks.start(tail);
  }

  @Override
  protected void capacityRaised(long oldCapacity) {
    long capacity = getCapacity();
    chunks.reserve();
    chunks.reserveStarts(capacity); // before the sentinel moves: a failure then changes nothing
    int tail = chunks.prev(SENTINEL);
    chunks.move(SENTINEL, capacity);
    if (tail != SENTINEL && !chunks.isUsed(tail)) {
      long tailStart = chunks.start(tail);
      bins.resized(tail, oldCapacity - tailStart, capacity - tailStart);
    } else {
      bins.insert(chunks.insertAfter(tail, oldCapacity, false), capacity - oldCapacity);
    }
  }

  @Override
  public List<Region> getAllocatedRegions() {
    List<Region> blocks = new ArrayList<>();
    int chunk = chunks.next(SENTINEL);
    while (chunk != SENTINEL) {
      if (!chunks.isUsed(chunk)) {
        chunk = chunks.next(chunk);
        continue;
      }
      long start = chunks.start(chunk);
      while (chunk != SENTINEL && chunks.isUsed(chunk)) {
        chunk = chunks.next(chunk);
      }
      blocks.add(new Region(start, chunks.start(chunk) - start));
    }
    return Collections.unmodifiableList(blocks);
  }

  @Override
  public long getLargestFreeHole() {
    return bins.largestLength();
  }

  @Override
  public String getStrategyName() {
    return TlsfStrategy.NAME;
  }

  /** Returns the chunks, whose test seam makes growths fail; for tests. */
  Chunks chunks() {
    return chunks;
  }

  /**
   * Checks the chunks' and the size-class lists' invariants, throwing {@link IllegalStateException}
   * at the first broken one; O(n), for tests.
   */
  void checkInvariants() {
    int free = chunks.checkInvariants();
    bins.checkInvariants(free);
  }

  /** Returns the bytes of the chunk arrays, for the memory measurement. */
  long footprintBytes() {
    return chunks.footprintBytes();
  }
}
