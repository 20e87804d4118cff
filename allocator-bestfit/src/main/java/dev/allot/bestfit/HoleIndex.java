package dev.allot.bestfit;

import dev.allot.spi.Alignment;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The free holes ordered by {@code (length, start)}: the best fit for a size is the first hole at
 * or after {@code (size, 0)}. Short holes are segregated by length, so that the best fit for a
 * short size is found in O(1) and every change touches a small tree. Not thread-safe.
 *
 * <pre>
 *   |###--####---##--|   holes: (2, 3) (2, 14) (3, 9)
 *    0  3     9    14    best fit for 2: (2, 3); for 3: (3, 9); for 4: none
 * </pre>
 */
final class HoleIndex {

  /*
   * Layout: the holes of each length 1..SEGREGATED in their own LongPairTree ordered by a = start
   * alone, with b = length as a value (the same in one tree: kept for the room summaries, which
   * read each entry as a run), a bitmap `nonEmpty` whose bit L - 1 says that the tree of length L
   * holds a hole, and the longer holes in one more tree ordered by (a = length, b = start). A
   * short tree's search compares one key, not a pair (issue #16: the pair comparisons of the hole
   * trees were a sixth of best-fit's churn at 1k live regions). The holes are the gap before the
   * first block, the gaps between blocks and the tail, exactly the candidates of the best-fit rule
   * in docs/spec/semantics.md.
   *
   *   nonEmpty  ..0 1 0 1 1 0        bit L - 1: a hole of length L exists
   *   short[1]  (40, 1) (95, 1)      (start, length), lowest start first
   *   short[3]  (9, 3)
   *   ...
   *   long      (70, 200) (9000, 1000)   (length, start)
   *
   * Until the first aligned search, and while no length has more than ShortHoleArrays.PER_LENGTH
   * (128) holes, the short holes sit in sorted arrays (ShortHoleArrays) instead of their trees:
   * under churn at 1k live regions best-fit then takes about 8% less time per call. The first
   * aligned search, which reads the trees' room summaries, or the first length past that bound
   * moves every short hole to the trees for good, O(n) once, so that a program's steady state uses
   * one of the two, never both (choosing per length, so that both were in use at once, kept little
   * of the gain).
   *
   * A hole is named by a long handle: the tree's number (its length, or 0 for the long tree) in
   * the high half and the tree's own handle (or the hole's index in its array) in the low half.
   *
   * Invariants: the entries are exactly the maximal free runs of length > 0 in [0, capacity) that
   * the admission keeps (every one unless only aligned calls were made, see HoleAdmission), each
   * in the tree or array of its length (the long tree past SEGREGATED); the runs it leaves out are
   * counted by length in leftOut, so that largest() still sees them; bit L - 1 of nonEmpty is set
   * exactly when length L has a hole. An empty hole is never stored (add and remove ignore
   * it, so callers need not special-case the gap before a block at 0 or a full tail).
   *
   * Complexity: the best fit for a size <= SEGREGATED is a bit scan and the first entry of one
   * tree, O(1); otherwise one ceiling in the long tree, O(log n). Adding or removing a hole is
   * O(log m) in the tree of its length, m its holes (O(m), m < 128, in its array). Why: the
   * placement churn of renderers (sizes of a few dozen indices) leaves mostly short holes, and a
   * generic (length, start) search was half of best-fit's time (issue #16). An aligned best fit
   * visits the non-empty short trees from the size up, each rejected in O(1) by its root's room
   * summary unless it holds the answer, then the long tree: O(SEGREGATED + log n) with the room
   * summaries, see bestAlignedFit for the walk past them. Memory: 16 bytes per hole at full
   * leaves, plus a few hundred bytes per short tree; a length's array is one node array of the
   * shared pool (1 KiB); a left-out hole costs nothing but its count (a table of at most 4,096
   * ints).
   */

  /** The handle of no hole. */
  static final long NONE = -1;

  /** The longest hole kept in a tree of its own length: one bit of a long a length. */
  static final int SEGREGATED = Long.SIZE;

  /** Bits of a length sorted by one pass of {@link #load}. */
  private static final int RADIX_BITS = 8;

  /** Buckets of one pass of {@link #load}. */
  private static final int RADIX = 1 << RADIX_BITS;

  /** The number of the long tree in a handle. */
  private static final int LONG_TREE = 0;

  /** {@code trees[L]}: the holes of length L for L in 1..SEGREGATED; {@code trees[0]}: longer. */
  private final LongPairTree[] trees = new LongPairTree[SEGREGATED + 1];

  /** Bit {@code L - 1} is set when length {@code L} has a hole, in its tree or its array. */
  private long nonEmpty;

  /** The short holes while {@link #inArrays}; empty after. */
  private ShortHoleArrays arrays;

  /**
   * Whether the short holes are in {@link #arrays} rather than in their trees: until the first
   * aligned search, or until they outgrow the arrays' bounds. Never again after, so that only one
   * of the two is in use in any program's steady state.
   */
  private boolean inArrays = true;

  /** Which holes the trees keep. */
  private HoleAdmission admission = new HoleAdmission();

  /** The lengths of the holes the trees do not keep. */
  private LeftOutHoles leftOut = new LeftOutHoles();

  /** Where every array of the index comes from (see {@link NodeArrayPool}). */
  private final NodeArrayPool nodeArrays;

  /** What {@link #load} gives a tree that holds no hole. */
  private static final long[] NO_HOLES = {};

  /** The node-making inserts a tree built by a load has room for (see {@link NodeArrayPool}). */
  private static final int RESERVE = NodeArrayPool.RESERVED_INSERTS;

  /**
   * Creates an empty index whose trees keep their freed node arrays in {@code nodeArrays}, which
   * the caller counts: an empty short tree then costs no leaf.
   */
  HoleIndex(NodeArrayPool nodeArrays) {
    this.nodeArrays = nodeArrays;
    arrays = new ShortHoleArrays(nodeArrays);
    trees[LONG_TREE] = new LongPairTree(true, false, nodeArrays);
    for (int tree = 1; tree <= SEGREGATED; tree++) {
      trees[tree] = new LongPairTree(false, true, nodeArrays);
    }
  }

  /** The tree that holds the holes of {@code length > 0}. */
  private static int treeOf(long length) {
    return length <= SEGREGATED ? (int) length : LONG_TREE;
  }

  private static long handle(int tree, int entry) {
    return (long) tree << Integer.SIZE | entry;
  }

  /** Returns the admission, for a load of every hole that keeps it. */
  HoleAdmission admission() {
    return admission;
  }

  /** Moves every short hole from {@link #arrays} into the tree of its length, for good. O(n). */
  private void moveToTrees() {
    LongPairTree[] loaded = new LongPairTree[SEGREGATED + 1]; // built first: whole or not at all
    for (int length = 1; length <= SEGREGATED; length++) {
      if (arrays.count(length) > 0) {
        long[] starts = arrays.copy(length);
        long[] lengths = nodeArrays.newLongs(starts.length);
        Arrays.fill(lengths, length);
        loaded[length] = trees[length].loaded(starts, lengths, starts.length, RESERVE);
      }
    }
    for (int length = 1; length <= SEGREGATED; length++) {
      LongPairTree built = loaded[length];
      if (built != null) { // the others are empty: the arrays held every short hole
        trees[length].adopt(built); // with the reserve loaded gave it
      }
    }
    arrays.clear();
    inArrays = false;
    nodeArrays.spent();
  }

  /**
   * Makes room, before a call's first change, for the three holes a call adds at most (a
   * placement's two and a following free's one): moves the short holes to their trees when a length
   * is crowded (see {@link ShortHoleArrays#CROWDED}), so that no add has to. Cheap when not.
   */
  void reserve() {
    if (inArrays && arrays.crowded()) {
      moveToTrees();
    }
  }

  /**
   * Makes room, before a free's first change, for the hole of {@code length} it adds: a free may
   * follow a placement in the same call (a realloc), so it moves the holes only when that length is
   * full, which a placement's {@link #reserve} rules out.
   */
  void reserveFor(long length) {
    if (inArrays && length > 0 && length <= SEGREGATED) {
      if (arrays.count((int) length) >= ShortHoleArrays.PER_LENGTH) {
        moveToTrees();
      }
    }
  }

  /**
   * Returns the admission after a search at {@code alignment}, a new one, when it keeps other holes
   * than now (the caller then loads every hole with it); {@code null} when it keeps the same, and
   * the index recorded the call.
   */
  @Nullable HoleAdmission ask(long alignment) {
    if (!admission.changesFor(alignment)) {
      admission.ask(alignment); // changes no kept hole: at most records the first call
      return null;
    }
    HoleAdmission next = admission.copy();
    next.ask(alignment);
    return next;
  }

  /**
   * Returns the smallest hole of length {@code >= size}, lowest start on a tie, or {@link #NONE}.
   * Needs {@code ask(1)} first.
   */
  long bestFit(long size) {
    if (size <= SEGREGATED) {
      long candidates = nonEmpty & (-1L << (size - 1));
      if (candidates != 0) {
        int length = Long.numberOfTrailingZeros(candidates) + 1;
        return handle(length, inArrays ? 0 : trees[length].first());
      }
    }
    int entry = trees[LONG_TREE].ceiling(size, 0);
    return entry == LongPairTree.NONE ? NONE : handle(LONG_TREE, entry);
  }

  /**
   * Returns the smallest hole in which {@code up(start) + size} fits for {@code alignment}, lowest
   * start on a tie, or {@link #NONE}: the short trees from length {@code size} up, then the long
   * tree, each asked by {@link #firstAlignedFit}. Needs {@code ask(alignment)} first.
   */
  long bestAlignedFit(long size, long alignment) {
    if (inArrays) {
      moveToTrees(); // the search reads the trees' room summaries
    }
    if (size <= SEGREGATED) {
      for (long candidates = nonEmpty & (-1L << (size - 1));
          candidates != 0;
          candidates &= candidates - 1) {
        int length = Long.numberOfTrailingZeros(candidates) + 1;
        int entry = firstAlignedFit(length, size, alignment);
        if (entry != LongPairTree.NONE) {
          return handle(length, entry);
        }
      }
    }
    int entry = firstAlignedFit(LONG_TREE, size, alignment);
    return entry == LongPairTree.NONE ? NONE : handle(LONG_TREE, entry);
  }

  /**
   * Returns the first hole of tree {@code number} (a short tree called only for lengths of at least
   * {@code size}) in which {@code up(start) + size} fits. The tree keeps room summaries for up to
   * {@link LongPairTree#MAX_ALIGNMENT_CLASSES} alignments, for which this is one descent, O(log m).
   * Past that many, the holes are visited in order from the first at least {@code size} long; each
   * hole of length at least {@code size + alignment - 1} fits, so the visit ends there at the
   * latest: O(log m + k) for the k holes long enough for {@code size} that fail on padding, which
   * can be all of them.
   */
  private int firstAlignedFit(int number, long size, long alignment) {
    LongPairTree tree = trees[number];
    int alignmentClass = tree.alignmentClass(alignment);
    if (alignmentClass != LongPairTree.NONE) {
      return tree.firstWithRoom(size, alignmentClass);
    }
    int hole = number == LONG_TREE ? tree.ceiling(size, 0) : tree.first();
    while (hole != LongPairTree.NONE) {
      long holeStart = start(handle(number, hole));
      if (Alignment.fits(holeStart, holeStart + length(handle(number, hole)), size, alignment)) {
        break;
      }
      hole = tree.next(hole);
    }
    return hole;
  }

  long start(long hole) {
    int tree = (int) (hole >>> Integer.SIZE);
    if (tree == LONG_TREE) {
      return trees[tree].b((int) hole);
    }
    return inArrays ? arrays.start(tree, (int) hole) : trees[tree].a((int) hole);
  }

  long length(long hole) {
    int tree = (int) (hole >>> Integer.SIZE);
    return tree == LONG_TREE ? trees[tree].a((int) hole) : tree;
  }

  /** Returns the length of the largest hole, 0 when there is none. */
  long largest() {
    LongPairTree longHoles = trees[LONG_TREE];
    long kept =
        longHoles.size() > 0
            ? longHoles.a(longHoles.last())
            : (long) Long.SIZE - Long.numberOfLeadingZeros(nonEmpty);
    return Math.max(kept, leftOut.largest());
  }

  /**
   * Records the hole {@code [start, start + length)} (counted only, when the admission leaves it
   * out); nothing when {@code length == 0}.
   */
  void add(long start, long length) {
    if (length > 0 && !admission.keeps(start, length)) {
      leftOut.add(length);
    } else if (length > 0) {
      int tree = treeOf(length);
      if (tree == LONG_TREE) {
        trees[tree].insert(length, start);
      } else {
        if (inArrays && arrays.count(tree) < ShortHoleArrays.PER_LENGTH) {
          arrays.insert(tree, start);
        } else {
          if (inArrays) {
            moveToTrees();
          }
          trees[tree].insert(start, length);
        }
        nonEmpty |= 1L << (tree - 1);
      }
    }
  }

  /**
   * Forgets a hole just returned by {@link #bestFit} or {@link #bestAlignedFit}, with no change
   * since: the best fit of a short size is the first entry of its tree or array, removed without a
   * search.
   */
  void remove(long hole) {
    int tree = (int) (hole >>> Integer.SIZE);
    if (tree != LONG_TREE && inArrays) {
      arrays.removeAt(tree, (int) hole);
    } else {
      trees[tree].removeAt((int) hole);
    }
    noteIfEmptied(tree);
  }

  /** Clears a short tree's bit in {@link #nonEmpty} once its last hole left. */
  private void noteIfEmptied(int tree) {
    if (tree != LONG_TREE && (inArrays ? arrays.count(tree) : trees[tree].size()) == 0) {
      nonEmpty &= ~(1L << (tree - 1));
    }
  }

  /** Forgets the hole {@code [start, start + length)}; nothing when {@code length == 0}. */
  void remove(long start, long length) {
    if (length > 0 && !admission.keeps(start, length)) {
      leftOut.remove(length);
    } else if (length > 0) {
      int tree = treeOf(length);
      if (tree == LONG_TREE) {
        trees[tree].remove(length, start);
      } else {
        if (inArrays) {
          arrays.remove(tree, start);
        } else {
          trees[tree].remove(start, length); // ordered by start alone: the length is not compared
        }
        noteIfEmptied(tree);
      }
    }
  }

  /**
   * Replaces every hole with {@code [starts[k], starts[k] + lengths[k])} for {@code k < count},
   * given in address order with every length {@code > 0}. Each short tree takes its holes in
   * address order, which is its order; the long holes are put in the long tree's order by a stable
   * radix sort of their lengths (a byte a pass, as many passes as the longest needs): in address
   * order already, holes of equal length stay ordered by start. The holes the admission leaves out
   * are only counted. O(count).
   */
  void load(long[] allStarts, long[] allLengths, int allCount) {
    load(allStarts, allLengths, allCount, admission);
  }

  /**
   * As {@link #load(long[], long[], int)}, keeping the holes that {@code next} admits, which
   * becomes the index's admission. Everything is built first (new trees, arrays and counts), then
   * taken over with no allocation, so that a memory failure leaves the index as it was.
   */
  void load(long[] allStarts, long[] allLengths, int allCount, HoleAdmission next) {
    LeftOutHoles nextLeftOut = new LeftOutHoles();
    nextLeftOut.reset(next.leftOutBound());
    long[] starts = allStarts;
    long[] lengths = allLengths;
    int count = allCount;
    if (!next.keepsEvery()) {
      starts = nodeArrays.newLongs(allCount);
      lengths = nodeArrays.newLongs(allCount);
      count = 0;
      for (int k = 0; k < allCount; k++) {
        if (next.keeps(allStarts[k], allLengths[k])) {
          starts[count] = allStarts[k];
          lengths[count++] = allLengths[k];
        } else {
          nextLeftOut.add(allLengths[k]);
        }
      }
    }
    int[] from = nodeArrays.newInts(SEGREGATED + 2); // from[t + 1]: holes of trees before t
    for (int k = 0; k < count; k++) {
      from[treeOf(lengths[k]) + 1]++;
    }
    for (int tree = 0; tree <= SEGREGATED; tree++) {
      from[tree + 1] += from[tree];
    }
    long[] byTreeStarts = nodeArrays.newLongs(count);
    long[] byTreeLengths = nodeArrays.newLongs(count);
    int[] at = nodeArrays.copyOf(from, SEGREGATED + 1);
    for (int k = 0; k < count; k++) { // stable: each tree's holes stay in address order
      int slot = at[treeOf(lengths[k])]++;
      byTreeStarts[slot] = starts[k];
      byTreeLengths[slot] = lengths[k];
    }
    int longest = 0;
    for (int tree = 1; tree <= SEGREGATED; tree++) {
      longest = Math.max(longest, from[tree + 1] - from[tree]);
    }
    boolean nextInArrays = inArrays && longest <= ShortHoleArrays.PER_LENGTH;
    ShortHoleArrays nextArrays = nextInArrays ? new ShortHoleArrays(nodeArrays) : arrays;
    LongPairTree[] loaded = new LongPairTree[SEGREGATED + 1]; // null: loaded empty
    long nextNonEmpty = 0;
    for (int tree = 0; tree <= SEGREGATED; tree++) {
      long[] treeStarts = nodeArrays.copyOfRange(byTreeStarts, from[tree], from[tree + 1]);
      long[] treeLengths = nodeArrays.copyOfRange(byTreeLengths, from[tree], from[tree + 1]);
      if (tree == LONG_TREE) {
        loaded[tree] = loadSorted(trees[tree], treeStarts, treeLengths, treeStarts.length);
      } else {
        if (nextInArrays) {
          nextArrays.load(tree, treeStarts);
        } else if (treeStarts.length > 0) {
          loaded[tree] = trees[tree].loaded(treeStarts, treeLengths, treeStarts.length, RESERVE);
        }
        if (treeStarts.length > 0) {
          nextNonEmpty |= 1L << (tree - 1);
        }
      }
    }
    // Nothing below allocates.
    if (inArrays) {
      arrays.clear(); // gives its arrays back to the pool: new ones, or the trees, hold the holes
    }
    for (int tree = 0; tree <= SEGREGATED; tree++) {
      LongPairTree built = loaded[tree];
      if (built != null) {
        trees[tree].adopt(built); // with the reserve loaded gave it
      } else {
        trees[tree].load(NO_HOLES, NO_HOLES, 0); // no allocation for none
      }
    }
    arrays = nextArrays;
    inArrays = nextInArrays;
    nonEmpty = nextNonEmpty;
    admission = next;
    leftOut = nextLeftOut;
    nodeArrays.spent(); // the new nodes took arrays from the pool's reserve
  }

  /** Loads holes given in address order into {@code tree} in its order, by a radix sort. */
  private LongPairTree loadSorted(LongPairTree tree, long[] starts, long[] lengths, int count) {
    long longest = 0;
    for (int k = 0; k < count; k++) {
      longest = Math.max(longest, lengths[k]);
    }
    int[] order = nodeArrays.newInts(count);
    for (int k = 0; k < count; k++) {
      order[k] = k;
    }
    int[] sorted = nodeArrays.newInts(count);
    int[] bucketStart = nodeArrays.newInts(RADIX + 1);
    for (int shift = 0; shift < Long.SIZE && longest >>> shift != 0; shift += RADIX_BITS) {
      Arrays.fill(bucketStart, 0);
      for (int k = 0; k < count; k++) {
        bucketStart[digit(lengths[order[k]], shift) + 1]++;
      }
      for (int digit = 0; digit < RADIX; digit++) {
        bucketStart[digit + 1] += bucketStart[digit];
      }
      for (int k = 0; k < count; k++) {
        sorted[bucketStart[digit(lengths[order[k]], shift)]++] = order[k];
      }
      int[] swap = order;
      order = sorted;
      sorted = swap;
    }
    long[] byLength = nodeArrays.newLongs(count);
    long[] byStart = nodeArrays.newLongs(count);
    for (int k = 0; k < count; k++) {
      byLength[k] = lengths[order[k]];
      byStart[k] = starts[order[k]];
    }
    return tree.loaded(byLength, byStart, count, RESERVE);
  }

  private static int digit(long length, int shift) {
    return (int) (length >>> shift) & (RADIX - 1);
  }

  /**
   * Tells whether the index holds the hole {@code [start, start + length)}, {@code length > 0}:
   * kept where its length says, or counted as left out. For tests.
   */
  boolean holds(long start, long length) {
    if (!admission.keeps(start, length)) {
      return leftOut.count(length) > 0;
    }
    int tree = treeOf(length);
    if (tree == LONG_TREE) {
      int entry = trees[tree].floor(length, start);
      return entry != LongPairTree.NONE
          && trees[tree].a(entry) == length
          && trees[tree].b(entry) == start;
    }
    if (inArrays) {
      for (int k = 0; k < arrays.count(tree); k++) {
        if (arrays.start(tree, k) == start) {
          return true;
        }
      }
      return false;
    }
    int entry = trees[tree].floor(start, 0);
    return entry != LongPairTree.NONE && trees[tree].a(entry) == start;
  }

  /** Tells whether the short holes are in {@link #arrays} rather than in their trees; for tests. */
  boolean keepsShortHolesInArrays() {
    return inArrays;
  }

  /**
   * Returns how many holes the index holds, kept or left out, after checking that every tree's room
   * summaries and {@link #nonEmpty} agree with the holes. O(n); for tests.
   */
  long checkedCount() {
    long count = leftOut.total();
    for (int tree = 0; tree <= SEGREGATED; tree++) {
      trees[tree].checkRooms();
      long held = trees[tree].size();
      if (tree != LONG_TREE) {
        if (inArrays && held > 0) {
          throw new IllegalStateException("tree " + tree + " holds holes while the arrays do");
        }
        held += inArrays ? arrays.count(tree) : 0;
        if ((held > 0) != ((nonEmpty >>> (tree - 1) & 1) != 0)) {
          throw new IllegalStateException("bit of length " + tree + " is wrong");
        }
      }
      count += held;
    }
    return count;
  }

  /** Widens the keys arrays of the trees and the short holes' arrays (see {@link KeyArrays}). */
  void widen() {
    arrays.widen();
    for (LongPairTree tree : trees) {
      tree.widen();
    }
  }

  /**
   * Returns the bytes of the index's arrays, as {@link LongPairTree#footprintBytes()} counts, the
   * shared node pool not included.
   */
  long footprintBytes() {
    long bytes =
        ArrayBytes.ofReferences(trees.length)
            + leftOut.footprintBytes()
            + arrays.footprintBytes()
            + admission.footprintBytes();
    for (LongPairTree tree : trees) {
      bytes += tree.footprintBytes();
    }
    return bytes;
  }
}
