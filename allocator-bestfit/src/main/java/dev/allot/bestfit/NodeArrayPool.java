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
   */

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

  /** Returns a node's keys array: a kept one, or a new one. */
  int[] takeKeys() {
    if (keyCount == 0) {
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
    }
  }

  /** Returns an inner node's children array: a kept one, or a new one. */
  int[] takeChildren() {
    if (childCount == 0) {
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

  /** Returns the number of keys arrays kept, for tests. */
  int keptKeys() {
    return keyCount;
  }

  /**
   * Returns the bytes of the pool and the arrays it keeps, as {@link LongPairTree#footprintBytes()}
   * counts them.
   */
  long footprintBytes() {
    long slots = ArrayBytes.ofReferences(keys.length) + ArrayBytes.ofReferences(children.length);
    long keyArrays = 0;
    for (int k = 0; k < keyCount; k++) {
      keyArrays += KeyArrays.bytes(keys[k]);
    }
    long childArrays = childCount * LongPairTree.CHILDREN_ARRAY_BYTES;
    return slots + keyArrays + childArrays;
  }
}
