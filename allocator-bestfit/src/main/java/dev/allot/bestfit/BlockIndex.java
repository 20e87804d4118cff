package dev.allot.bestfit;

import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocated blocks ordered by start: finds the block that holds an index and the blocks beside
 * it, in O(log n). Not thread-safe.
 *
 * <pre>
 *   capacity 16, blocks (0, 3) (5, 4) (12, 2):
 *   |###--####---##--|
 *    0    5      12
 * </pre>
 */
final class BlockIndex {

  /*
   * Layout: a LongPairTree ordered by a = start alone, with b = size as a value, so growing or
   * shrinking a block rewrites b in place without touching the order (the common case: a region
   * placed after a block, an in-place realloc, a suffix freed). Moving a block's start is a remove
   * and an insert, because a start is a key that separators may have copied.
   *
   * Invariants (the block model of docs/spec/semantics.md): every size > 0; a block ends strictly
   * before the next one starts (never touching); the last ends at or before the capacity.
   * BestFitAllocator keeps them; this class only stores.
   *
   * Complexity: every method O(log n) (find, add, remove) or O(1) amortized (neighbours, reads,
   * setSize); addAfter, removeAt and cutPrefix right after the find that returned their block
   * skip the search (LongPairTree's "changes at a found entry"). Memory: 16 bytes per block at
   * full leaves; with the hole index 36.8 to 47.7 measured per block (BestFitMemoryTest).
   */

  /** The handle of no block. */
  static final int NONE = LongPairTree.NONE;

  private final LongPairTree tree;

  private final NodeArrayPool nodeArrays;

  /** Creates an empty index whose tree keeps its freed node arrays in {@code nodeArrays}. */
  BlockIndex(NodeArrayPool nodeArrays) {
    this.nodeArrays = nodeArrays;
    tree = new LongPairTree(false, false, nodeArrays);
  }

  /** Returns the block with the greatest start {@code <= index}, or {@link #NONE}. */
  int find(long index) {
    return tree.floor(index, 0);
  }

  long start(int block) {
    return tree.a(block);
  }

  long size(int block) {
    return tree.b(block);
  }

  long end(int block) {
    return tree.a(block) + tree.b(block);
  }

  void setSize(int block, long size) {
    tree.setB(block, size);
  }

  int next(int block) {
    return tree.next(block);
  }

  int previous(int block) {
    return tree.previous(block);
  }

  /** Returns the first block, or {@link #NONE}. */
  int first() {
    return tree.first();
  }

  /** Returns the last block, or {@link #NONE}. */
  int last() {
    return tree.last();
  }

  /** Returns the end of the last block, 0 when there are none. */
  long lastEnd() {
    int last = tree.last();
    return last == NONE ? 0 : end(last);
  }

  int count() {
    return tree.size();
  }

  /**
   * Adds the block {@code [start, start + size)} right after {@code block}, which the latest {@link
   * #find} returned with no change since (no second search when that is possible).
   */
  void addAfter(int block, long start, long size) {
    tree.insertAfter(block, start, size);
  }

  /**
   * Moves the start of {@code block} up to {@code start}, keeping its end: the block loses a
   * prefix. No search unless the block ends a leaf (see {@link LongPairTree#raiseKey}).
   */
  void cutPrefix(int block, long start) {
    tree.raiseKey(block, start, end(block) - start);
  }

  /**
   * Removes {@code block}, which the latest {@link #find} returned with no change since (no second
   * search when that is possible).
   */
  void removeAt(int block) {
    tree.removeAt(block);
  }

  void add(long start, long size) {
    tree.insert(start, size);
  }

  void remove(long start) {
    tree.remove(start, 0);
  }

  /** Copies the blocks in address order, each at least {@link #count()} long. O(n). */
  void copyTo(long[] starts, long[] ends) {
    tree.copyTo(starts, ends);
    for (int k = 0; k < tree.size(); k++) {
      ends[k] += starts[k];
    }
  }

  /**
   * Returns a tree of the blocks {@code [starts[k], ends[k])} for {@code k < count}, in address
   * order, for {@link #adopt}; the index does not change. O(count).
   */
  LongPairTree loaded(long[] starts, long[] ends, int count) {
    long[] sizes = nodeArrays.newLongs(count);
    for (int k = 0; k < count; k++) {
      sizes[k] = ends[k] - starts[k];
    }
    return tree.loaded(starts, sizes, count, NodeArrayPool.RESERVED_INSERTS);
  }

  /** Replaces every block with those of {@code loaded}, from {@link #loaded}; allocates nothing. */
  void adopt(LongPairTree loaded) {
    tree.adopt(loaded);
    nodeArrays.spent(); // the new nodes took arrays from the pool's reserve
  }

  List<Region> toRegions() {
    List<Region> regions = new ArrayList<>(tree.size());
    for (int block = tree.first(); block != NONE; block = tree.next(block)) {
      regions.add(new Region(start(block), size(block)));
    }
    return regions;
  }

  /** Widens the tree's keys arrays (see {@link LongPairTree#widen}). */
  void widen() {
    tree.widen();
  }

  /**
   * Returns the bytes of the index's arrays, as {@link LongPairTree#footprintBytes()} counts, the
   * shared node pool not included.
   */
  long footprintBytes() {
    return tree.footprintBytes();
  }
}
