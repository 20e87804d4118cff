package dev.allot.bestfit;

import static dev.allot.bestfit.KeyArrays.key;
import static dev.allot.bestfit.KeyArrays.setKey;

import dev.allot.spi.Alignment;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An ordered set of {@code (a, b)} pairs of {@code long}s, a B+ tree whose nodes are primitive
 * arrays. Ordered by {@code a} then {@code b} when built with {@code pairKeys}; otherwise by {@code
 * a} alone, and {@code b} is a value that may be rewritten in place. Not thread-safe.
 *
 * <p>Entries are named by <em>handles</em> ({@code leaf << 6 | slot}), valid until the next {@link
 * #insert} or {@link #remove}.
 */
final class LongPairTree {

  /*
   * Layout
   *
   *   inner node n:  innerKeys[n]     = [ a0 a1 .. a63 | b0 b1 .. b63 ]   separators
   *                  innerChildren[n] = [ c0 c1 .. c63 ]                  child ids
   *                  innerCount[n]    = children in use
   *   leaf l:        leafKeys[l]      = [ a0 a1 .. a63 | b0 b1 .. b63 ]   entries, sorted
   *                  leafCount[l], leafNext[l], leafPrev[l]               size and the leaf chain
   *
   *                          [ - | k1 | k2 ]              root (height 1 here)
   *                         /      |      \
   *   firstLeaf -> [e e e e] <-> [k1 e e] <-> [k2 e e e] <- lastLeaf
   *
   * Each node is one int[] of keys (a's, then b's, so a search reads one run of a's) and, for
   * inner nodes, one int[] of children. The keys are KeyArrays: the low 32 bits of each, read
   * unsigned, and the high 32 bits after them only once the allocator's capacity passes 2^32 - 1
   * (widen() brings every node there). While the capacity fits 32 bits a leaf's 64 a's take 4
   * cache lines instead of 8. Measured against long keys (CPU ns per call, 4 alternated pairs,
   * every pair better): aligned churn at 1M live regions, alignment 16, 937k blocks (AlignLoop)
   * 251.8 to 374.0 against 347.9 to 413.1; the peers churn at 1k 82.8 to 86.8 against 87.8 to
   * 94.8, at 10k 105.3 to 111.6 against 112.0 to 116.7.
   *
   * A node per array, rather than all nodes in one flat array, keeps the growth
   * slack of the pools to the id arrays (a few bytes a node) instead of up to half the entries;
   * a freed node's id goes on a free list (chained through leafNext / innerCount) and its arrays
   * to the NodeArrayPool that all trees of one allocator share, which new nodes take arrays from
   * first, so a call allocates only when it adds a node while the pool is empty.
   *
   * Invariants
   *   - every leaf in the tree holds 1..63 entries between calls (a leaf that reaches 64 is
   *     relieved at once, so an insert always finds room); inner nodes hold 2..63 children at the
   *     root and 1..63 elsewhere; all leaves are at depth `height`.
   *   - separator k_i (i >= 1) of an inner node is a lower bound: every key below child i-1 is
   *     < k_i <= every key below child i. Removal never updates separators: a stale one still
   *     bounds. Slot 0's key is not used for routing.
   *   - with pairKeys false, b never takes part in an order, so rewriting it in place is safe.
   *
   * Fill (memory): a full leaf first spills into a sibling that has at least 8 free slots, and is
   * split in halves only when both siblings are that full. A leaf below three quarters merges
   * into a sibling when the two fit in 56, or with both siblings three into two when the three fit
   * in 112 (B*-style). Measured (BestFitMemoryTest, both indexes, pool and headers counted):
   * 21.9 bytes per block after ascending frees, 25.7 after random frees and churn (36.8 and 46.7
   * with long keys; 47.8 while each tree kept spares of its own, see
   * BestFitAllocator.NODE_ARRAYS_KEPT).
   *
   * Complexity: O(log n) per call with fan-out 64 (height 4 holds 16M entries); a search is a
   * binary search of one run of a's per level, so a call reads a handful of cache lines a level.
   * A tree ordered by a alone searches without a branch on the keys (a conditional move): a
   * binary search's branches are mispredicted half the time, and the block index's floor was the
   * largest single cost of best-fit's churn. It first compares the last key of each group of 8
   * (independent loads, whose cache misses overlap), then counts the keys below the bound in one
   * group: at 1M blocks the leaves are far larger than the cache, and the dependent probes of a
   * plain binary search each waited for a miss. In a tree past the caches (TOUCH_FROM entries),
   * floor and insert also load every line of the leaf's a's and b's with those probes, so that the
   * b a free reads next and the runs an insert shifts are not one more miss each.
   *
   * Changes at a found entry: floor, ceiling and firstWithRoom remember the leaf their descent
   * reached (descendedLeaf), whose path stays valid until the next change. removeAt and
   * insertAfter on a handle in that leaf (or, for removeAt, in the first leaf, whose path is the
   * leftmost one) skip the second descent and search; any other handle falls back to the keyed
   * call. insertAfter also falls back past a leaf's last entry, and raiseKey does a remove and an
   * insert for a leaf's last entry, because the next leaf's separator may be stale (below that
   * leaf's first key) and a key at the end of the leaf must stay below it. Raising any other key
   * in place keeps every separator a lower bound, so it touches no node.
   *
   * Leaf hints (a tree ordered by a alone past HINT_FROM entries, with no alignment class: the
   * block index of aligned churn, about one block per live region): a table of 64Ki leaf ids,
   * slot a >>> hintShift, names the leaf a descent for that slot last reached. floor, insert and
   * remove take that leaf when its first and last keys enclose a, which proves it is the leaf a
   * descent would reach; a wrong or stale hint (after a split, a merge, a freed id) fails the test
   * and costs the descent it replaces, which records the hint anew, so no change has to keep the
   * table current. A hinted leaf comes without a path: a removal there descends only when the
   * leaf may merge (mayShrink, by its neighbours in the leaf chain), an insert only when the leaf
   * fills. At 1M live regions and alignment 16 (937k blocks) 85% of those calls take their hint,
   * and an aligned churn call costs 10% less by JMH (medians of 3 alternated two-fork runs: 425.9
   * to 381.8 ns per operation; docs/alignment.md). Below HINT_FROM the inner nodes stay in the
   * caches, and the table would only cost.
   *
   * Alignment (HoleIndex's aligned best fit): every entry is read as a run [start, start + length):
   * (length, start) = (a, b) in a pair-keyed tree (the long holes, by length then start), (start,
   * length) = (a, b) in a tree ordered by a alone (the holes of one length, by start). For an
   * alignment A > 1 the room of the run is start + length - up(start), or 0 when up(start) is not
   * inside: a region fits exactly when its size is at most the room, which the run's length
   * cannot tell (padding costs up to A - 1). The first MAX_ALIGNMENT_CLASSES (8) distinct
   * alignments asked for each get a class whose largest room per node (leafRoom, innerRoom) is
   * kept by every insert, remove and rebalance, so that firstWithRoom is one descent: O(log n),
   * like ceiling. Making a class walks the tree once, O(n); each class adds 8 bytes per node and
   * one summary per touched node to every change, so a change costs O(C log n) with C <= 8
   * classes in use.
   *
   * Worst case, honestly: a ninth distinct alignment gets no class, and HoleIndex walks the holes
   * in (length, start) order from the best unaligned fit on, checking padding. A hole of length
   * >= size + A - 1 always fits, so the walk stops there at the latest, but each of the k holes
   * of length in [size, size + A - 1) before it can fail: O(log n + k), O(n) when every hole
   * fails. Programs that use at most 8 alignments never walk.
   *
   * Memory failures: a change never allocates when the tree's reserve holds (see reserve): node
   * ids for RESERVED_INSERTS node-making inserts (a leaf and up to height + 1 inner nodes each),
   * the path arrays one level up, and the arrays of the new nodes in the shared NodeArrayPool,
   * which BestFitAllocator tops up before a call's first change. So an OutOfMemoryError is thrown
   * before anything changed, or not at all. newLeaf and newInner still grow the tables on demand
   * for a tree used alone (tests), each growth whole or not at all. load builds a new tree first
   * (loaded) and takes it over with no allocation (adopt); an alignment class is made whole before
   * it counts; the hint table is a cache, skipped when the heap has no room for it.
   *
   * References: Comer, "The Ubiquitous B-Tree" (1979) for B+ trees and overflow to siblings
   * (B*-style); the design of flat-array trees in Agrona and of in-memory B+ trees with node-local
   * arrays (e.g. BTreeMap in Rust's std) for cache behaviour.
   */

  /** Entries a leaf and children an inner node hold at most, a power of two (handle packing). */
  static final int CAPACITY = 64;

  /** The handle of no entry. */
  static final int NONE = -1;

  /** Alignments whose room summaries a tree keeps at most (see {@link #alignmentClass}). */
  static final int MAX_ALIGNMENT_CLASSES = 8;

  /**
   * Keys a search of a tree ordered by {@code a} alone first skips a group at a time (see {@link
   * #searchA}): half a cache line of narrow keys (chosen when keys were {@code long}s, a line).
   */
  private static final int GROUP = 8;

  /** Bits of a handle that hold the slot in the leaf. */
  private static final int SLOT_BITS = Integer.numberOfTrailingZeros(CAPACITY);

  /** Mask of the slot bits of a handle. */
  private static final int SLOT_MASK = CAPACITY - 1;

  /** A full node spills into a sibling only if the sibling has at least this many free slots. */
  private static final int SPILL_ROOM = CAPACITY / 8;

  /** A node with fewer entries than this tries to merge with a sibling. */
  private static final int MERGE_BELOW = CAPACITY * 3 / 4;

  /** Two nodes merge only if together they hold at most this many, so a merge never refills. */
  private static final int MERGE_LIMIT = CAPACITY - SPILL_ROOM;

  /**
   * Entries from which a leaf search first loads every cache line of the leaf (see {@link
   * #touchLeaf}): 128Ki entries, about 2.8 MiB of leaves at three-quarter fill, past the 1 MiB
   * level-2 cache of the machine measured; below it the loads only cost. The unaligned churn's
   * block index at 1M live regions (about 40k blocks) stays below it.
   */
  private static final int TOUCH_FROM = 1 << 17;

  /**
   * Entries from which a tree ordered by {@code a} alone, with no alignment class, keeps leaf hints
   * (see {@link #hintedDescend}); it drops them when it falls below half as many.
   */
  static final int HINT_FROM = 1 << 17;

  /** Bits of a hint's slot: 64Ki hints, 256 KiB. */
  private static final int HINT_BITS = 16;

  /** Node ids the pools have room for before their first growth. */
  private static final int INITIAL_NODES = 4;

  /** Levels the descent path has room for before it grows (height 8 holds 2^48 entries). */
  private static final int INITIAL_PATH = 8;

  /** Bytes of one inner node's children array (for {@link #footprintBytes}). */
  static final long CHILDREN_ARRAY_BYTES = ArrayBytes.of(CAPACITY, Integer.BYTES);

  private final boolean pairKeys;

  /**
   * Whether every entry of a tree ordered by {@code a} alone has the same {@code b}, its run's
   * length (a short-hole tree of {@link HoleIndex}), so that a leaf's room rescan can stop at the
   * first run whose room is that length.
   */
  private final boolean equalRuns;

  /** Where the arrays of freed nodes go, and where new nodes take theirs from first. */
  private final NodeArrayPool nodeArrays;

  /**
   * The keys of a node id that holds no arrays: ids not handed out yet and freed nodes, whose
   * arrays went to the pool. A shared empty array rather than null, so that every id slot holds an
   * array and reading a node's keys needs no null check.
   */
  private static final int[] NO_KEYS = {};

  /** The children of an inner node id that holds no arrays, as {@link #NO_KEYS}. */
  private static final int[] NO_CHILDREN = {};

  private int[][] leafKeys = grownPool(new int[0][], INITIAL_NODES, NO_KEYS);
  private int[] leafCount = new int[INITIAL_NODES];
  private int[] leafNext = new int[INITIAL_NODES];
  private int[] leafPrev = new int[INITIAL_NODES];
  private int leafIds;

  private int freeLeaves = NONE;

  /** Leaf ids on the free list. */
  private int freeLeafCount;

  private int[][] innerKeys = grownPool(new int[0][], INITIAL_NODES, NO_KEYS);
  private int[][] innerChildren = grownPool(new int[0][], INITIAL_NODES, NO_CHILDREN);
  private int[] innerCount = new int[INITIAL_NODES];
  private int innerIds;

  /** Inner nodes that hold arrays: those in the tree. */
  private int innerArrays;

  private int freeInners = NONE;

  /** Inner node ids on the free list. */
  private int freeInnerCount;

  /**
   * Whether the tree made nodes since the pool's last top-up, which then restores its reserve (see
   * {@link NodeArrayPool#topUp}).
   */
  private boolean dirty;

  private int root = NONE;

  /** Inner levels above the leaves; 0 when the root is a leaf. */
  private int height;

  private int firstLeaf = NONE;
  private int lastLeaf = NONE;
  private int size;

  /** What {@link #touchLeaf} read: written, never read, so that its loads are kept. */
  @SuppressWarnings("UnusedVariable")
  private long touchToken;

  /**
   * {@code hints[(a >>> hintShift) & mask]}: a leaf that a recent descent for {@code a} reached, or
   * {@link #NONE}; null unless the tree keeps hints. A hint is a guess, checked against the leaf's
   * first and last keys before use, so that no change has to keep it current.
   */
  private int @Nullable [] hints;

  /** The shift from a key to its hint's slot: the slots span the keys seen so far. */
  private int hintShift;

  /**
   * Descents made while the tree kept hints: lookups whose hint failed, and changes at a hinted
   * leaf that needed the path. Counted off the small trees' path, for tests that check when a hint
   * saves the descent.
   */
  private long hintedTreeDescents;

  /** The inner nodes and child slots of the last descent, root first: scratch, not state. */
  private int[] pathNode = new int[INITIAL_PATH];

  private int[] pathSlot = new int[INITIAL_PATH];

  /** The alignment of each alignment class, in the order the classes were made. */
  private final long[] classAlignment = new long[MAX_ALIGNMENT_CLASSES];

  private int classCount;

  /** {@code leafRoom[c][leaf]}: the most room class {@code c} finds in one entry of the leaf. */
  private final long[][] leafRoom = new long[MAX_ALIGNMENT_CLASSES][];

  /**
   * {@code innerRoom[c][node]}: the most room class {@code c} finds in one entry below the node.
   */
  private final long[][] innerRoom = new long[MAX_ALIGNMENT_CLASSES][];

  /**
   * The leaf reached by the latest {@link #floor}, {@link #ceiling} or {@link #firstWithRoom},
   * whose path {@code pathNode} and {@code pathSlot} still hold, so that {@link #removeAt} and
   * {@link #insertAfter} need no second descent, or {@link #hinted} of the leaf a hint led to,
   * which has no path; {@link #NONE} once a change may have moved entries.
   */
  private int descendedLeaf = NONE;

  /** Whether the running insert or remove moved entries between nodes: scratch, not state. */
  private boolean restructured;

  /**
   * The nodes just before and after the path node at each level (the leaf at level {@code height}),
   * in key order: scratch of {@link #refreshRooms}.
   */
  private int[] pathBefore = new int[INITIAL_PATH + 1];

  private int[] pathAfter = new int[INITIAL_PATH + 1];

  /**
   * Creates an empty tree that gives the arrays of its freed nodes (a leaf's are 528 bytes, 1 KiB
   * wide) to {@code nodeArrays} and takes the arrays of new nodes from there first: the trees of
   * one allocator share one pool, so that one tree's freed nodes serve another's growth.
   *
   * @param pairKeys {@code true} to order by {@code (a, b)}, {@code false} to order by {@code a}
   *     alone with {@code b} as a value
   * @param equalRuns for a tree ordered by {@code a} alone, whether every entry will have the same
   *     {@code b}, the length of its run (see the design comment); a leaf's room rescan then stops
   *     early. Not read when {@code pairKeys}, where the order by length gives that bound
   * @param nodeArrays the pool of node arrays shared with other trees; not counted by {@link
   *     #footprintBytes()}
   */
  LongPairTree(boolean pairKeys, boolean equalRuns, NodeArrayPool nodeArrays) {
    this.pairKeys = pairKeys;
    this.equalRuns = equalRuns;
    this.nodeArrays = nodeArrays;
  }

  int size() {
    return size;
  }

  // ---------------------------------------------------------------- handles and reads

  private static int handle(int leaf, int slot) {
    return leaf << SLOT_BITS | slot;
  }

  private static int leafOf(int handle) {
    return handle >>> SLOT_BITS;
  }

  private static int slotOf(int handle) {
    return handle & SLOT_MASK;
  }

  long a(int handle) {
    return key(leafKeys[leafOf(handle)], slotOf(handle));
  }

  long b(int handle) {
    return key(leafKeys[leafOf(handle)], CAPACITY + slotOf(handle));
  }

  /** Rewrites {@code b} in place; only for trees ordered by {@code a} alone. */
  void setB(int handle, long b) {
    if (pairKeys) {
      throw new IllegalStateException("b is part of the key");
    }
    setKey(leafKeys[leafOf(handle)], CAPACITY + slotOf(handle), b);
  }

  /**
   * Replaces the entry {@code handle} with {@code (a, b)}; only for trees ordered by {@code a}
   * alone, and only with an {@code a} above the entry's and below the next entry's. In place, with
   * no search, unless the entry ends a leaf that has a successor: a raised key keeps every
   * separator at or below it a lower bound, but the separator of the next leaf may be stale (lower
   * than that leaf's first key) and the raised key must stay below it, so that entry is removed and
   * inserted again.
   */
  void raiseKey(int handle, long a, long b) {
    if (pairKeys) {
      throw new IllegalStateException("b is part of the key");
    }
    int leaf = leafOf(handle);
    int slot = slotOf(handle);
    if (slot + 1 == leafCount[leaf] && leafNext[leaf] != NONE) {
      remove(key(leafKeys[leaf], slot), 0);
      insert(a, b);
    } else {
      setKey(leafKeys[leaf], slot, a);
      setKey(leafKeys[leaf], CAPACITY + slot, b);
    }
  }

  int first() {
    return firstLeaf == NONE ? NONE : handle(firstLeaf, 0);
  }

  int last() {
    return lastLeaf == NONE ? NONE : handle(lastLeaf, leafCount[lastLeaf] - 1);
  }

  int next(int handle) {
    int leaf = leafOf(handle);
    if (slotOf(handle) + 1 < leafCount[leaf]) {
      return handle + 1;
    }
    int next = leafNext[leaf];
    return next == NONE ? NONE : handle(next, 0);
  }

  int previous(int handle) {
    if (slotOf(handle) > 0) {
      return handle - 1;
    }
    int previous = leafPrev[leafOf(handle)];
    return previous == NONE ? NONE : handle(previous, leafCount[previous] - 1);
  }

  /** Returns the greatest entry {@code <= (a, b)}, or {@link #NONE}. */
  int floor(long a, long b) {
    if (root == NONE) {
      return NONE;
    }
    int[] table = hints;
    int leaf;
    if (table == null) { // not through reach: decoding its result cost floor 3% at 1k regions
      leaf = descend(a, b);
      descendedLeaf = leaf;
    } else {
      int found = hintedDescend(table, a, b);
      descendedLeaf = found;
      leaf = leafFound(found);
    }
    touchLeaf(leafKeys[leaf], leafCount[leaf]);
    int slot = search(leafKeys[leaf], 0, leafCount[leaf], a, b, true) - 1;
    if (slot >= 0) {
      return handle(leaf, slot);
    }
    // The separator that led here is a stale lower bound; the floor ends the previous leaf.
    int previous = leafPrev[leaf];
    return previous == NONE ? NONE : handle(previous, leafCount[previous] - 1);
  }

  /** Returns the least entry {@code >= (a, b)}, or {@link #NONE}. */
  int ceiling(long a, long b) {
    if (root == NONE) {
      return NONE;
    }
    int leaf = descend(a, b);
    descendedLeaf = leaf;
    int slot = search(leafKeys[leaf], 0, leafCount[leaf], a, b, false);
    if (slot < leafCount[leaf]) {
      return handle(leaf, slot);
    }
    int next = leafNext[leaf];
    return next == NONE ? NONE : handle(next, 0);
  }

  // ---------------------------------------------------------------- search

  private int compare(long a1, long b1, long a2, long b2) {
    if (a1 != a2) {
      return a1 < a2 ? -1 : 1;
    }
    return pairKeys ? Long.compare(b1, b2) : 0;
  }

  /**
   * Returns the first index in {@code [from, count)} whose key is {@code > (a, b)} when {@code
   * strict}, or {@code >= (a, b)} otherwise; {@code count} if there is none.
   */
  private int search(int[] keys, int from, int count, long a, long b, boolean strict) {
    if (!strict) {
      return pairKeys ? searchPair(keys, from, count, a, b) : searchA(keys, from, count, a);
    }
    // > (a, b) is >= (a, b + 1), or >= a + 1 for b = MAX (or a alone); nothing is > (MAX, MAX).
    if (pairKeys && b != Long.MAX_VALUE) {
      return searchPair(keys, from, count, a, b + 1);
    }
    return a == Long.MAX_VALUE ? count : searchA(keys, from, count, a + 1);
  }

  /**
   * Returns the first index in {@code [from, count)} whose key is {@code >= (a, b)}, {@code count}
   * if there is none, without a branch on the keys (see {@link #searchA}): the non-short-circuit
   * operators are what keep the comparison of {@code b} from becoming a branch.
   */
  @SuppressWarnings("ShortCircuitBoolean")
  private static int searchPair(int[] keys, int from, int count, long a, long b) {
    int base = from;
    int length = count - from;
    while (length > 1) {
      int half = length >>> 1;
      int probe = base + half - 1;
      long ka = key(keys, probe);
      boolean before = ka < a | (ka == a & key(keys, CAPACITY + probe) < b);
      base = before ? base + half : base;
      length -= half;
    }
    if (length == 1) {
      long ka = key(keys, base);
      if (ka < a | (ka == a & key(keys, CAPACITY + base) < b)) {
        base++;
      }
    }
    return base;
  }

  /**
   * Returns the first index in {@code [from, count)} whose {@code a} is {@code >= bound}, {@code
   * count} if there is none: {@link #search} of a tree ordered by {@code a} alone, without a branch
   * on the keys (a conditional move), since a binary search's branches are mispredicted half the
   * time. It first counts the groups of {@link #GROUP} keys whose last key is below the bound, then
   * the keys below the bound in the group after them. The loads of both passes do not depend on
   * each other: in a tree too large for the cache their misses overlap, where each step of a binary
   * search waits for the previous one (about 10% of best-fit's aligned churn at 1M live regions,
   * see docs/alignment.md); in a cached one the comparisons run side by side. Counting in the group
   * instead of halving it (four dependent steps): 92.0 to 88.8 ns per call at 1k live regions and
   * 119.6 to 113.4 at 10k (peers churn, medians of 8 and 12 alternated runs), 100k and 1M within
   * the noise (docs/performance.md).
   */
  static int searchA(int[] keys, int from, int count, long bound) {
    int base = from;
    for (int probe = from + GROUP - 1; probe < count; probe += GROUP) {
      base += key(keys, probe) < bound ? GROUP : 0; // independent loads: their misses overlap
    }
    int below = 0;
    if (count - base >= GROUP) {
      for (int k = 0; k < GROUP; k++) { // a constant count, which the JIT unrolls
        below += key(keys, base + k) < bound ? 1 : 0;
      }
    } else {
      for (int slot = base; slot < count; slot++) {
        below += key(keys, slot) < bound ? 1 : 0;
      }
    }
    return base + below;
  }

  /**
   * In a tree of at least {@link #TOUCH_FROM} entries, loads one key of every cache line of the
   * leaf's {@code a}s and {@code b}s in use, so that their misses overlap those of the search's
   * probes: a free reads the found block's {@code b} (its size) and a shift moves both runs, each
   * one more miss waited for after the search otherwise. Java has no prefetch; the token is written
   * so that the JIT keeps the loads. Smaller trees stay in the caches, where the loads only cost.
   * Measured with aligned churn (AlignLoop, 1M live regions, alignment 16: about a million blocks,
   * 20 MiB of leaves when keys were longs, 10 MiB now), see docs/alignment.md.
   */
  private void touchLeaf(int[] keys, int count) {
    if (size < TOUCH_FROM) { // a tree this large has no empty leaf
      return;
    }
    long token = key(keys, count - 1) ^ key(keys, CAPACITY + count - 1);
    for (int slot = 0; slot < count; slot += GROUP) { // half a line of narrow keys: 2 loads a line
      token ^= key(keys, slot) ^ key(keys, CAPACITY + slot);
    }
    touchToken = token;
  }

  /** Walks from the root to the leaf whose range holds {@code (a, b)}, recording the path. */
  private int descend(long a, long b) {
    int node = root;
    int[] nodes = pathNode;
    int[] slots = pathSlot;
    for (int level = 0; level < height; level++) {
      int slot = search(innerKeys[node], 1, innerCount[node], a, b, true) - 1;
      nodes[level] = node;
      slots[level] = slot;
      node = innerChildren[node][slot];
    }
    return node;
  }

  /**
   * Returns the leaf whose range holds {@code (a, b)}: by {@link #descend} in a tree without hints,
   * else as {@link #hintedDescend} finds it.
   */
  private int reach(long a, long b) {
    int[] table = hints;
    return table == null ? descend(a, b) : hintedDescend(table, a, b);
  }

  /**
   * Returns the leaf whose range holds {@code (a, b)}: {@link #hinted} of it when the hint of
   * {@code a} in {@code table} names it, else by {@link #descend}, which becomes the hint. A hinted
   * leaf is taken only if its first and last keys enclose {@code a}: the leaves split the order, so
   * a descent would reach that leaf (for an insert, a new key then goes strictly between the two).
   * That saves the descent, whose inner nodes are cache misses in a tree past the caches, but
   * records no path.
   */
  private int hintedDescend(int[] table, long a, long b) {
    if (size < HINT_FROM / 2) {
      hints = null; // a tree this small stays in the caches
      return descend(a, b);
    }
    long key = a >>> hintShift;
    if (key >= table.length) { // past the span of the slots: widen it
      hintShift = Long.SIZE - Long.numberOfLeadingZeros(a) - HINT_BITS;
      key = a >>> hintShift;
    }
    int slot = (int) key;
    int leaf = table[slot];
    if (leaf != NONE) {
      int count = leafCount[leaf]; // 0 for a freed leaf
      if (count > 0) {
        int[] keys = leafKeys[leaf];
        long first = key(keys, 0);
        long last = key(keys, count - 1);
        if (first <= a && a <= last) {
          return hinted(leaf);
        }
      }
    }
    leaf = descend(a, b);
    hintedTreeDescents++;
    table[slot] = leaf;
    return leaf;
  }

  /**
   * Marks a leaf found by a hint, whose path is not recorded: never {@link #NONE}; its own inverse.
   */
  private static int hinted(int leaf) {
    return -2 - leaf;
  }

  /** The leaf of a {@link #reach} or {@link #hintedDescend} result. */
  private static int leafFound(int found) {
    return found >= 0 ? found : hinted(found);
  }

  /** Starts keeping hints when the tree is large enough and its kind allows them. */
  private void keepHintsIfLarge() {
    if (hints == null && size >= HINT_FROM && !pairKeys && classCount == 0) {
      int[] table;
      try {
        table = nodeArrays.newInts(1 << HINT_BITS);
      } catch (OutOfMemoryError e) {
        return; // a cache: the tree is whole without it, and the next large load tries again
      }
      Arrays.fill(table, NONE);
      hints = table;
      hintShift = 0;
    }
  }

  // ---------------------------------------------------------------- insert

  /**
   * Adds an entry.
   *
   * @throws IllegalStateException if an entry with the same key is present (a caller bug)
   */
  void insert(long a, long b) {
    restructured = false;
    if (root == NONE) {
      int leaf = newLeaf();
      leafNext[leaf] = NONE;
      leafPrev[leaf] = NONE;
      root = leaf;
      height = 0;
      firstLeaf = leaf;
      lastLeaf = leaf;
      restructured = true;
    }
    int found = reach(a, b);
    int leaf = leafFound(found);
    int[] keys = leafKeys[leaf];
    int count = leafCount[leaf];
    touchLeaf(keys, count);
    int slot = search(keys, 0, count, a, b, false);
    if (slot < count && compare(key(keys, slot), key(keys, CAPACITY + slot), a, b) == 0) {
      throw new IllegalStateException("key (" + a + ", " + b + ") is already present");
    }
    insertSlot(leaf, slot, a, b, found == leaf);
  }

  /**
   * Adds an entry right after {@code handle}, which the latest {@link #floor} or {@link #ceiling}
   * returned with no change since: without a second descent when that search ended in the handle's
   * leaf, as {@link #insert} otherwise. The caller guarantees that {@code (a, b)} lies between the
   * handle's entry and the next one.
   */
  void insertAfter(int handle, long a, long b) {
    int leaf = leafOf(handle);
    int slot = slotOf(handle) + 1;
    // Past a leaf's last entry the key may belong to the next leaf: its separator may be stale.
    boolean pathHeld = leaf == descendedLeaf;
    if ((!pathHeld && leaf != hinted(descendedLeaf))
        || (slot == leafCount[leaf] && leafNext[leaf] != NONE)) {
      insert(a, b);
      return;
    }
    restructured = false;
    insertSlot(leaf, slot, a, b, pathHeld);
  }

  /**
   * Puts {@code (a, b)} at {@code slot} of {@code leaf}, which the path leads to when {@code
   * pathHeld} (otherwise a hint led to it).
   */
  private void insertSlot(int leaf, int slot, long a, long b, boolean pathHeld) {
    int[] keys = leafKeys[leaf];
    int count = leafCount[leaf];
    shiftKeys(keys, slot, count, 1);
    setKey(keys, slot, a);
    setKey(keys, CAPACITY + slot, b);
    leafCount[leaf] = ++count;
    size++;
    if (count == CAPACITY) {
      if (!pathHeld) {
        descend(a, b); // reaches the leaf, which holds (a, b) now
        hintedTreeDescents++;
      }
      relieveLeaf(leaf);
    }
    if (size == HINT_FROM) {
      keepHintsIfLarge();
    }
    if (classCount > 0) {
      updateRooms(leaf, a, b, true);
    }
    descendedLeaf = NONE;
  }

  /** Brings a full leaf under capacity: spill into a roomy sibling, else split. */
  private void relieveLeaf(int leaf) {
    restructured = true;
    if (height == 0) {
      int right = splitLeaf(leaf);
      growRoot(leaf, right, leafKeys[right]);
      return;
    }
    int level = height - 1;
    int parent = pathNode[level];
    int slot = pathSlot[level];
    int[] children = innerChildren[parent];
    if (slot > 0 && leafCount[children[slot - 1]] <= CAPACITY - SPILL_ROOM) {
      balanceLeaves(children[slot - 1], leaf);
      setSeparator(parent, slot, leafKeys[leaf]);
    } else if (slot + 1 < innerCount[parent]
        && leafCount[children[slot + 1]] <= CAPACITY - SPILL_ROOM) {
      balanceLeaves(leaf, children[slot + 1]);
      setSeparator(parent, slot + 1, leafKeys[children[slot + 1]]);
    } else {
      int right = splitLeaf(leaf);
      insertChild(level, slot + 1, right, leafKeys[right]);
    }
  }

  /** Evens out two neighbouring leaves. */
  private void balanceLeaves(int left, int right) {
    moveBoundary(left, right, (leafCount[left] + leafCount[right]) >>> 1);
  }

  /** Moves entries across two neighbouring leaves so that {@code left} holds {@code newLeft}. */
  private void moveBoundary(int left, int right, int newLeft) {
    int leftCount = leafCount[left];
    int rightCount = leafCount[right];
    int total = leftCount + rightCount;
    int[] leftKeys = leafKeys[left];
    int[] rightKeys = leafKeys[right];
    if (leftCount < newLeft) {
      int moved = newLeft - leftCount;
      copyKeys(rightKeys, 0, leftKeys, leftCount, moved);
      shiftKeys(rightKeys, moved, rightCount, -moved);
    } else {
      int moved = leftCount - newLeft;
      shiftKeys(rightKeys, 0, rightCount, moved);
      copyKeys(leftKeys, newLeft, rightKeys, 0, moved);
    }
    leafCount[left] = newLeft;
    leafCount[right] = total - newLeft;
  }

  /** Moves the upper half of a leaf into a new leaf linked after it; returns the new leaf. */
  private int splitLeaf(int leaf) {
    int right = newLeaf();
    int half = CAPACITY / 2;
    int count = leafCount[leaf];
    copyKeys(leafKeys[leaf], half, leafKeys[right], 0, count - half);
    leafCount[leaf] = half;
    leafCount[right] = count - half;
    int after = leafNext[leaf];
    leafNext[right] = after;
    leafPrev[right] = leaf;
    leafNext[leaf] = right;
    if (after == NONE) {
      lastLeaf = right;
    } else {
      leafPrev[after] = right;
    }
    return right;
  }

  /**
   * Inserts {@code child}, whose keys start with {@code firstKeys[0]}, at {@code slot} of the path
   * node.
   */
  private void insertChild(int level, int slot, int child, int[] firstKeys) {
    int node = pathNode[level];
    int count = innerCount[node];
    int[] keys = innerKeys[node];
    int[] children = innerChildren[node];
    shiftKeys(keys, slot, count, 1);
    System.arraycopy(children, slot, children, slot + 1, count - slot);
    children[slot] = child;
    innerCount[node] = ++count;
    setSeparator(node, slot, firstKeys);
    if (count == CAPACITY) {
      int right = newInner();
      int half = CAPACITY / 2;
      copyKeys(keys, half, innerKeys[right], 0, count - half);
      System.arraycopy(children, half, innerChildren[right], 0, count - half);
      innerCount[node] = half;
      innerCount[right] = count - half;
      if (level == 0) {
        growRoot(node, right, innerKeys[right]);
      } else {
        insertChild(level - 1, pathSlot[level - 1] + 1, right, innerKeys[right]);
      }
    }
  }

  /** Puts a new root above {@code left} and {@code right}. */
  private void growRoot(int left, int right, int[] rightKeys) {
    int node = newInner();
    innerChildren[node][0] = left;
    innerChildren[node][1] = right;
    innerCount[node] = 2;
    setSeparator(node, 1, rightKeys);
    root = node;
    height++;
    holdPathsOf(height);
    nodeArrays.noteHeight(height);
  }

  /**
   * Grows the path arrays, when needed, to hold the paths of a tree {@code levels} high: after the
   * 8 levels they start with (2^48 entries), more than a tree of int node ids makes in practice.
   */
  private void holdPathsOf(int levels) {
    if (levels >= pathNode.length) {
      int length = levels * 2;
      int[] nodes = nodeArrays.copyOf(pathNode, length); // all four, then the swap: whole or none
      int[] slots = nodeArrays.copyOf(pathSlot, length);
      int[] before = nodeArrays.copyOf(pathBefore, length + 1);
      int[] after = nodeArrays.copyOf(pathAfter, length + 1);
      pathNode = nodes;
      pathSlot = slots;
      pathBefore = before;
      pathAfter = after;
    }
  }

  private void setSeparator(int node, int slot, int[] firstKeys) {
    int[] keys = innerKeys[node];
    setKey(keys, slot, key(firstKeys, 0));
    setKey(keys, CAPACITY + slot, key(firstKeys, CAPACITY));
  }

  // ---------------------------------------------------------------- remove

  /**
   * Removes the entry with this key ({@code b} is ignored when ordering by {@code a} alone).
   *
   * @throws IllegalStateException if there is none (a caller bug)
   */
  void remove(long a, long b) {
    restructured = false;
    if (root != NONE) {
      int found = reach(a, b);
      int leaf = leafFound(found);
      int[] keys = leafKeys[leaf];
      int count = leafCount[leaf];
      int slot = search(keys, 0, count, a, b, false);
      if (slot < count && compare(key(keys, slot), key(keys, CAPACITY + slot), a, b) == 0) {
        removeSlot(leaf, slot, found == leaf);
        return;
      }
    }
    throw new IllegalStateException("key (" + a + ", " + b + ") is not present");
  }

  /**
   * Removes the entry {@code handle}: without a descent when the latest {@link #floor} or {@link
   * #ceiling}, with no change since, ended in its leaf or when it is in the first leaf (whose path
   * is the leftmost one, no search); as {@link #remove} otherwise.
   */
  void removeAt(int handle) {
    int leaf = leafOf(handle);
    boolean pathHeld = leaf == descendedLeaf;
    if (!pathHeld && leaf != hinted(descendedLeaf)) {
      if (leaf != firstLeaf) {
        remove(a(handle), b(handle));
        return;
      }
      descendLeftmost();
      pathHeld = true;
    }
    restructured = false;
    removeSlot(leaf, slotOf(handle), pathHeld);
  }

  /** Records the path to the first leaf, as {@link #descend} would. */
  private void descendLeftmost() {
    int node = root;
    for (int level = 0; level < height; level++) {
      pathNode[level] = node;
      pathSlot[level] = 0;
      node = innerChildren[node][0];
    }
  }

  /**
   * Takes the entry at {@code slot} out of {@code leaf}, which the path leads to when {@code
   * pathHeld} (otherwise a hint led to it).
   */
  private void removeSlot(int leaf, int slot, boolean pathHeld) {
    int[] keys = leafKeys[leaf];
    int count = leafCount[leaf];
    long a = key(keys, slot);
    long b = key(keys, CAPACITY + slot);
    shiftKeys(keys, slot + 1, count, -1);
    leafCount[leaf] = --count;
    size--;
    if (count < MERGE_BELOW && (pathHeld || mayShrink(leaf, count))) {
      if (!pathHeld) {
        descend(a, b); // reaches the leaf: its separator still bounds the removed key
        hintedTreeDescents++;
      }
      shrinkLeaf(leaf);
    }
    if (classCount > 0) {
      updateRooms(leaf, a, b, false);
    }
    descendedLeaf = NONE;
  }

  /**
   * Whether {@link #shrinkLeaf} may change nodes for a leaf of {@code count} entries, judged by its
   * neighbours in the leaf chain. Each is its sibling or under another parent, which shrinkLeaf
   * counts as a full sibling, so a merge that the chain rules out is ruled out there too: a removal
   * at a hinted leaf then needs no descent.
   */
  private boolean mayShrink(int leaf, int count) {
    int before = leafPrev[leaf];
    int after = leafNext[leaf];
    int leftCount = before == NONE ? CAPACITY : leafCount[before];
    int rightCount = after == NONE ? CAPACITY : leafCount[after];
    return count == 0
        || leftCount + count <= MERGE_LIMIT
        || count + rightCount <= MERGE_LIMIT
        || leftCount + count + rightCount <= 2 * MERGE_LIMIT;
  }

  /** Merges a leaf that fell below a quarter into a sibling, or drops it when empty. */
  private void shrinkLeaf(int leaf) {
    int count = leafCount[leaf];
    if (height == 0) {
      if (count == 0) {
        unlinkLeaf(leaf);
        root = NONE;
      }
      return;
    }
    restructured = true;
    int level = height - 1;
    int parent = pathNode[level];
    int slot = pathSlot[level];
    int[] children = innerChildren[parent];
    // A missing sibling counts as full: no branch below can then pick it (each needs a sum that
    // the branch before it would already have taken).
    int leftCount = slot > 0 ? leafCount[children[slot - 1]] : CAPACITY;
    int rightCount = slot + 1 < innerCount[parent] ? leafCount[children[slot + 1]] : CAPACITY;
    if (count == 0 || leftCount + count <= MERGE_LIMIT) {
      if (slot > 0) {
        mergeLeaves(children[slot - 1], leaf);
        removeChild(level, slot);
        return;
      }
    }
    if (count + rightCount <= MERGE_LIMIT) {
      mergeLeaves(leaf, children[slot + 1]);
      removeChild(level, slot + 1);
    } else if (leftCount + count + rightCount <= 2 * MERGE_LIMIT) {
      // Three into two (B*-style): top up the left sibling, then take in the right one.
      moveBoundary(children[slot - 1], leaf, Math.min(MERGE_LIMIT, leftCount + count));
      mergeLeaves(leaf, children[slot + 1]);
      setSeparator(parent, slot, leafKeys[leaf]);
      removeChild(level, slot + 1);
    } else if (count == 0) {
      unlinkLeaf(leaf);
      removeChild(level, slot);
    } else {
      restructured = false; // no branch above changed a node
    }
  }

  /** Moves every entry of {@code right} to the end of {@code left} and frees {@code right}. */
  private void mergeLeaves(int left, int right) {
    int leftCount = leafCount[left];
    int rightCount = leafCount[right];
    copyKeys(leafKeys[right], 0, leafKeys[left], leftCount, rightCount);
    leafCount[left] = leftCount + rightCount;
    unlinkLeaf(right);
  }

  private void unlinkLeaf(int leaf) {
    int before = leafPrev[leaf];
    int after = leafNext[leaf];
    if (before == NONE) {
      firstLeaf = after;
    } else {
      leafNext[before] = after;
    }
    if (after == NONE) {
      lastLeaf = before;
    } else {
      leafPrev[after] = before;
    }
    leafCount[leaf] = 0;
    leafNext[leaf] = freeLeaves;
    freeLeaves = leaf;
    freeLeafCount++;
    nodeArrays.giveKeys(leafKeys[leaf]);
    leafKeys[leaf] = NO_KEYS;
  }

  /** Removes the child at {@code slot} of the path node of {@code level}, shrinking upwards. */
  private void removeChild(int level, int slot) {
    int node = pathNode[level];
    int count = innerCount[node];
    int[] children = innerChildren[node];
    shiftKeys(innerKeys[node], slot + 1, count, -1);
    System.arraycopy(children, slot + 1, children, slot, count - slot - 1);
    innerCount[node] = --count;
    if (level == 0) {
      if (count == 1) {
        root = children[0];
        height--;
        freeInner(node);
      }
      return;
    }
    if (count >= MERGE_BELOW) {
      return;
    }
    int parent = pathNode[level - 1];
    int parentSlot = pathSlot[level - 1];
    int[] siblings = innerChildren[parent];
    if (parentSlot > 0
        && (count == 0 || innerCount[siblings[parentSlot - 1]] + count <= MERGE_LIMIT)) {
      mergeInners(parent, parentSlot - 1);
      removeChild(level - 1, parentSlot);
    } else if (parentSlot + 1 < innerCount[parent]
        && count + innerCount[siblings[parentSlot + 1]] <= MERGE_LIMIT) {
      mergeInners(parent, parentSlot);
      removeChild(level - 1, parentSlot + 1);
    } else if (count == 0) {
      freeInner(node);
      removeChild(level - 1, parentSlot);
    }
  }

  /**
   * Moves the children of {@code parent}'s child {@code slot + 1} to the end of child {@code slot}.
   */
  private void mergeInners(int parent, int slot) {
    int left = innerChildren[parent][slot];
    int right = innerChildren[parent][slot + 1];
    int leftCount = innerCount[left];
    int rightCount = innerCount[right];
    int[] leftKeys = innerKeys[left];
    copyKeys(innerKeys[right], 0, leftKeys, leftCount, rightCount);
    System.arraycopy(innerChildren[right], 0, innerChildren[left], leftCount, rightCount);
    // Slot 0 of `right` carries no bound; the parent's separator of `right` is one.
    setKey(leftKeys, leftCount, key(innerKeys[parent], slot + 1));
    setKey(leftKeys, CAPACITY + leftCount, key(innerKeys[parent], CAPACITY + slot + 1));
    innerCount[left] = leftCount + rightCount;
    freeInner(right);
  }

  // ---------------------------------------------------------------- aligned room

  /**
   * Returns the class of an alignment, making it on first use, or {@link #NONE} when {@link
   * #MAX_ALIGNMENT_CLASSES} classes exist. From then on every change keeps, per node, the most room
   * the class finds in one entry below it, reading each entry as a run (see the design comment:
   * {@code [b, b + a)} in a pair-keyed tree, {@code [a, a + b)} otherwise), so that {@link
   * #firstWithRoom} is one descent. Making a class walks the tree once, O(n).
   *
   * @param alignment the alignment, {@code >= 1}
   */
  int alignmentClass(long alignment) {
    for (int c = 0; c < classCount; c++) {
      if (classAlignment[c] == alignment) {
        return c;
      }
    }
    if (classCount == MAX_ALIGNMENT_CLASSES) {
      return NONE;
    }
    long[] leafRooms = nodeArrays.newLongs(leafKeys.length); // both before any change
    long[] innerRooms = nodeArrays.newLongs(innerKeys.length);
    int c = classCount;
    classAlignment[c] = alignment;
    hints = null; // room upkeep follows the recorded path, which a hinted change lacks
    leafRoom[c] = leafRooms;
    innerRoom[c] = innerRooms;
    classCount++;
    if (root != NONE) {
      summarizeRooms(root, 0, c);
    }
    return c;
  }

  /**
   * Returns the first entry in key order in whose run a region of {@code size} fits at a start that
   * is a multiple of the class's alignment ({@code up(start) + size <= start + length}), or {@link
   * #NONE}. For the holes ordered by (length, start), or the holes of one length by start, that is
   * the aligned best fit. O(F log n).
   *
   * @param size the region's size, {@code > 0}
   * @param alignmentClass a class from {@link #alignmentClass}
   */
  int firstWithRoom(long size, int alignmentClass) {
    if (root == NONE || roomOf(root, 0, alignmentClass) < size) {
      return NONE;
    }
    int node = root;
    for (int level = 0; level < height; level++) {
      int[] kids = innerChildren[node];
      int slot = 0;
      while (roomOf(kids[slot], level + 1, alignmentClass) < size) {
        slot++; // the node's summary promised a child that fits
      }
      pathNode[level] = node;
      pathSlot[level] = slot;
      node = kids[slot];
    }
    descendedLeaf = node; // the path is recorded: removeAt needs no second descent
    int[] keys = leafKeys[node];
    long alignment = classAlignment[alignmentClass];
    int slot = 0;
    while (entryRoom(key(keys, slot), key(keys, CAPACITY + slot), alignment) < size) {
      slot++;
    }
    return handle(node, slot);
  }

  /**
   * Returns the room a region finds in the run {@code [start, start + length)} at a start that is a
   * multiple of {@code alignment}: {@code start + length - up(start)}, or 0 when that start is not
   * inside. A region of size {@code s} fits exactly when the room is {@code >= s}.
   */
  private static long room(long start, long length, long alignment) {
    long aligned = Alignment.up(start, alignment);
    long end = start + length;
    return aligned == Alignment.OVERFLOW || aligned >= end ? 0 : end - aligned;
  }

  /** The room of the entry {@code (a, b)}'s run: see the design comment for which is the start. */
  private long entryRoom(long a, long b, long alignment) {
    return pairKeys ? room(b, a, alignment) : room(a, b, alignment);
  }

  /** The summary of a node at {@code level} (0: the root; {@code height}: a leaf). */
  private long roomOf(int node, int level, int c) {
    return level == height ? leafRoom[c][node] : innerRoom[c][node];
  }

  /** Computes the summaries of a new class below {@code node}; returns the node's. */
  private long summarizeRooms(int node, int level, int c) {
    if (level == height) {
      leafRoom[c][node] = leafMaxRoom(node, c);
      return leafRoom[c][node];
    }
    long max = 0;
    int[] kids = innerChildren[node];
    for (int slot = 0; slot < innerCount[node]; slot++) {
      max = Math.max(max, summarizeRooms(kids[slot], level + 1, c));
    }
    innerRoom[c][node] = max;
    return max;
  }

  /**
   * The most room class {@code c} finds in one entry of the leaf. A run's room never exceeds its
   * length, and the leaf's longest run bounds them all: in a pair-keyed tree the last entry's
   * {@code a}, in a tree of equal runs (a short-hole tree of HoleIndex) any entry's {@code b}. The
   * scan stops at the first entry whose room reaches that bound: in a tree of equal runs, at the
   * first aligned run instead of the leaf's end. Other trees scan the whole leaf.
   */
  private long leafMaxRoom(int leaf, int c) {
    int[] keys = leafKeys[leaf];
    int count = leafCount[leaf];
    long alignment = classAlignment[c];
    long bound = count == 0 ? 0 : runBound(keys, count);
    long max = 0;
    for (int slot = 0; slot < count && max < bound; slot++) {
      max = Math.max(max, entryRoom(key(keys, slot), key(keys, CAPACITY + slot), alignment));
    }
    return max;
  }

  /** The longest run of a non-empty leaf, or {@link Long#MAX_VALUE} when it is not known. */
  private long runBound(int[] keys, int count) {
    if (pairKeys) {
      return key(keys, count - 1);
    }
    return equalRuns ? key(keys, CAPACITY + count - 1) : Long.MAX_VALUE;
  }

  private long innerMaxRoom(int node, int level, int c) {
    int[] kids = innerChildren[node];
    long max = 0;
    for (int slot = 0; slot < innerCount[node]; slot++) {
      max = Math.max(max, roomOf(kids[slot], level + 1, c));
    }
    return max;
  }

  /**
   * Brings the room summaries up to date after the entry {@code (a, b)} was inserted into or
   * removed from {@code leaf}. Without a change of structure the path of that call still holds: an
   * insert raises the summaries up it, a removal rescans only the nodes whose maximum it was.
   * Otherwise {@link #refreshRooms} recomputes around the entry's new place.
   */
  private void updateRooms(int leaf, long a, long b, boolean inserted) {
    if (restructured) {
      restructured = false;
      refreshRooms(a, b);
      return;
    }
    for (int c = 0; c < classCount; c++) {
      long changed = entryRoom(a, b, classAlignment[c]);
      long old = leafRoom[c][leaf];
      long now = inserted ? Math.max(old, changed) : changed < old ? old : leafMaxRoom(leaf, c);
      leafRoom[c][leaf] = now;
      for (int level = height - 1; level >= 0 && now != old; level--) {
        int node = pathNode[level];
        long nodeOld = innerRoom[c][node];
        long nodeNow =
            now > old
                ? Math.max(nodeOld, now)
                : nodeOld > old ? nodeOld : innerMaxRoom(node, level, c);
        innerRoom[c][node] = nodeNow;
        old = nodeOld;
        now = nodeNow;
      }
    }
  }

  /**
   * Recomputes the room summaries after a change of structure. A split, spill or merge changes, at
   * each level, only the node on the path to the changed entry and the nodes just before and after
   * it in key order (a node and its new sibling, two siblings that shared entries, a node and the
   * one it absorbed), so a new descent to {@code (a, b)}, those neighbours, and a rescan of at most
   * three nodes per level, bottom up, restore every summary: O(F log n) per class.
   */
  private void refreshRooms(long a, long b) {
    if (root == NONE) {
      return;
    }
    int leaf = descend(a, b);
    pathBefore[0] = NONE;
    pathAfter[0] = NONE;
    for (int level = 0; level < height; level++) {
      int node = pathNode[level];
      int slot = pathSlot[level];
      int[] kids = innerChildren[node];
      int before = pathBefore[level];
      int after = pathAfter[level];
      pathBefore[level + 1] =
          slot > 0
              ? kids[slot - 1]
              : before == NONE ? NONE : innerChildren[before][innerCount[before] - 1];
      pathAfter[level + 1] =
          slot + 1 < innerCount[node]
              ? kids[slot + 1]
              : after == NONE ? NONE : innerChildren[after][0];
    }
    for (int c = 0; c < classCount; c++) {
      long[] rooms = leafRoom[c];
      rooms[leaf] = leafMaxRoom(leaf, c);
      if (pathBefore[height] != NONE) {
        rooms[pathBefore[height]] = leafMaxRoom(pathBefore[height], c);
      }
      if (pathAfter[height] != NONE) {
        rooms[pathAfter[height]] = leafMaxRoom(pathAfter[height], c);
      }
      for (int level = height - 1; level >= 0; level--) {
        refreshInner(pathBefore[level], level, c);
        refreshInner(pathNode[level], level, c);
        refreshInner(pathAfter[level], level, c);
      }
    }
  }

  private void refreshInner(int node, int level, int c) {
    if (node != NONE) {
      innerRoom[c][node] = innerMaxRoom(node, level, c);
    }
  }

  /**
   * Walks the whole tree and throws {@link IllegalStateException} at the first room summary that
   * differs from the entries below it. O(n); for tests.
   */
  void checkRooms() {
    for (int c = 0; c < classCount; c++) {
      if (root != NONE) {
        checkRooms(root, 0, c);
      }
    }
  }

  private long checkRooms(int node, int level, int c) {
    long expected;
    if (level == height) {
      expected = leafMaxRoom(node, c);
    } else {
      expected = 0;
      for (int slot = 0; slot < innerCount[node]; slot++) {
        expected = Math.max(expected, checkRooms(innerChildren[node][slot], level + 1, c));
      }
    }
    if (roomOf(node, level, c) != expected) {
      throw new IllegalStateException(
          "room of alignment "
              + classAlignment[c]
              + " at node "
              + node
              + " (level "
              + level
              + ") is "
              + roomOf(node, level, c)
              + ", not "
              + expected);
    }
    return expected;
  }

  // ---------------------------------------------------------------- node pools

  /**
   * Makes room, before a change, for {@code inserts} node-making inserts: node ids for a leaf and
   * up to {@code height + 1} inner nodes each (at height 0 one root in all: the leaves that a split
   * root leaf's halves make fill the root for dozens of splits before it splits), and the path
   * arrays for one more level. A leaf each even at height 0: between two top-ups the inserts that
   * make no node are not counted, so the halves may fill and split again in the same window. O(1)
   * unless a table grows. The hint table is not part of it: a cache, made when there is room.
   */
  void reserve(int inserts) {
    int leaves = inserts;
    int inners = height == 0 ? 1 : inserts * (height + 1);
    if (freeLeafCount + leafKeys.length - leafIds < leaves) {
      growLeafIds(leafIds - freeLeafCount + leaves);
    }
    if (spareInnerIds() < inners) {
      growInnerIds(innerIds - freeInnerCount + inners);
    }
    holdPathsOf(height + 1);
  }

  /**
   * Returns the inner node ids a change can take without growing the tables: freed ones and ones
   * never handed out. Package-private for the tests that size the tables to the id.
   */
  int spareInnerIds() {
    return freeInnerCount + innerKeys.length - innerIds;
  }

  int height() {
    return height;
  }

  /** Marks the tree as having made nodes; returns whether it was clean (see {@link #dirty}). */
  boolean markDirty() {
    boolean was = dirty;
    dirty = true;
    return !was;
  }

  /** Marks the tree's reserve as restored. */
  void markClean() {
    dirty = false;
  }

  /** Grows the leaf tables to at least {@code length} ids (by half at least): all, or none. */
  private void growLeafIds(int length) {
    int grown = Math.max(length, leafKeys.length + (leafKeys.length >> 1));
    int[][] keys = nodeArrays.copyOf(leafKeys, grown);
    int[] counts = nodeArrays.copyOf(leafCount, grown);
    int[] next = nodeArrays.copyOf(leafNext, grown);
    int[] prev = nodeArrays.copyOf(leafPrev, grown);
    long[][] rooms = new long[classCount][];
    for (int c = 0; c < classCount; c++) {
      rooms[c] = nodeArrays.copyOf(leafRoom[c], grown);
    }
    Arrays.fill(keys, leafKeys.length, grown, NO_KEYS);
    leafKeys = keys;
    leafCount = counts;
    leafNext = next;
    leafPrev = prev;
    System.arraycopy(rooms, 0, leafRoom, 0, classCount);
  }

  /**
   * Grows the inner node tables to at least {@code length} ids (by half at least): all, or none.
   */
  private void growInnerIds(int length) {
    int grown = Math.max(length, innerKeys.length + (innerKeys.length >> 1));
    int[][] keys = nodeArrays.copyOf(innerKeys, grown);
    int[][] kids = nodeArrays.copyOf(innerChildren, grown);
    int[] counts = nodeArrays.copyOf(innerCount, grown);
    long[][] rooms = new long[classCount][];
    for (int c = 0; c < classCount; c++) {
      rooms[c] = nodeArrays.copyOf(innerRoom[c], grown);
    }
    Arrays.fill(keys, innerKeys.length, grown, NO_KEYS);
    Arrays.fill(kids, innerChildren.length, grown, NO_CHILDREN);
    innerKeys = keys;
    innerChildren = kids;
    innerCount = counts;
    System.arraycopy(rooms, 0, innerRoom, 0, classCount);
  }

  private int newLeaf() {
    int leaf = freeLeaves;
    if (leaf == NONE && leafIds == leafKeys.length) {
      growLeafIds(leafIds + 1); // a tree used alone: the allocator's reserve has the id
    }
    int[] keys =
        nodeArrays.takeKeys(); // before the id is taken: a failure leaves the tree as it was
    if (leaf != NONE) {
      freeLeaves = leafNext[leaf];
      freeLeafCount--;
    } else {
      leaf = leafIds++;
    }
    leafKeys[leaf] = keys;
    nodeArrays.made(this, true);
    return leaf;
  }

  private int newInner() {
    int node = freeInners;
    if (node == NONE && innerIds == innerKeys.length) {
      growInnerIds(innerIds + 1); // a tree used alone: the allocator's reserve has the id
    }
    int[] keys = nodeArrays.takeKeys();
    int[] kids = nodeArrays.takeChildren();
    if (node != NONE) {
      freeInners = innerCount[node];
      freeInnerCount--;
    } else {
      node = innerIds++;
    }
    innerKeys[node] = keys;
    innerChildren[node] = kids;
    innerArrays++;
    nodeArrays.made(this, false);
    return node;
  }

  /** Puts an inner node on the free list, chained through innerCount. */
  private void freeInner(int node) {
    innerCount[node] = freeInners;
    freeInners = node;
    freeInnerCount++;
    nodeArrays.giveKeys(innerKeys[node]);
    nodeArrays.giveChildren(innerChildren[node]);
    innerKeys[node] = NO_KEYS;
    innerChildren[node] = NO_CHILDREN;
    innerArrays--;
  }

  /** Returns {@code pool} grown to {@code length} ids, the new ones holding {@code none}. */
  private static <T> T[] grownPool(T[] pool, int length, T none) { // construction only
    T[] grown = Arrays.copyOf(pool, length);
    Arrays.fill(grown, pool.length, length, none);
    return grown;
  }

  // ---------------------------------------------------------------- array helpers

  /** Moves keys {@code [from, count)} of one node by {@code distance} slots (negative: left). */
  private static void shiftKeys(int[] keys, int from, int count, int distance) {
    KeyArrays.copy(keys, from, keys, from + distance, count - from);
    KeyArrays.copy(keys, CAPACITY + from, keys, CAPACITY + from + distance, count - from);
  }

  private static void copyKeys(int[] source, int from, int[] target, int to, int length) {
    KeyArrays.copy(source, from, target, to, length);
    KeyArrays.copy(source, CAPACITY + from, target, CAPACITY + to, length);
  }

  // ---------------------------------------------------------------- bulk

  /**
   * Copies the entries in order into {@code as} and {@code bs}, each at least {@link #size()} long.
   * O(n).
   */
  void copyTo(long[] as, long[] bs) {
    int at = 0;
    for (int leaf = firstLeaf; leaf != NONE; leaf = leafNext[leaf]) {
      int count = leafCount[leaf];
      KeyArrays.copyToLongs(leafKeys[leaf], 0, as, at, count);
      KeyArrays.copyToLongs(leafKeys[leaf], CAPACITY, bs, at, count);
      at += count;
    }
  }

  /**
   * Replaces every entry with {@code (as[k], bs[k])} for {@code k < count}, which must be in the
   * tree's order without equal keys, building the tree bottom-up in O(count). Nodes are filled to
   * {@link #MERGE_LIMIT}, so that the next inserts find room and the next removes do not merge at
   * once. Every old node id is forgotten and its arrays go to the collector. The room summaries of
   * the alignment classes already made are rebuilt, O(count) each.
   */
  void load(long[] as, long[] bs, int count) {
    forgetNodes();
    descendedLeaf = NONE;
    hints = null;
    size = count;
    height = 0;
    if (count == 0) {
      root = NONE;
      firstLeaf = NONE;
      lastLeaf = NONE;
      return;
    }
    int leaves = (count + MERGE_LIMIT - 1) / MERGE_LIMIT;
    int[] level = nodeArrays.newInts(leaves);
    long[] firstA = nodeArrays.newLongs(leaves);
    long[] firstB = nodeArrays.newLongs(leaves);
    int previous = NONE;
    for (int k = 0; k < leaves; k++) {
      int leaf = newLeaf();
      int from = share(count, k, leaves);
      int entries = share(count, k + 1, leaves) - from;
      KeyArrays.copyFromLongs(as, from, leafKeys[leaf], 0, entries);
      KeyArrays.copyFromLongs(bs, from, leafKeys[leaf], CAPACITY, entries);
      leafCount[leaf] = entries;
      leafPrev[leaf] = previous;
      leafNext[leaf] = NONE;
      if (previous != NONE) {
        leafNext[previous] = leaf;
      }
      previous = leaf;
      level[k] = leaf;
      firstA[k] = as[from];
      firstB[k] = bs[from];
    }
    firstLeaf = level[0];
    lastLeaf = previous;
    int nodes = leaves;
    while (nodes > 1) {
      int parents = (nodes + MERGE_LIMIT - 1) / MERGE_LIMIT;
      for (int p = 0; p < parents; p++) {
        int node = newInner();
        int from = share(nodes, p, parents);
        int children = share(nodes, p + 1, parents) - from;
        int[] keys = innerKeys[node];
        System.arraycopy(level, from, innerChildren[node], 0, children);
        KeyArrays.copyFromLongs(firstA, from, keys, 0, children); // slot 0's key is not used
        KeyArrays.copyFromLongs(firstB, from, keys, CAPACITY, children);
        innerCount[node] = children;
        level[p] = node; // p <= from: the children of later parents are not overwritten
        firstA[p] = firstA[from];
        firstB[p] = firstB[from];
      }
      nodes = parents;
      height++;
    }
    root = level[0];
    holdPathsOf(height);
    nodeArrays.noteHeight(height);
    for (int c = 0; c < classCount; c++) { // the alignment classes stay: their rooms are rebuilt
      summarizeRooms(root, 0, c);
    }
    keepHintsIfLarge();
  }

  /**
   * Returns a new tree of the same kind, alignment classes and pool holding {@code (as[k], bs[k])}
   * for {@code k < count}, as {@link #load} would leave this one, with the reserve of {@code
   * inserts} node-making inserts; this tree does not change. With {@link #adopt}, a load in two
   * steps: everything it allocates first, then a change that allocates nothing.
   */
  LongPairTree loaded(long[] as, long[] bs, int count, int inserts) {
    LongPairTree tree = new LongPairTree(pairKeys, equalRuns, nodeArrays);
    tree.dirty = true; // never listed by the pool: its arrays become this tree's in adopt
    for (int c = 0; c < classCount; c++) {
      tree.alignmentClass(classAlignment[c]);
    }
    tree.load(as, bs, count);
    tree.reserve(inserts);
    return tree;
  }

  /**
   * Takes over every node, table and summary of {@code tree}, which {@link #loaded} made and which
   * is not used after: this tree's old nodes go to the collector, as {@link #load} lets them go.
   * Allocates nothing. The count of hinted descents stays this tree's.
   */
  void adopt(LongPairTree tree) {
    leafKeys = tree.leafKeys;
    leafCount = tree.leafCount;
    leafNext = tree.leafNext;
    leafPrev = tree.leafPrev;
    leafIds = tree.leafIds;
    freeLeaves = tree.freeLeaves;
    freeLeafCount = tree.freeLeafCount;
    innerKeys = tree.innerKeys;
    innerChildren = tree.innerChildren;
    innerCount = tree.innerCount;
    innerIds = tree.innerIds;
    innerArrays = tree.innerArrays;
    freeInners = tree.freeInners;
    freeInnerCount = tree.freeInnerCount;
    root = tree.root;
    height = tree.height;
    firstLeaf = tree.firstLeaf;
    lastLeaf = tree.lastLeaf;
    size = tree.size;
    hints = tree.hints;
    hintShift = tree.hintShift;
    pathNode = tree.pathNode;
    pathSlot = tree.pathSlot;
    pathBefore = tree.pathBefore;
    pathAfter = tree.pathAfter;
    System.arraycopy(tree.leafRoom, 0, leafRoom, 0, classCount); // the same classes, in order
    System.arraycopy(tree.innerRoom, 0, innerRoom, 0, classCount);
    descendedLeaf = NONE;
  }

  /**
   * Widens every node's keys array (see {@link KeyArrays}), before the capacity passes 2^32 - 1. A
   * memory failure leaves the arrays not yet widened narrow, which hold the same values while the
   * capacity stays below 2^32; the next call widens them.
   */
  void widen() {
    for (int leaf = 0; leaf < leafIds; leaf++) {
      leafKeys[leaf] = nodeArrays.widened(leafKeys[leaf]);
    }
    for (int node = 0; node < innerIds; node++) {
      innerKeys[node] = nodeArrays.widened(innerKeys[node]);
    }
  }

  /** Drops every node: ids restart at 0 and the pools hold no arrays. */
  private void forgetNodes() {
    Arrays.fill(leafKeys, 0, leafIds, NO_KEYS);
    Arrays.fill(leafCount, 0, leafIds, 0); // a fresh leaf is expected empty
    leafIds = 0;
    freeLeaves = NONE;
    freeLeafCount = 0;
    Arrays.fill(innerKeys, 0, innerIds, NO_KEYS);
    Arrays.fill(innerChildren, 0, innerIds, NO_CHILDREN);
    innerIds = 0;
    innerArrays = 0;
    freeInners = NONE;
    freeInnerCount = 0;
  }

  /**
   * Returns where part {@code part} of {@code total} entries split evenly into {@code parts}
   * starts.
   */
  private static int share(int total, int part, int parts) {
    return (int) ((long) total * part / parts);
  }

  // ---------------------------------------------------------------- measurement

  /** Whether the tree keeps leaf hints now (see {@link #hintedDescend}). */
  boolean keepsHints() {
    return hints != null;
  }

  /**
   * Returns the descents made while the tree kept hints: lookups whose hint failed, and changes at
   * a hinted leaf that needed the path. A lookup that took its hint made none.
   */
  long hintedTreeDescents() {
    return hintedTreeDescents;
  }

  /**
   * Returns the bytes of every array the tree holds (node arrays, node tables, paths, alignment
   * classes, hints), counting lengths rather than use, as {@link ArrayBytes} does; not the pool's.
   */
  long footprintBytes() {
    long nodes = innerArrays * CHILDREN_ARRAY_BYTES;
    for (int leaf = 0; leaf < leafIds; leaf++) {
      nodes += KeyArrays.bytes(leafKeys[leaf]); // 0 for a freed id
    }
    for (int node = 0; node < innerIds; node++) {
      nodes += KeyArrays.bytes(innerKeys[node]);
    }
    long leafTables =
        ArrayBytes.ofReferences(leafKeys.length)
            + ArrayBytes.of(leafCount.length, Integer.BYTES)
            + ArrayBytes.of(leafNext.length, Integer.BYTES)
            + ArrayBytes.of(leafPrev.length, Integer.BYTES);
    long innerTables =
        ArrayBytes.ofReferences(innerKeys.length)
            + ArrayBytes.ofReferences(innerChildren.length)
            + ArrayBytes.of(innerCount.length, Integer.BYTES);
    long paths =
        ArrayBytes.of(pathNode.length, Integer.BYTES)
            + ArrayBytes.of(pathSlot.length, Integer.BYTES)
            + ArrayBytes.of(pathBefore.length, Integer.BYTES)
            + ArrayBytes.of(pathAfter.length, Integer.BYTES);
    long classes =
        ArrayBytes.of(classAlignment.length, Long.BYTES)
            + ArrayBytes.ofReferences(leafRoom.length)
            + ArrayBytes.ofReferences(innerRoom.length);
    for (int c = 0; c < classCount; c++) {
      classes += ArrayBytes.of(leafRoom[c].length, Long.BYTES);
      classes += ArrayBytes.of(innerRoom[c].length, Long.BYTES);
    }
    int[] table = hints;
    long hintBytes = table == null ? 0 : ArrayBytes.of(table.length, Integer.BYTES);
    return nodes + leafTables + innerTables + paths + classes + hintBytes;
  }
}
