package dev.allot.bestfit;

import java.util.Arrays;

/**
 * Node arrays of {@link LongPairTree} that trees have freed, kept for reuse by any tree of the same
 * allocator: its block index and its 65 hole trees share one pool instead of each keeping spares of
 * its own, so that the nodes one tree frees serve another's growth, and a tree that empties and
 * fills again allocates nothing. Not thread-safe.
 */
final class NodeArrayPool {

  /*
   * Layout: two stacks, `keys` (a leaf's or an inner node's keys, the same shape: KeyArrays,
   * narrow or wide as the pool is) and `children` (int[CAPACITY]), each of fixed capacity. An
   * array given when its stack is full goes to the collector, so the pool never holds more than
   * `capacity` arrays of each kind. The arrays are not cleared: a tree reads only the slots its
   * counts say are in use. O(1) per call.
   *
   * Memory failures (docs/reliability.md: a call that throws leaves the allocator as it was, on
   * an OutOfMemoryError too): every array the allocator's structures allocate comes from the
   * methods below (newInts, newLongs, copyOf, takeKeys, takeChildren, widened), so that one place
   * counts growth and tests can make it fail. The pool also carries the reserve of the allocator's
   * calls: a change of a tree takes its new nodes' arrays from here and must not allocate, so
   * BestFitAllocator tops the pool up (reserve) before a call's first change, to what RESERVED
   * node-making inserts need in trees up to `tallest` high, and each tree its own node ids. Which
   * trees made nodes since the last top-up (`dirty`) and how many inserts made nodes (`made`) tell
   * when and where that is needed: after most calls nothing is, and the check is two int
   * comparisons.
   */

  /**
   * Node-making inserts (a tree's new leaf, or a short hole length's first array) that a top-up
   * makes room for: the most one allocator call makes, a realloc that relocates (the placement's
   * block and two holes, then the old region's free: one block and one hole).
   */
  static final int RESERVED_INSERTS = 5;

  /** Trees of one allocator: the block index, the long holes' and the 64 short holes' trees. */
  static final int TREES = HoleIndex.SEGREGATED + 2;

  /** What an unused stack slot holds, so that no slot is null and none keeps a handed-out array. */
  private static final int[] NO_KEYS = {};

  /** As {@link #NO_KEYS}, for the children stack. */
  private static final int[] NO_CHILDREN = {};

  private final int[][] keys;
  private int keyCount;

  /** Whether new keys arrays are wide (see {@link KeyArrays}): from {@link #widen} on. */
  private boolean wide;

  private final int[][] children;
  private int childCount;

  /** Node-making inserts since the last {@link #topUp}; past {@link #RESERVED_INSERTS}: stale. */
  private int made = RESERVED_INSERTS + 1;

  /** The trees that made nodes since the last {@link #topUp}, each once. */
  private final LongPairTree[] dirty = new LongPairTree[TREES];

  private int dirtyCount;

  /** The height of the tallest tree seen: the pool's share of the reserve grows with it. */
  private int tallest;

  /**
   * Test seam: when {@code >= 0}, the number of growths (arrays allocated through this pool) that
   * succeed before the next one throws {@link OutOfMemoryError}; -1, always outside tests, never
   * fails. Set only by tests, which inject the Java heap's failure at every growth a call makes.
   */
  int growthsBeforeFailure = -1;

  /**
   * Creates an empty pool.
   *
   * @param capacity the most arrays of each kind kept, {@code >= 0}
   */
  NodeArrayPool(int capacity) {
    keys = new int[capacity][];
    Arrays.fill(keys, NO_KEYS);
    children = new int[capacity][];
    Arrays.fill(children, NO_CHILDREN);
  }

  /**
   * Counts one growth, the single place every array of the allocator's structures goes through (see
   * the design comment); throws the failure a test armed.
   */
  private void grow() {
    if (growthsBeforeFailure >= 0 && growthsBeforeFailure-- == 0) {
      throw new OutOfMemoryError("injected by a test (NodeArrayPool.growthsBeforeFailure)");
    }
  }

  int[] newInts(int length) {
    grow();
    return new int[length];
  }

  long[] newLongs(int length) {
    grow();
    return new long[length];
  }

  int[] copyOf(int[] array, int length) {
    grow();
    return Arrays.copyOf(array, length);
  }

  long[] copyOf(long[] array, int length) {
    grow();
    return Arrays.copyOf(array, length);
  }

  long[] copyOfRange(long[] array, int from, int to) {
    grow();
    return Arrays.copyOfRange(array, from, to);
  }

  <T> T[] copyOf(T[] array, int length) {
    grow();
    return Arrays.copyOf(array, length);
  }

  /** Returns {@code keys} widened (see {@link KeyArrays#widened}), a growth when it was narrow. */
  int[] widened(int[] keys) {
    if (keys.length != KeyArrays.NARROW_LENGTH) {
      return keys;
    }
    grow();
    return KeyArrays.widened(keys);
  }

  /** Returns a node's keys array: a kept one, or a new one. */
  int[] takeKeys() {
    if (keyCount == 0) {
      grow();
      return KeyArrays.newArray(wide);
    }
    int[] taken = keys[--keyCount];
    keys[keyCount] = NO_KEYS;
    return taken;
  }

  /** Keeps a node's keys array if there is room and it is of the pool's kind. */
  void giveKeys(int[] array) {
    if (keyCount < keys.length && KeyArrays.isWide(array) == wide) {
      keys[keyCount++] = array;
    }
  }

  /**
   * Hands out wide keys arrays from now on, and lets the narrow ones it keeps go: the allocator's
   * capacity is about to pass 2^32 - 1.
   */
  void widen() {
    if (!wide) {
      wide = true;
      Arrays.fill(keys, 0, keyCount, NO_KEYS);
      keyCount = 0;
      made = RESERVED_INSERTS + 1; // the reserve's narrow arrays are gone
    }
  }

  /** Returns an inner node's children array: a kept one, or a new one. */
  int[] takeChildren() {
    if (childCount == 0) {
      grow();
      return new int[LongPairTree.CAPACITY];
    }
    int[] taken = children[--childCount];
    children[childCount] = NO_CHILDREN;
    return taken;
  }

  /** Keeps an inner node's children array if there is room. */
  void giveChildren(int[] array) {
    if (childCount < children.length) {
      children[childCount++] = array;
    }
  }

  /**
   * Records that {@code tree} made a node ({@code leaf}: one more node-making insert), so that the
   * next top-up restores its reserve. Never allocates: {@link #dirty} holds every tree of one
   * allocator; a pool shared by more trees (tests of a tree alone) stops recording past that.
   */
  void made(LongPairTree tree, boolean leaf) {
    if (leaf && made <= RESERVED_INSERTS) {
      made++;
    }
    if (tree.markDirty() && dirtyCount < dirty.length) {
      dirty[dirtyCount++] = tree;
    }
  }

  /** Records a short hole length's first array taken: a node-making insert of no tree. */
  void madeArray() {
    if (made <= RESERVED_INSERTS) {
      made++;
    }
  }

  /** Records a tree's height, which sets the pool's share of the reserve. */
  void noteHeight(int height) {
    tallest = Math.max(tallest, height);
  }

  /** Makes the next {@link #needsTopUp} say yes: a rebuild or a widening took the reserve. */
  void spent() {
    made = RESERVED_INSERTS + 1;
  }

  /**
   * Tells whether a call about to make {@code inserts} node-making inserts may find the reserve
   * short: two int comparisons, the whole cost of the reserve on most calls.
   */
  boolean needsTopUp(int inserts) {
    return made > RESERVED_INSERTS - inserts;
  }

  /**
   * Restores the reserve: each tree that made nodes since the last top-up gets node ids for {@link
   * #RESERVED_INSERTS} inserts, and the pool the arrays of their new nodes (a leaf and up to {@code
   * tallest + 1} inner nodes each). A memory failure on the way leaves the reserve partly restored,
   * which the next top-up finishes; nothing else changes.
   */
  void topUp() {
    for (int k = 0; k < dirtyCount; k++) {
      dirty[k].reserve(RESERVED_INSERTS);
      noteHeight(dirty[k].height());
    }
    int keysNeeded = Math.min(keys.length, RESERVED_INSERTS * (tallest + 2));
    int childrenNeeded = Math.min(children.length, RESERVED_INSERTS * (tallest + 1));
    while (keyCount < keysNeeded) {
      grow();
      keys[keyCount++] = KeyArrays.newArray(wide);
    }
    while (childCount < childrenNeeded) {
      grow();
      children[childCount++] = new int[LongPairTree.CAPACITY];
    }
    for (int k = 0; k < dirtyCount; k++) {
      dirty[k].markClean();
    }
    dirtyCount = 0;
    made = 0;
  }

  /** Returns the number of keys arrays kept, for tests. */
  int keptKeys() {
    return keyCount;
  }

  /**
   * Returns the bytes of the pool and the arrays it keeps, as {@link LongPairTree#footprintBytes()}
   * counts them.
   */
  long footprintBytes() {
    long slots =
        ArrayBytes.ofReferences(keys.length)
            + ArrayBytes.ofReferences(children.length)
            + ArrayBytes.ofReferences(dirty.length);
    long keyArrays = 0;
    for (int k = 0; k < keyCount; k++) {
      keyArrays += KeyArrays.bytes(keys[k]);
    }
    long childArrays = childCount * LongPairTree.CHILDREN_ARRAY_BYTES;
    return slots + keyArrays + childArrays;
  }
}
