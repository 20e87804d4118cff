package dev.allot.firstfit;

import dev.allot.spi.Alignment;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The allocated blocks in address order, in a B+-tree of primitive node arrays whose inner entries
 * know the largest gap below them, so that the leftmost gap of at least a given size, and the block
 * holding a given index, are found in O(log n). Not thread-safe.
 *
 * <p>A <em>position</em> is an {@code int} that names one block until the next structural change
 * ({@link #insertFirst}, {@link #insertAfter}, {@link #remove}); {@link #setStart}, {@link #setEnd}
 * and {@link #setCapacity} keep positions valid.
 */
final class GapTree {

  /*
   * Layout
   * ------
   * Two pools of nodes, each a handful of parallel primitive arrays indexed by node id, so that a
   * descent reads contiguous values instead of chasing object pointers. With leaf capacity L = 2^k
   * and branch capacity F:
   *
   *   leaf pool (block slots of leaf id x live at x*L .. x*L + leafSize[x] - 1)
   *     bounds: [s0 e0 s1 e1 .. ][s0 e0 .. ][ ...   int: low 32 bits of block start and end
   *     boundHighs: [ .. ]                          int: their high 32 bits; null below 2^32
   *     gaps:   [g0 g1 g2 .. ][g0 g1 .. ][ ...      char: the gap after the block, saturated
   *     blockRooms[c]: [r0 r1 .. ][ ...              char: the gap's room at class c's alignment
   *     leafSize, leafParent, leafEntry, leafPrev, leafNext:   one int per leaf id
   *
   *   branch pool (entries of branch id b live at b*F .. b*F + branchSize[b] - 1)
   *     children:        [c0 c1 ..][ ...           child node id (leaf or branch by level)
   *     childMaxGap:     [g0 g1 ..][ ...           largest gap in the child's subtree
   *     childFirstStart: [f0 f1 ..][ ...           start of the child's first block
   *     branchSize, branchParent, branchEntry:     one int per branch id
   *
   * leafEntry and branchEntry hold each node's entry in its parent (parent * F + index), so an
   * update climbs without searching a parent for its child.
   *
   *              root branch:  children [ A  B ]   maxGap [ 10 10 ]  firstStart [ 0  40 ]
   *                                      /    \
   *   leaf A: [0:4) [8:20) [27:30)        leaf B: [40:41) [44:50)         capacity 60
   *   gaps after each block:  4   7   10                  3    10 (tail)
   *
   * A position is a block's slot index: (leaf << k) | slot; its start is bounds[2 * position] and
   * its end bounds[2 * position + 1] (with their high halves, when kept). Start and end share a
   * cache line, so a free that finds its block by start reads the end without another miss (at 1M
   * live regions the leaves are far larger than the caches).
   *
   * Bounds in 32 bits: while the capacity fits 32 bits (4Gi indices, every vertex or index buffer
   * a GPU program sub-allocates), bounds read unsigned are the whole values, and a leaf of 32
   * blocks spans 4 cache lines of bounds instead of 8. setCapacity past 2^32 - 1 makes boundHighs
   * first, all zeros, before any value needs it; from then on each bound costs 8 bytes, as longs
   * did, and a read one more load. Measured against long bounds (AlignLoop, CPU ns per call, runs
   * alternated, 3 pairs): aligned churn at 1M live regions, alignment 16 (942k blocks, the bounds
   * 20 MiB before, 10 MiB after) 490.8 to 512.4 against 403.4 to 434.1; unaligned churn at 1M
   * 321.7 and 332.4 against 258.2 and 307.2 (2 pairs); at 10k 82.4 to 84.1 against 79.4 to 81.7
   * (4 pairs); at 1k the same (59.8 to 62.1 against 59.8 to 60.9, and one run of 73.4).
   *
   * The gap after a block is the distance to the next block's start, for the last block of a leaf
   * the first block of the next leaf, and for the last block of all the tail (capacity - end).
   * Counting the tail as the last block's gap makes first-fit's gap scan followed by its tail rule
   * one search for the leftmost gap >= size: the tail is the last gap in address order, and the
   * spec grows the last block into it exactly as it grows any block into a larger gap.
   *
   * Invariants
   * ----------
   * - Blocks are sorted by start, non-empty, never overlapping (the allocator also keeps them
   *   never adjacent; the tree does not rely on it).
   * - Every leaf sits at the same depth (height branch levels below the root; the root is always
   *   a branch, so an empty tree is a root over one empty leaf).
   * - Every node except the root and the root's only leaf holds at least half its capacity.
   * - childMaxGap and childFirstStart of every entry equal the values computed from the child's
   *   subtree, gaps[p] equals min(gap after block p, SATURATED), and blockRooms[c][p]
   *   min(room of that gap at class c's alignment, SATURATED); gaps and childMaxGap only
   *   once gapsKept (see "Gaps on demand" below).
   * - leafEntry/branchEntry name the entry whose child is the node.
   * - Leaves are chained by leafPrev/leafNext in address order. Merges always fold the right node
   *   into the left one, so leaf 0 stays the leftmost leaf for the tree's whole life.
   *
   * Keeping the summaries exact: every change reports the hole it altered (holeChanged: old and
   * new bounds, either absent), and a leaf's summary follows from the old one in O(1) unless the
   * hole that shrank or left was its largest; only then is the leaf rescanned, O(L) over gaps.
   * Changes stop climbing at the first entry that stays the same. A free inside a block (cut)
   * moves the block's gap to the new right part, so it only adds a hole and never rescans.
   *
   * Complexity
   * ----------
   * n blocks: search, lookup by start, update, insert and remove are O(L + F log_F n); a split or a
   * merge touches one node per level. L = 32 and F = 32 were chosen by the peers churn harness
   * (../shared/peers): against 64-block leaves, 10 to 15% less time per call at 1k live regions,
   * the same at 100k; 16-block leaves lost at 100k (see docs/performance.md). Nothing allocates
   * except pool growth (by 1.5x) when the tree nears a new peak size (see "Memory failures"
   * below); freed nodes go to free lists and are reused.
   *
   * Spilling: a full leaf first levels itself with a sibling under the same parent that has
   * spillRoom (L / 8) free slots, the right one first, and splits only when neither has (B*-style,
   * as best-fit's LongPairTree). A split leaves two leaves at their minimum, half full, so under
   * churn that inserts and removes blocks (aligned churn: about one of each per step) the next
   * removal there merged or leveled again: at 1M live regions, alignment 16, a leaf was rebalanced
   * in 5% of the steps. Spilled leaves stay fuller, so there are fewer of them, and further from
   * their minimum. Measured (AlignLoop, CPU ns per call, 6 alternated pairs, 2026-11-27): aligned
   * churn at 1M, alignment 16, median 368 against 420, 5 pairs better; the unaligned churn at 1M
   * and the peers churn at 1k, 10k and 100k within the noise. JMH's AlignedChurnBenchmark at 1M
   * (medians of 20 rounds against 28 before, ns per operation): alignment 16 371.7 against 385.8,
   * alignment 1 232.7 against 257.5: spilled leaves are fuller whichever order blocks arrive in
   * (appended in address order, about nine tenths instead of half), so fewer leaves hold them.
   *
   * Leaf hints: from HINT_FROM (512) blocks on, find first reads a table of leaf ids, slot index
   * >>> hintShift, naming the leaf a descent for that slot last reached. The table has a quarter as
   * many slots as the power of two the count last reached (hintSlots: 128 at 512 blocks, about six
   * per leaf; at most 64Ki, 256 KiB, from 256Ki blocks on), made anew, empty, at each such power;
   * so it costs at most a byte per block, and one fill of its slots per doubling. It takes that
   * leaf when the index lies between the leaf's first start and the next leaf's, and otherwise the
   * leaf before or after when the index lies in that one's range instead: a slot that straddles a
   * leaf boundary then costs no descent on either side. The test reads first starts from the
   * parents' entries (childFirstStart by leafEntry), rows a fraction of the leaves' size that stay
   * in the level-2 cache, so the leaf's own lines are first loaded by the search's probes, all at
   * once, instead of after a test of its first and last bound. A stale hint only fails the test and
   * costs the descent it would have saved, which records the hint anew; updates climb by parent
   * entries, so a hinted find needs no path. Peers churn at 1M live regions (339k blocks, 81% of
   * the finds hinted by the leaf alone): 276.7 ns per call against 302.1 (medians of 6 alternated
   * runs). Hints began at 128Ki blocks then, on the grounds that smaller trees keep their branch
   * rows in the caches; but there the descent's cost was its backward scans of those rows, whose
   * exits mispredicted (the rows are counted now, see find), and a hint's tests are predictable.
   * From 512 blocks, with the table sized as above (peers churn, ChurnAllot, the jar before and
   * this one alternated, thread CPU ns per call, 2026-11-28): at 10k live regions (3.7k blocks)
   * 83.4 against 76.8 (medians of 5 pairs, faster in all 5); at 100k (36k blocks) 121.9 against
   * 119.1 (10 pairs, faster in 8, runs from 108 to 181); at 1M the table ends as it was (64Ki
   * slots) and the runs are alike. At 1k live regions (387 blocks) hints from 64 blocks did not
   * help (medians 62.8 against 64.1, 5 pairs), so 512 it is.
   * Taking the neighbours and testing by the entries, against the leaf alone tested by its bounds
   * (the two builds in one JVM, churn at doubling capacities, 200k-step chunks alternated, CPU
   * time, 2026-11-27; InterleavedChurn in allocator-benchmarks does the same): at 1M live regions,
   * alignment 16 (942k blocks, descents per free 0.36 before, 0.02 after) median 393.2 ns per call
   * against 426.7, faster in 52 chunks of 60; alignment 1 (339k blocks, 0.18 and 0.003) 319.9
   * against 335.7, 37 of 40; alignment 256 459.1 against 481.4, 32 of 40; at 100k (no hints) 224.1
   * against 226.7, 22 of 40. Two copies of one build differ there by up to a sixth from JVM to JVM,
   * so these are indications; the peers churn and JMH below bear out the two changes together.
   *
   * Gaps and rooms in 16 bits: a block's gap and rooms are chars, saturated at SATURATED (65535),
   * which stands for that much or more. A search for a smaller size compares them exactly; a
   * larger size, and the maximum of a leaf that holds a saturated value, are taken from the bounds
   * (exactLeafMax, O(L)). Churn sizes and the holes they leave are far below it, so only the tail's
   * leaf and programs of very large regions take that path. A leaf's gaps fit one 64-byte line
   * instead of two, and a block takes 10 bytes instead of 12. Measured against int values the same
   * way, in both orders: at 1M live regions unaligned 212.1 ns per call against 228.3 (faster in
   * 37 chunks of 40) and 225.7 against 236.3 (22 of 30); alignment 16 309.5 against 325.3 (35 of
   * 40). At 10k live regions, capacity 256 N (separate JVMs alternated, 5 pairs) median 85.0
   * against 84.3, slower by 1 to 5% in 4 pairs: a small cost that I did not trace (the exact maxima
   * run in 0.1% of the steps there). The two changes together, by the repository's tools: the
   * peers churn at 1M (allocator-benchmarks/peers.sh, one run each, 16:45 and 19:07 UTC) 182.7 ns
   * per call against 244.8, at 100k 110.7 against 125.1; JMH's AlignedChurnBenchmark at 1M
   * (aligned-ratio.sh, medians of 20 rounds against 20 before both) alignment 1 214.4 ns per
   * operation against 232.7, alignment 16 315.4 against 371.7, alignment 256 281.3 against 337.8
   * (with the hints alone, 16 rounds: 226.8, 344.1, 314.7).
   *
   * Memory: 10 bytes per block slot (8 of bounds, 2 of gaps; 2 more per alignment class, and 8
   * more of high halves past capacity 2^32) plus 20 bytes per branch entry; nodes are at least half
   * full, so at most 20 bytes per block in leaves plus about 2 in branches, before pool slack.
   * Measured with JOL by the peers harness (ChurnAllot --mem) after 4M churn pairs at 1M live
   * regions: 6.9 bytes per live region (339,114 blocks, 20.3 bytes per block; 8.1 with int gaps,
   * 8.3 before leaves spilled, 13.0 with long bounds); pyglet's Python lists take about 70 bytes
   * per block.
   *
   * Alignment
   * ---------
   * For an alignment a > 1 the room of the gap [e, s) after a block is s - up(e), or 0 when
   * up(e) >= s: a region fits there exactly when its size is at most the room, which the gap's
   * length cannot tell (a gap long enough for the size can still fail on padding, by up to a - 1
   * indices). The first MAX_ALIGNMENT_CLASSES (8) distinct alignments asked for each get a class:
   * childRoom[c] holds, for every branch entry, the largest room of class c below it, kept by the
   * same bottom-up updates as childMaxGap, and blockRooms[c] the room after each block, kept with
   * gaps, so that a leaf's aligned scan and rescan read chars as the unaligned ones do. The aligned
   * first-fit search is then one descent on room instead of gap, O(L + F log n), exactly like the
   * unaligned one. Making a class walks the tree once, O(n); each class adds 2 bytes per block
   * slot, 8 per branch entry and one summary to every update, so with C classes in use an update
   * costs O(C (L + F log n)), C <= 8.
   *
   * Worst case, honestly: a ninth distinct alignment gets no class, and FirstFitAllocator scans
   * instead: the leftmost gap of length >= size, its padding checked, then the next such gap
   * (nextGapAtLeast), and so on. A gap of length >= size + a - 1 always fits, so the scan stops at
   * the first one; but every gap of length in [size, size + a - 1) before it may fail on padding.
   * With k such gaps passed the search costs O((k + 1)(L + F log n)), which is O(n log n) when
   * every gap fails (say all gaps are exactly size long and start one past a multiple of a).
   * Programs that use at most 8 alignments (uniform buffers, a vertex stride, a page) never scan.
   *
   * Gaps on demand: only an unaligned search reads gaps and childMaxGap, so until a program asks
   * for one they are left stale (gapsKept false) and every change keeps the first starts and the
   * classes' rooms only: a program of aligned calls pays for one summary per change, not two.
   * keepGaps rebuilds them in O(n), once, at the first unaligned search; from then on they are
   * kept like a class. The largest gap, which a memory failure reports, is scanned from the blocks
   * meanwhile, O(n), unless it is asked for again before count / 4 changes have passed: then the
   * gaps are kept. So scans cost O(1) amortized per change; a growing allocator fails about once
   * per doubling and stays on scans. Measured by AlignLoop (churn at 10k live regions, alignment
   * 16, thread CPU time, alternated runs, load 4.4): 182 to 192 ns per call before, 143 to 146
   * after; unaligned churn the same within noise.
   *
   * Memory failures
   * ---------------
   * A call that throws leaves the allocator as it was, an OutOfMemoryError of the Java heap
   * included. So every array a change may need is made before its first write, and a failure
   * there throws with nothing changed:
   *
   * - Node pools: a split takes one leaf and, when the splits climb to a new root, height + 1
   *   branches. reserve(n) makes sure the pools hold the nodes of n such inserts (n leaves,
   *   n (height + n) branches: the second split may climb one level higher), growing them first
   *   if not; newLeaf and newBranch then only take a node. insert reserves right before a leaf
   *   split (nothing is written before it: a spill needs no node), cut before the setEnd that
   *   precedes its insert on a full leaf. The allocator reserves 2 at the top of a placement,
   *   because a realloc that moves frees the old region after the placement, and that free can
   *   cut (a region inside a block): the cut must then find its node. And 1 before a compaction
   *   move, whose free (a whole block: a remove) comes before its claim. The check is two int
   *   comparisons per placement, and a split's; nothing else on the hot path. Measured (peers
   *   churn by ChurnAllot, the jar before against this one, alternated, thread CPU ns per call,
   *   2026-11-27, medians): 1k 57.6 against 58.3 (5 pairs), 1M 202.8 against 200.4 (10 pairs,
   *   runs from 187 to 215 on both sides): within the noise. Pools so grow by
   *   the same 1.5x steps, reached up to 2 leaves and 2 height + 4 branches sooner than at the
   *   first node they lack: the memory figures above change only for a peak that close to a
   *   pool's end (not measured again).
   * - A growth copies each array whole before assigning it, leafSize and branchSize (whose
   *   lengths are the pools') last: a failure part way leaves some arrays longer, which nothing
   *   reads, and the retry skips them. Copying all arrays before assigning any would hold every
   *   old and new array at once, twice the peak heap of a growth for no visible difference.
   * - load (the bulk compaction) makes its level array and grows the pools for the nodes it will
   *   build before it resets the node ids; node counts it needs are the same nodesFor it builds by.
   * - An alignment class makes both its arrays before it counts the class; setCapacity makes the
   *   high halves before the capacity changes; keepGaps allocates nothing (the gaps array grows
   *   with the leaf pool whether kept or not).
   * - The hint table is a cache that no answer depends on: when making it fails (at the block
   *   that brings the count to HINT_FROM or a power of two past it, in the middle of an insert,
   *   or in load) the failure is caught and the tree goes on with the table it had, or none,
   *   until the count reaches the next power of two or a load. Making it in reserve instead would
   *   add a third comparison to every placement, and make tables before the count needs them.
   *
   * Every array the tree makes after its constructor is made right after allocating(), the test
   * seam: growthsBeforeFailure (-1 but in tests) can make it throw, as a full heap would.
   *
   * References
   * ----------
   * - Bayer and McCreight, "Organization and maintenance of large ordered indexes" (1972): B-trees.
   * - Knuth, TAOCP vol. 1, 2.5: first-fit and the "roving pointer"; a subtree maximum turns its
   *   linear scan into a descent, the augmentation of Cormen et al., CLRS ch. 14 (interval trees).
   */

  /** Marks a missing node, position or link. */
  static final int NONE = -1;

  /** log2 of the default leaf capacity: 32 blocks, 320 bytes of starts, ends and gaps, per leaf. */
  static final int DEFAULT_LEAF_SHIFT = 5;

  /** Default branch capacity: 32 entries, a 256-byte row of gaps scanned per level. */
  static final int DEFAULT_BRANCH_CAPACITY = 32;

  /**
   * Blocks from which {@link #find} also loads the found leaf's gaps or rooms (see {@link
   * #touchBlockValues}): 16Ki blocks, about 0.4 MiB of leaf slots at three-quarter fill when the
   * bounds were longs (0.2 MiB now; the threshold was measured then), from where leaves, branch
   * rows and the caller's own data no longer fit the 1 MiB level-2 cache of the machine measured;
   * below it the loads only cost (about 2 ns per call in the peers churn at 10k).
   */
  private static final int TOUCH_FROM = 1 << 14;

  /**
   * Blocks from which {@link #find} first tries a leaf hint (see {@link #hintedLeaf}): 512 blocks,
   * about 20 leaves, from where a hint's few predictable tests beat the descent's scans of branch
   * rows, whose exits mispredict (see "Leaf hints"); the hints are dropped when the tree falls
   * below half as many.
   */
  static final int HINT_FROM = 1 << 9;

  /** Bits of a hint's slot at most: 64Ki hints, 256 KiB, from 256Ki blocks on. */
  private static final int HINT_BITS = 16;

  /**
   * log2 of the blocks per hint: a table of a quarter as many slots as the power of two the count
   * last reached, about six per leaf; 128 slots, 512 bytes, at {@link #HINT_FROM}.
   */
  private static final int BLOCKS_PER_HINT_SHIFT = 2;

  /** Nodes each pool has room for before its first growth. */
  private static final int INITIAL_NODES = 4;

  /**
   * The largest gap or room a block's {@code char} holds; it stands for that much or more, and a
   * leaf holding one takes its maximum from the blocks (see {@link #leafMax}).
   */
  static final int SATURATED = Character.MAX_VALUE;

  /** The low 32 bits of a long: the largest capacity that {@link #bounds} holds without highs. */
  private static final long LOW_BITS = 0xFFFF_FFFFL;

  /** The summary gap of an empty leaf: smaller than any size searched for. */
  private static final long NO_GAP = Long.MIN_VALUE;

  /** Alignments above 1 whose summaries the tree keeps at most (see {@link #alignmentClass}). */
  static final int MAX_ALIGNMENT_CLASSES = 8;

  /** The class argument that means plain gaps (alignment 1) to the shared search code. */
  private static final int GAPS = -1;

  /** Marks the missing side of a hole change in {@link #holeChanged}. */
  private static final long ABSENT = Long.MIN_VALUE;

  /** What {@link #maxAfterChange} answers when only a rescan of the node can tell. */
  private static final long RESCAN = -1;

  private final int leafShift;
  private final int leafCapacity;
  private final int leafMinimum;

  /** Free slots a sibling needs to take blocks from a full leaf instead of a split. */
  private final int spillRoom;

  private final int branchCapacity;
  private final int branchMinimum;

  /**
   * The low 32 bits of each block's start and end, side by side: {@code bounds[2p]} and {@code
   * bounds[2p + 1]} for position {@code p}, so the end a free checks lies on the cache line of the
   * start it found. Read unsigned, they are the whole values while {@link #boundHighs} is null.
   */
  private int[] bounds;

  /**
   * The high 32 bits of {@link #bounds}, parallel to it; null while the capacity fits in 32 bits,
   * made by {@link #setCapacity} (or the constructor) before any value needs it.
   */
  private int @Nullable [] boundHighs;

  /**
   * The gap after each block (to the next block, or the tail), saturated at {@link #SATURATED}:
   * what leaf scans and rescans read, one {@code char} per block instead of two bounds.
   */
  private char[] gaps;

  private int[] leafSize;
  private int[] leafParent;

  /** Each leaf's entry in its parent ({@code parent * F + index}), so no update searches for it. */
  private int[] leafEntry;

  private int[] leafPrev;
  private int[] leafNext;
  private int leafIds;
  private int freeLeaf = NONE;

  /** Leaves in the tree: the pool's length less this is how many {@link #newLeaf} can take. */
  private int leavesInUse;

  private int[] children;
  private long[] childMaxGap;
  private long[] childFirstStart;

  /**
   * {@code childRoom[c][entry]}: the most room that alignment class {@code c} leaves in one gap of
   * the child's subtree (see {@link #room}); what {@code childMaxGap} is for alignment 1.
   */
  private final long[][] childRoom = new long[MAX_ALIGNMENT_CLASSES][];

  /**
   * {@code blockRooms[c][p]}: the room of class {@code c} in the gap after block {@code p},
   * saturated at {@link #SATURATED}: what {@link #gaps} is for alignment 1, so that aligned
   * searches and rescans read one {@code char} per block instead of rounding two bounds.
   */
  private final char[][] blockRooms = new char[MAX_ALIGNMENT_CLASSES][];

  /** The alignment of each class, in the order the classes were made. */
  private final long[] classAlignment = new long[MAX_ALIGNMENT_CLASSES];

  private int classCount;

  /** What {@link #touchBlockValues} read: written, never read, so that its loads are kept. */
  @SuppressWarnings("UnusedVariable")
  private int touchToken;

  /**
   * {@code hints[index >>> hintShift]}: the leaf a recent descent of {@link #find} for an index of
   * that slot reached, or {@link #NONE}; null below {@link #HINT_FROM} blocks. A hint is a guess,
   * checked against the first starts of the leaf and its neighbours before use, so no change keeps
   * it current.
   */
  private int @Nullable [] hints;

  /** The shift from an index to its hint's slot: the slots span the indices seen so far. */
  private int hintShift;

  /**
   * Descents of {@link #find} made while the tree kept hints, one per hint that failed; for tests
   * that check when a hint saves the descent.
   */
  private long hintedTreeDescents;

  /**
   * Whether {@link #gaps} and {@link #childMaxGap} are kept current: from the first call that needs
   * them on (see {@link #keepGaps}). Until then they are stale and only the first starts and the
   * alignment classes' rooms are kept, so a program that makes only aligned calls pays for one
   * summary per change instead of two.
   */
  private boolean gapsKept;

  /**
   * Block changes since {@link #largestGapAfterBlocks} last scanned the blocks instead of reading
   * the gap summaries, which were not kept: a count that pays for the next scan.
   */
  private long changesSinceScan;

  private int[] branchSize;
  private int[] branchParent;

  /** Each branch's entry in its parent, as {@link #leafEntry} for leaves. */
  private int[] branchEntry;

  private int branchIds;
  private int freeBranch = NONE;

  /** Branches in the tree, as {@link #leavesInUse} for leaves. */
  private int branchesInUse;

  /**
   * Test seam: growths left before {@link #allocating} throws {@link OutOfMemoryError}, as a full
   * heap would; -1, never, but in tests.
   */
  int growthsBeforeFailure = -1;

  private int root;
  private int height;
  private int lastLeaf;
  private int count;
  private long capacity;

  /** Creates an empty tree with the default node capacities. */
  GapTree(long capacity) {
    this(capacity, DEFAULT_LEAF_SHIFT, DEFAULT_BRANCH_CAPACITY);
  }

  /**
   * Creates an empty tree; tests use tiny nodes to reach deep trees with few blocks.
   *
   * @param leafShift log2 of the leaf capacity, at least 2
   * @param branchCapacity entries per branch, at least 4
   */
  GapTree(long capacity, int leafShift, int branchCapacity) {
    if (leafShift < 2 || leafShift > 16 || branchCapacity < 4) {
      throw new IllegalArgumentException(
          "leafShift " + leafShift + ", branchCapacity " + branchCapacity);
    }
    this.capacity = capacity;
    this.leafShift = leafShift;
    this.leafCapacity = 1 << leafShift;
    this.leafMinimum = leafCapacity / 2;
    this.spillRoom = Math.max(2, leafCapacity / 8); // 2: after leveling, both leaves have room
    this.branchCapacity = branchCapacity;
    this.branchMinimum = branchCapacity / 2;
    bounds = new int[INITIAL_NODES << (leafShift + 1)];
    boundHighs = capacity > LOW_BITS ? new int[bounds.length] : null;
    gaps = new char[INITIAL_NODES << leafShift];
    leafSize = new int[INITIAL_NODES];
    leafParent = new int[INITIAL_NODES];
    leafEntry = new int[INITIAL_NODES];
    leafPrev = new int[INITIAL_NODES];
    leafNext = new int[INITIAL_NODES];
    children = new int[INITIAL_NODES * branchCapacity];
    childMaxGap = new long[INITIAL_NODES * branchCapacity];
    childFirstStart = new long[INITIAL_NODES * branchCapacity];
    branchSize = new int[INITIAL_NODES];
    branchParent = new int[INITIAL_NODES];
    branchEntry = new int[INITIAL_NODES];
    int leaf = newLeaf();
    leafPrev[leaf] = NONE;
    leafNext[leaf] = NONE;
    root = newBranch();
    branchParent[root] = NONE;
    height = 1;
    lastLeaf = leaf;
    attach(root, 0, leaf, true);
    branchSize[root] = 1;
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** Returns the number of blocks. */
  int count() {
    return count;
  }

  /** Returns the number of leaves, by walking their chain: O(leaves), for tests. */
  int leafCount() {
    int leaves = 0;
    for (int leaf = 0; leaf != NONE; leaf = leafNext[leaf]) { // leaf 0 is the leftmost
      leaves++;
    }
    return leaves;
  }

  long start(int position) {
    return bound(2 * position);
  }

  long end(int position) {
    return bound(2 * position + 1);
  }

  /** Returns {@code bounds[i]} with its high half, if the tree keeps high halves. */
  private long bound(int i) {
    long low = bounds[i] & LOW_BITS;
    int[] highs = boundHighs;
    return highs == null ? low : (long) highs[i] << 32 | low;
  }

  private void putStart(int position, long start) {
    putBound(2 * position, start);
  }

  private void putEnd(int position, long end) {
    putBound(2 * position + 1, end);
  }

  /** Stores a start or end, no larger than the capacity; so without highs it fits 32 bits. */
  private void putBound(int i, long value) {
    bounds[i] = (int) value;
    int[] highs = boundHighs;
    if (highs != null) {
      highs[i] = (int) (value >>> 32);
    }
  }

  /** Returns the capacity, the end of the tail. */
  long capacity() {
    return capacity;
  }

  /** Returns the position of the first block; the tree must not be empty. */
  int first() {
    return 0; // leaf 0, slot 0: the leftmost leaf never changes
  }

  /** Returns the position of the last block; the tree must not be empty. */
  int last() {
    return base(lastLeaf) + leafSize[lastLeaf] - 1;
  }

  /** Returns the end of the last block, 0 when there are none. */
  long lastEnd() {
    int size = leafSize[lastLeaf];
    return size == 0 ? 0 : end(base(lastLeaf) + size - 1);
  }

  /** Tells whether {@code position} holds the last block. */
  boolean isLast(int position) {
    return leafOf(position) == lastLeaf && slotOf(position) == leafSize[lastLeaf] - 1;
  }

  /** Returns the position after {@code position}, which must not be the last block. */
  int next(int position) {
    int leaf = leafOf(position);
    return slotOf(position) + 1 < leafSize[leaf] ? position + 1 : base(leafNext[leaf]);
  }

  /**
   * Returns the free run after the block at {@code position}: up to the next block, or the tail.
   */
  long gapAfter(int position) {
    return (isLast(position) ? capacity : start(next(position))) - end(position);
  }

  /**
   * Returns the largest gap after any block, the tail included; the tree must not be empty. From
   * the root's summaries while the gaps are kept; otherwise by an O(n) scan, or by starting to keep
   * them when asked again before {@code count / 4} changes have passed.
   */
  long largestGapAfterBlocks() {
    if (!gapsKept) {
      // A scan reads every block. After at least count / 4 changes it costs at most 4 block reads
      // per change, amortized (a growing allocator's memory failures, one per doubling, stay
      // there); asked more often than that, keeping the summaries is the cheaper way.
      if (changesSinceScan < count / 4) {
        keepGaps();
      } else {
        changesSinceScan = 0;
        return scanLargestGap();
      }
    }
    return branchMax(childMaxGap, root);
  }

  /** Tells whether the gap summaries are kept current (see {@link #keepGaps}); for tests. */
  boolean keepsGaps() {
    return gapsKept;
  }

  /** The largest gap after any block, the tail included, from the blocks themselves: O(n). */
  private long scanLargestGap() {
    long largest = NO_GAP;
    for (int leaf = 0; leaf != NONE; leaf = leafNext[leaf]) { // leaf 0 is the leftmost
      if (leafSize[leaf] > 0) {
        largest = Math.max(largest, exactLeafMax(leaf, leafSize[leaf], 1));
      }
    }
    return largest;
  }

  /**
   * Starts keeping the gap summaries, which the tree leaves stale until a call needs them: an
   * unaligned search, or the largest gap asked for often. O(n) once; from then on every change
   * keeps them, as it keeps an alignment class's rooms.
   */
  private void keepGaps() {
    gapsKept = true;
    refreshEveryGap();
    summarize(root, height, GAPS);
  }

  /**
   * Returns the block with the greatest start {@code <= index}, or {@link #NONE} when every block
   * starts after {@code index}.
   */
  @SuppressWarnings("ShortCircuitBoolean") // the leaf search's & keeps its steps branch-free
  int find(long index) {
    int[] table = hints;
    int node = table == null ? NONE : hintedLeaf(table, index);
    if (node == NONE) {
      final long[] firstStarts = childFirstStart;
      final int[] kids = children;
      node = root;
      int entry = NONE; // the root is a branch: the loop runs at least once
      for (int level = height; level > 0; level--) {
        // The entry is the last whose first start is <= index (the first one's always is): count
        // the others that are, with no branch on the starts. A scan back from the end that stops
        // at it mispredicts its exit about once a row; measured (peers churn, ChurnAllot, this
        // against the scan, 12 alternated pairs, 2026-11-28) 86.8 ns per call against 89.5 at 1k
        // and 107.3 against 107.9 at 10k (medians; faster in 9 pairs of 12 at both, by a median
        // 2% per pair at 10k), 100k and 1M within the noise (10 and 6 pairs).
        int first = node * branchCapacity;
        int below = 0;
        for (int other = first + 1, end = first + branchSize[node]; other < end; other++) {
          below += firstStarts[other] <= index ? 1 : 0;
        }
        entry = first + below;
        node = kids[entry];
      }
      // The leaf's first start is its entry's childFirstStart, on a line the descent just read: a
      // probe of the leaf's own first line would be one more cache miss at 1M live regions.
      if (count == 0 || firstStarts[entry] > index) { // only an empty tree has an empty leaf
        return NONE;
      }
      if (hints != null) {
        hints[(int) (index >>> hintShift)] = node; // hintedLeaf made the slot fit
        hintedTreeDescents++;
      }
    }
    // The search runs over the leaf's whole capacity, slots past its size counting as starts
    // after index, so that where it probes does not wait for leafSize to load. The first three
    // halvings load their seven possible probes at once: independent loads whose cache misses
    // overlap, where a plain halving waits for one miss before it starts the next (at 1M live
    // regions the leaves are far larger than the caches; a 32-block leaf's bounds span 4 lines,
    // and the probes touch all of them, so one round of misses replaces three). Slot 0 needs no
    // probe: its start is the entry's first start, <= index. Measured with long bounds (8 lines
    // per leaf, 7 of them probed) against the plain halving, runs
    // alternated, CPU ns per call: aligned churn at 1M (AlignLoop, alignment 16) 712 against 780
    // with two preloaded halvings (load 4 to 7), then 731 against 788 with three (load 2.5),
    // medians of 3; peers churn at 1M, 6 pairs at load 1.5, median 425 against 455 for two; 100k
    // and 10k no worse. Probing the whole capacity instead of waiting for the size: aligned churn
    // at 1M 685 against 747 (medians of 3 pairs, each pair better, load 0.6 to 1).
    int position = base(node);
    if (count >= TOUCH_FROM) {
      touchBlockValues(classCount > 0 ? blockRooms[0] : gaps, position);
    }
    int firstHalf = leafCapacity >>> 1;
    int secondHalf = firstHalf >>> 1;
    int thirdHalf = secondHalf >>> 1;
    long middle = start(position + firstHalf);
    long low = start(position + secondHalf);
    long high = start(position + firstHalf + secondHalf);
    long lowLow = start(position + thirdHalf);
    long lowHigh = start(position + secondHalf + thirdHalf);
    long highLow = start(position + firstHalf + thirdHalf);
    long highHigh = start(position + firstHalf + secondHalf + thirdHalf);
    int limit = position + leafSize[node]; // slots from here on hold no block
    // Each step moves up by half when the probed slot holds a block starting at or before index;
    // & instead of && keeps the step free of branches (every probe is inside the leaf's slots).
    boolean upper = (position + firstHalf < limit) & middle <= index;
    position = upper ? position + firstHalf : position;
    long second = upper ? high : low;
    boolean upperAgain = (position + secondHalf < limit) & second <= index;
    position = upperAgain ? position + secondHalf : position;
    long third = upper ? (upperAgain ? highHigh : highLow) : (upperAgain ? lowHigh : lowLow);
    position = (position + thirdHalf < limit) & third <= index ? position + thirdHalf : position;
    for (int half = thirdHalf >>> 1; half > 0; half >>>= 1) {
      int probe = position + half;
      position = (probe < limit) & start(probe) <= index ? probe : position;
    }
    return position;
  }

  /**
   * Returns the leaf that holds the greatest start {@code <= index} by the hint of {@code index},
   * or {@link #NONE} when the hint does not name it or a neighbour of it (then {@link #find}
   * descends and records the leaf it reaches). A leaf is taken when its first start is at or before
   * {@code index} and the next leaf's first start (if any) after it: then no other leaf holds a
   * greater start {@code <= index}. That saves the descent through the branch rows, which miss the
   * caches in a tree of a million blocks; updates climb by each node's parent entry and need no
   * path.
   */
  private int hintedLeaf(int[] table, long index) {
    if (count < HINT_FROM / 2) {
      hints = null; // a tree this small: a descent scans a row or two
      return NONE;
    }
    long key = index >>> hintShift;
    if (key >= table.length) { // past the span of the slots: widen it
      hintShift =
          Long.SIZE
              - Long.numberOfLeadingZeros(index)
              - Integer.numberOfTrailingZeros(table.length);
      key = index >>> hintShift;
    }
    int leaf = table[(int) key];
    if (leaf == NONE) {
      return NONE;
    }
    if (leafSize[leaf] == 0) { // a freed leaf
      return NONE;
    }
    if (startsAfter(leaf, index)) {
      int previous = leafPrev[leaf];
      return startsAfter(previous, index) ? NONE : previous;
    }
    int next = leafNext[leaf];
    if (startsAfter(next, index)) {
      return leaf;
    }
    return startsAfter(leafNext[next], index) ? next : NONE;
  }

  /**
   * Tells whether {@code leaf} starts after {@code index}, by its first start in its parent's
   * entry; {@link #NONE}, the leaf beyond either end, counts as starting after every index.
   */
  private boolean startsAfter(int leaf, long index) {
    return leaf == NONE || childFirstStart[leafEntry[leaf]] > index;
  }

  /**
   * Counts a block just added; at {@link #HINT_FROM} blocks and each power of two after it, keeps
   * hints in a table sized for the count.
   */
  private void blockAdded() {
    count++;
    if ((count & (count - 1)) == 0) { // keepHintsIfLarge owns the threshold
      keepHintsIfLarge();
    }
  }

  /**
   * Starts keeping hints, or keeps them in a larger table, once the tree holds {@link #HINT_FROM}
   * blocks: {@link #hintSlots} slots for the count. A new table starts empty; descents fill it.
   */
  private void keepHintsIfLarge() {
    int slots = hintSlots(count);
    if (count >= HINT_FROM && (hints == null || hints.length < slots)) {
      int[] table;
      try {
        allocating();
        table = new int[slots];
      } catch (OutOfMemoryError e) {
        return; // the hints are a cache: no answer depends on them (see "Memory failures")
      }
      Arrays.fill(table, NONE);
      hints = table;
      hintShift = 0;
    }
  }

  /**
   * Returns the hint slots for a tree of {@code count} blocks: the greatest power of two at or
   * below it, divided by 2^{@link #BLOCKS_PER_HINT_SHIFT}, at most 2^{@link #HINT_BITS}.
   */
  static int hintSlots(int count) {
    int bits = Integer.SIZE - 1 - Integer.numberOfLeadingZeros(count) - BLOCKS_PER_HINT_SHIFT;
    return 1 << Math.max(0, Math.min(HINT_BITS, bits));
  }

  /**
   * Loads the per-block values of the leaf whose slots start at {@code position} that a free
   * updates next (the first alignment class's rooms, or the gaps when no class exists), at its
   * first and last slot, so both cache lines when the leaf's 64 bytes straddle two, and keeps a
   * token of them, so that their misses overlap those of {@link #find}'s probes: the free then
   * changes the found block's room or gap without waiting for one more miss. At 1M live regions a
   * leaf's values are as far from the caches as its bounds. Java has no prefetch; the token is
   * written so that the JIT keeps the loads. Measured, CPU time, runs alternated with the tree
   * without the loads: aligned churn (AlignLoop, 1M live regions, alignment 16, 8 pairs, load 0.8
   * to 1.4) median 603 ns per call against 668, better in 7 pairs of 8; the peers churn at 1M
   * (unaligned, the gaps) 370 against 385, 5 pairs. Below {@link #TOUCH_FROM} blocks nothing is
   * loaded.
   */
  private void touchBlockValues(char[] perBlock, int position) {
    touchToken = perBlock[position] ^ perBlock[position + leafCapacity - 1];
  }

  /**
   * Returns the leftmost block whose gap after it (tail included) is {@code >= size}, or {@link
   * #NONE}. {@code size} must be positive.
   */
  int leftmostGapAtLeast(long size) {
    if (!gapsKept) {
      keepGaps();
    }
    final long[] gaps = childMaxGap;
    int entry = root * branchCapacity;
    int end = entry + branchSize[root];
    while (entry < end && gaps[entry] < size) {
      entry++;
    }
    // Only the root can lack a fitting child: below it a summary promised one.
    return entry == end ? NONE : leftmostBelow(entry, height, size, GAPS);
  }

  /**
   * Returns the class of an alignment above 1, making it on first use, or {@link #NONE} when {@link
   * #MAX_ALIGNMENT_CLASSES} classes exist. From then on every change keeps, for each branch entry,
   * the most room the class leaves in one gap below it, so that {@link #leftmostAlignedFit} is one
   * descent. Making a class walks the tree once, O(n).
   *
   * @param alignment the alignment, {@code > 1}
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
    allocating();
    long[] rooms = new long[childMaxGap.length];
    allocating();
    char[] values = new char[gaps.length];
    int c = classCount; // both arrays made: from here on nothing fails
    classAlignment[c] = alignment;
    childRoom[c] = rooms;
    blockRooms[c] = values;
    classCount++;
    refreshEveryGap();
    summarize(root, height, c);
    return c;
  }

  /** Sets {@link #gaps} (when kept) and every class's {@link #blockRooms} of every block. */
  private void refreshEveryGap() {
    for (int leaf = 0; leaf != NONE; leaf = leafNext[leaf]) { // leaf 0 is the leftmost
      for (int position = base(leaf), end = position + leafSize[leaf]; position < end; ) {
        refreshGap(position++);
      }
    }
  }

  /**
   * Returns the leftmost block whose gap after it (tail included) holds {@code size} indices at a
   * start that is a multiple of the class's alignment, or {@link #NONE}: exactly the gap the
   * aligned first-fit rule takes, in O(L + F log n).
   *
   * @param size the region's size, {@code > 0}
   * @param alignmentClass a class from {@link #alignmentClass}
   */
  int leftmostAlignedFit(long size, int alignmentClass) {
    final long[] rooms = childRoom[alignmentClass];
    int entry = root * branchCapacity;
    int end = entry + branchSize[root];
    while (entry < end && rooms[entry] < size) {
      entry++;
    }
    return entry == end ? NONE : leftmostBelow(entry, height, size, alignmentClass);
  }

  /**
   * Returns the first block after {@code position} (in address order, {@code position} excluded)
   * whose gap after it (tail included) is {@code >= size}, or {@link #NONE}: the next candidate of
   * a search that found the gap after {@code position} long enough but unusable, as an aligned
   * search does when padding does not fit. O(L + F log n): the rest of the leaf, then up to the
   * first branch entry to the right whose summary holds such a gap, then down.
   *
   * @param position a block
   * @param size the least gap, {@code > 0}
   */
  int nextGapAtLeast(int position, long size) {
    if (!gapsKept) {
      keepGaps();
    }
    int leaf = leafOf(position);
    int last = base(leaf) + leafSize[leaf] - 1;
    for (int at = position + 1; at < last; at++) {
      if (start(at + 1) - end(at) >= size) {
        return at;
      }
    }
    if (position < last && gapAfter(last) >= size) {
      return last;
    }
    final long[] gaps = childMaxGap;
    int child = leaf;
    int branch = leafParent[leaf];
    for (int level = 1; branch != NONE; level++) {
      int entry = (level == 1 ? leafEntry[child] : branchEntry[child]) + 1;
      int end = branch * branchCapacity + branchSize[branch];
      while (entry < end && gaps[entry] < size) {
        entry++;
      }
      if (entry < end) {
        return leftmostBelow(entry, level, size, GAPS);
      }
      child = branch;
      branch = branchParent[branch];
    }
    return NONE;
  }

  /**
   * Returns the leftmost block with a gap {@code >= size} ({@link #GAPS}), or with room {@code >=
   * size} for alignment class {@code c}, below the branch entry {@code entry} of a branch at {@code
   * level} (1: its children are leaves), whose summary promises one.
   */
  private int leftmostBelow(int entry, int level, long size, int c) {
    final long[] summaries = c == GAPS ? childMaxGap : childRoom[c];
    final int[] kids = children;
    int node = kids[entry];
    for (level--; level > 0; level--) {
      entry = node * branchCapacity;
      while (summaries[entry] < size) {
        entry++;
      }
      node = kids[entry];
    }
    int position = base(node);
    int last = position + leafSize[node] - 1;
    if (size < SATURATED) {
      final char[] values = c == GAPS ? gaps : blockRooms[c];
      int least = (int) size; // a saturated value compares right with any smaller size
      while (position < last && values[position] < least) {
        position++;
      }
    } else {
      long alignment = c == GAPS ? 1 : classAlignment[c];
      while (position < last && room(end(position), start(position + 1), alignment) < size) {
        position++;
      }
    }
    return position; // the leaf's summary holds a fitting gap: if not inside, it is the last one
  }

  // ---- changing values in place ---------------------------------------------------------------

  /**
   * Changes the tail, the gap after the last block. A capacity past 32 bits first makes the high
   * halves of the bounds, so that a memory failure there leaves the tree as it was.
   */
  void setCapacity(long capacity) {
    if (capacity > LOW_BITS && boundHighs == null) {
      allocating();
      boundHighs = new int[bounds.length]; // every value so far is below 2^32: its high half is 0
    }
    long old = this.capacity;
    this.capacity = capacity;
    if (count == 0) {
      update(lastLeaf);
    } else {
      long lastEnd = lastEnd();
      refreshGap(last());
      holeChanged(lastLeaf, lastEnd, old, lastEnd, capacity);
    }
  }

  /** Moves the start of a block; it must stay after the previous block's end and before its own. */
  void setStart(int position, long start) {
    long old = start(position);
    putStart(position, start);
    int leaf = leafOf(position);
    if (slotOf(position) > 0) {
      refreshGap(position - 1);
      long before = end(position - 1);
      holeChanged(leaf, before, old, before, start);
      return;
    }
    int entry = leafEntry[leaf];
    propagate(leafParent[leaf], entry, gapsKept ? childMaxGap[entry] : NO_GAP, start);
    int previous = leafPrev[leaf];
    if (previous != NONE) { // its last gap reaches this block
      refreshGap(base(previous) + leafSize[previous] - 1);
      long before = end(base(previous) + leafSize[previous] - 1);
      holeChanged(previous, before, old, before, start);
    }
  }

  /** Moves the end of a block; it must stay after its start and before the next block's start. */
  void setEnd(int position, long end) {
    long after = isLast(position) ? capacity : start(next(position));
    long oldEnd = end(position);
    putEnd(position, end);
    refreshGap(position);
    holeChanged(leafOf(position), oldEnd, after, end, after);
  }

  /**
   * Frees {@code [start, end)} from the inside of the block at {@code position}, which keeps the
   * part before it; a new block after it takes the part after, and with it the old gap. So the leaf
   * only gains the hole {@code [start, end)}, and its summary never needs a rescan unless the leaf
   * is full and splits.
   */
  void cut(int position, long start, long end) {
    int leaf = leafOf(position);
    long blockEnd = end(position);
    if (leafSize[leaf] == leafCapacity) {
      reserve(1); // before setEnd: the insert may split the leaf
      setEnd(position, start);
      insertAfter(position, end, blockEnd);
      return;
    }
    int at = position + 1;
    int tail = base(leaf) + leafSize[leaf] - at;
    moveBlocks(at, at + 1, tail);
    putStart(at, end);
    putEnd(at, blockEnd);
    putEnd(position, start);
    leafSize[leaf]++;
    blockAdded();
    refreshGap(at);
    refreshGap(position);
    holeChanged(leaf, ABSENT, 0, start, end);
  }

  /**
   * Joins the block at {@code position} and the next one, which must exist, into one block. Within
   * a leaf only the hole between them leaves it, so the leaf is rescanned only if that hole was its
   * largest.
   */
  void mergeWithNext(int position) {
    int leaf = leafOf(position);
    int next = position + 1;
    if (slotOf(position) + 1 == leafSize[leaf]) { // the next block leads the next leaf
      next = base(leafNext[leaf]);
      setEnd(position, end(next));
      remove(next);
      return;
    }
    long end = end(position);
    long after = start(next);
    putEnd(position, end(next));
    if (gapsKept) {
      gaps[position] = gaps[next];
    }
    for (int c = 0; c < classCount; c++) {
      blockRooms[c][position] = blockRooms[c][next];
    }
    removeSlot(leaf, next);
    int parent = leafParent[leaf];
    if (leafSize[leaf] < leafMinimum && branchSize[parent] > 1) {
      rebalanceLeaf(leaf, parent);
    } else {
      holeChanged(leaf, end, after, ABSENT, 0);
    }
  }

  /**
   * Grows the block at {@code position} by {@code size} into the gap after it, which must hold that
   * much, and merges it with the next block when that closes the gap: first-fit's placement in one
   * step, reading the neighbours once. Returns where the grown part starts.
   */
  long extendInto(int position, long size) {
    int leaf = leafOf(position);
    boolean lastInLeaf = position == base(leaf) + leafSize[leaf] - 1;
    long after = lastInLeaf ? startAfter(leaf) : start(position + 1);
    long end = end(position);
    long newEnd = end + size;
    if (newEnd == after && !(lastInLeaf && leafNext[leaf] == NONE)) {
      mergeWithNext(position);
    } else {
      putEnd(position, newEnd);
      refreshGap(position);
      holeChanged(leaf, end, after, newEnd, after);
    }
    return end;
  }

  /**
   * Brings the summaries of {@code leaf} and above up to date after the hole {@code [oldStart,
   * oldEnd)} after one of its blocks became {@code [newStart, newEnd)}, either side {@link #ABSENT}
   * for a hole that left the leaf or joined it; the blocks already show the change. O(1) plus the
   * propagation, which stops at the first entry that does not change, unless the leaf's largest
   * hole shrank: then O(L) to rescan the leaf. Several changes to one leaf may be reported one
   * after the other: a rescan sees all of them, and a later report of a change it saw is a no-op.
   */
  private void holeChanged(int leaf, long oldStart, long oldEnd, long newStart, long newEnd) {
    int parent = leafParent[leaf];
    int entry = leafEntry[leaf];
    long oldGap = oldStart == ABSENT ? NO_GAP : oldEnd - oldStart;
    long newGap = newStart == ABSENT ? NO_GAP : newEnd - newStart;
    int size = leafSize[leaf];
    changesSinceScan++;
    propagate(
        parent,
        entry,
        gapsKept ? newMax(childMaxGap[entry], oldGap, newGap, leaf, true) : NO_GAP,
        size == 0 ? 0 : start(base(leaf)));
    for (int c = 0; c < classCount; c++) {
      long alignment = classAlignment[c];
      long oldRoom = oldStart == ABSENT ? NO_GAP : room(oldStart, oldEnd, alignment);
      long newRoom = newStart == ABSENT ? NO_GAP : room(newStart, newEnd, alignment);
      long max = maxAfterChange(childRoom[c][entry], oldRoom, newRoom);
      propagateRoom(c, parent, entry, max != RESCAN ? max : leafMaxRoom(leaf, c));
    }
  }

  /**
   * Returns a node's largest gap after one of its gaps changed from {@code oldGap} to {@code
   * newGap}, rescanning the node only when its old maximum was that gap and it shrank.
   */
  private long newMax(long oldMax, long oldGap, long newGap, int node, boolean leaf) {
    long max = maxAfterChange(oldMax, oldGap, newGap);
    if (max != RESCAN) {
      return max;
    }
    return leaf ? leafMaxGap(node) : branchMax(childMaxGap, node);
  }

  /**
   * Returns a node's maximum after one of its values changed from {@code oldValue} to {@code
   * newValue}, or {@link #RESCAN} when only a rescan can tell: the old value was the maximum and it
   * shrank. No value is -1: gaps and rooms are {@code >= 0}, or {@link #NO_GAP}.
   */
  private static long maxAfterChange(long oldMax, long oldValue, long newValue) {
    if (newValue >= oldMax) {
      return newValue;
    }
    return oldValue < oldMax ? oldMax : RESCAN;
  }

  // ---- structural changes ---------------------------------------------------------------------

  /** Inserts a block before every other block. */
  void insertFirst(long start, long end) {
    insert(0, 0, start, end);
  }

  /** Inserts a block right after the block at {@code position}. */
  void insertAfter(int position, long start, long end) {
    insert(leafOf(position), slotOf(position) + 1, start, end);
  }

  /**
   * Puts a block at {@code slot} of {@code leaf}. Slot 0 is only ever the first leaf's ({@link
   * #insertFirst}; a split or a spill keeps slot 0 in the left leaf), so the hole before the new
   * block, if any, lies in the same leaf.
   */
  private void insert(int leaf, int slot, long start, long end) {
    int right = NONE;
    if (leafSize[leaf] == leafCapacity) {
      int sibling = spillSibling(leaf);
      int left;
      int before; // blocks of the pair before the insertion point
      if (sibling != NONE) {
        boolean toRight = leafPrev[sibling] == leaf;
        left = toRight ? leaf : sibling;
        right = toRight ? sibling : leaf;
        before = toRight ? slot : leafSize[left] + slot;
        level(left, right);
      } else {
        reserve(1); // nothing written yet: spillSibling only reads
        left = leaf;
        before = slot;
        right = splitLeaf(leaf);
      }
      int kept = leafSize[left];
      leaf = before > kept ? right : left;
      slot = before > kept ? before - kept : before;
    }
    int at = base(leaf) + slot;
    int tail = leafSize[leaf] - slot;
    moveBlocks(at, at + 1, tail);
    putStart(at, start);
    putEnd(at, end);
    leafSize[leaf]++;
    blockAdded();
    refreshGap(at);
    if (slot > 0) {
      refreshGap(at - 1);
    }
    if (right != NONE) {
      update(leafPrev[right]);
      update(right);
      return;
    }
    // The previous block's hole [before, after) is cut at the new block: [before, start) stays
    // with the previous block, [end, after) joins this leaf with the new one.
    long after = tail > 0 ? start(at + 1) : startAfter(leaf);
    holeChanged(leaf, ABSENT, 0, end, after);
    if (slot > 0) {
      long before = end(at - 1);
      holeChanged(leaf, before, after, before, start);
    }
  }

  /**
   * Returns the start of the block after a leaf's last one, or the capacity after the last leaf.
   */
  private long startAfter(int leaf) {
    int after = leafNext[leaf];
    return after == NONE ? capacity : start(base(after));
  }

  /** Removes the block at {@code position}. */
  void remove(int position) {
    int leaf = leafOf(position);
    int slot = slotOf(position);
    int tail = leafSize[leaf] - slot - 1;
    long start = start(position);
    long end = end(position);
    long after = tail > 0 ? start(position + 1) : startAfter(leaf);
    removeSlot(leaf, position);
    int prev = leafPrev[leaf]; // never freed below: merges free the right node of a pair
    if (slot > 0) {
      refreshGap(position - 1);
    } else if (prev != NONE) {
      refreshGap(base(prev) + leafSize[prev] - 1);
    }
    int parent = leafParent[leaf];
    if (leafSize[leaf] < leafMinimum && branchSize[parent] > 1) {
      rebalanceLeaf(leaf, parent);
      if (slot == 0 && prev != NONE) {
        update(prev);
      }
      return;
    }
    // The previous block's hole [before, start) grows to [before, after), then the removed
    // block's [end, after) leaves: reported in this order, a leaf that keeps both needs no rescan,
    // since the grown hole is longer than the one that left.
    if (slot > 0) {
      long before = end(position - 1);
      holeChanged(leaf, before, start, before, after);
    } else if (prev != NONE) {
      long before = end(base(prev) + leafSize[prev] - 1);
      holeChanged(prev, before, start, before, after);
    }
    holeChanged(leaf, end, after, ABSENT, 0);
  }

  /** Copies {@code length} blocks (bounds and gaps) from position {@code from} to {@code to}. */
  private void moveBlocks(int from, int to, int length) {
    System.arraycopy(bounds, 2 * from, bounds, 2 * to, 2 * length);
    int[] highs = boundHighs;
    if (highs != null) {
      System.arraycopy(highs, 2 * from, highs, 2 * to, 2 * length);
    }
    if (gapsKept) {
      System.arraycopy(gaps, from, gaps, to, length);
    }
    for (int c = 0; c < classCount; c++) {
      System.arraycopy(blockRooms[c], from, blockRooms[c], to, length);
    }
  }

  /** Closes the slot of {@code position} in {@code leaf}, shifting the later blocks down. */
  private void removeSlot(int leaf, int position) {
    int tail = base(leaf) + leafSize[leaf] - position - 1;
    moveBlocks(position + 1, position, tail);
    leafSize[leaf]--;
    count--;
  }

  private int splitLeaf(int left) {
    int right = newLeaf();
    int kept = leafCapacity / 2;
    int moved = leafSize[left] - kept;
    moveBlocks(base(left) + kept, base(right), moved);
    leafSize[left] = kept;
    leafSize[right] = moved;
    int after = leafNext[left];
    leafNext[right] = after;
    leafPrev[right] = left;
    leafNext[left] = right;
    if (after == NONE) {
      lastLeaf = right;
    } else {
      leafPrev[after] = right;
    }
    int parent = leafParent[left];
    insertChild(
        parent, leafEntry[left] - parent * branchCapacity + 1, right, true, start(base(right)));
    return right;
  }

  /** Merges or levels an underfull leaf with a sibling under {@code parent}, its parent. */
  private void rebalanceLeaf(int leaf, int parent) {
    int index = leafEntry[leaf] - parent * branchCapacity;
    int leftIndex = index > 0 ? index - 1 : index;
    int left = children[parent * branchCapacity + leftIndex];
    int right = children[parent * branchCapacity + leftIndex + 1];
    int total = leafSize[left] + leafSize[right];
    if (total < leafCapacity) {
      moveBlocks(base(right), base(left) + leafSize[left], leafSize[right]);
      leafSize[left] = total;
      int after = leafNext[right];
      leafNext[left] = after;
      if (after == NONE) {
        lastLeaf = left;
      } else {
        leafPrev[after] = left;
      }
      freeLeaf(right);
      update(left);
      removeChild(parent, leftIndex + 1, true);
      return;
    }
    level(left, right);
    update(left);
    update(right);
  }

  /**
   * Returns a sibling of a full leaf under the same parent, the right one first, with room for
   * {@link #spillRoom} more blocks, or {@link #NONE}.
   */
  private int spillSibling(int leaf) {
    int parent = leafParent[leaf];
    int first = parent * branchCapacity;
    int entry = leafEntry[leaf];
    int limit = leafCapacity - spillRoom;
    if (entry + 1 < first + branchSize[parent] && leafSize[children[entry + 1]] <= limit) {
      return children[entry + 1];
    }
    if (entry > first && leafSize[children[entry - 1]] <= limit) {
      return children[entry - 1];
    }
    return NONE;
  }

  /**
   * Moves blocks between two neighbouring leaves so that they hold half of their blocks each; the
   * caller brings the summaries up to date.
   */
  private void level(int left, int right) {
    int total = leafSize[left] + leafSize[right];
    int leftTarget = total / 2;
    int shift = leftTarget - leafSize[left]; // > 0: right to left, < 0: left to right
    if (shift > 0) {
      moveBlocks(base(right), base(left) + leafSize[left], shift);
      moveBlocks(base(right) + shift, base(right), total - leftTarget);
    } else {
      int moved = -shift;
      moveBlocks(base(right), base(right) + moved, leafSize[right]);
      moveBlocks(base(left) + leftTarget, base(right), moved);
    }
    leafSize[left] = leftTarget;
    leafSize[right] = total - leftTarget;
  }

  /**
   * Inserts an entry into a branch, splitting it (and its ancestors) when full, and brings the
   * summaries above it up to date.
   */
  private void insertChild(int branch, int index, int child, boolean leafChildren, long first) {
    int left = branch;
    int right = NONE;
    if (branchSize[branch] == branchCapacity) {
      right = splitBranch(branch, leafChildren);
      int kept = branchSize[branch];
      if (index > kept) {
        branch = right;
        index -= kept;
      }
    }
    int at = branch * branchCapacity + index;
    moveEntries(branch, index, branch, index + 1, branchSize[branch] - index, leafChildren);
    branchSize[branch]++;
    attach(branch, index, child, leafChildren);
    if (gapsKept) {
      childMaxGap[at] = leafChildren ? leafMaxGap(child) : branchMax(childMaxGap, child);
    }
    for (int c = 0; c < classCount; c++) {
      childRoom[c][at] = leafChildren ? leafMaxRoom(child, c) : branchMax(childRoom[c], child);
    }
    childFirstStart[at] = first;
    updateBranch(left);
    if (right != NONE) {
      updateBranch(right);
    }
  }

  private int splitBranch(int left, boolean leafChildren) {
    int right = newBranch();
    int kept = branchCapacity / 2;
    int moved = branchSize[left] - kept;
    moveEntries(left, kept, right, 0, moved, leafChildren);
    branchSize[left] = kept;
    branchSize[right] = moved;
    if (left == root) {
      int newRoot = newBranch();
      branchParent[newRoot] = NONE;
      branchSize[newRoot] = 2;
      attach(newRoot, 0, left, false);
      attach(newRoot, 1, right, false);
      copySummary(newRoot, 0, left);
      copySummary(newRoot, 1, right);
      root = newRoot;
      height++;
    } else {
      int parent = branchParent[left];
      insertChild(
          parent,
          branchEntry[left] - parent * branchCapacity + 1,
          right,
          false,
          childFirstStart[right * branchCapacity]);
    }
    return right;
  }

  /** Removes an entry from a branch, merging or levelling it with a sibling when it runs low. */
  private void removeChild(int branch, int index, boolean leafChildren) {
    moveEntries(branch, index + 1, branch, index, branchSize[branch] - index - 1, leafChildren);
    branchSize[branch]--;
    if (branch == root) {
      if (branchSize[root] == 1 && !leafChildren) {
        int only = children[root * branchCapacity];
        freeBranch(root);
        root = only;
        branchParent[only] = NONE;
        height--;
      }
      return;
    }
    int parent = branchParent[branch];
    if (branchSize[branch] >= branchMinimum) {
      updateBranch(branch);
      return;
    }
    int position = branchEntry[branch] - parent * branchCapacity;
    int leftIndex = position > 0 ? position - 1 : position;
    int left = children[parent * branchCapacity + leftIndex];
    int right = children[parent * branchCapacity + leftIndex + 1];
    int leftSize = branchSize[left];
    int rightSize = branchSize[right];
    int total = leftSize + rightSize;
    if (total < branchCapacity) {
      moveEntries(right, 0, left, leftSize, rightSize, leafChildren);
      branchSize[left] = total;
      freeBranch(right);
      updateBranch(left);
      removeChild(parent, leftIndex + 1, false);
      return;
    }
    int leftTarget = total / 2;
    if (leftTarget > leftSize) {
      int moved = leftTarget - leftSize;
      moveEntries(right, 0, left, leftSize, moved, leafChildren);
      moveEntries(right, moved, right, 0, rightSize - moved, leafChildren);
    } else {
      int moved = leftSize - leftTarget;
      moveEntries(right, 0, right, moved, rightSize, leafChildren);
      moveEntries(left, leftTarget, right, 0, moved, leafChildren);
    }
    branchSize[left] = leftTarget;
    branchSize[right] = total - leftTarget;
    updateBranch(left);
    updateBranch(right);
  }

  /**
   * Moves {@code length} entries with their summaries and points the moved children's parent links
   * at their new places.
   */
  private void moveEntries(
      int fromBranch, int fromIndex, int toBranch, int toIndex, int length, boolean leafChildren) {
    int from = fromBranch * branchCapacity + fromIndex;
    int to = toBranch * branchCapacity + toIndex;
    System.arraycopy(children, from, children, to, length);
    for (int index = toIndex; index < toIndex + length; index++) {
      attach(toBranch, index, children[toBranch * branchCapacity + index], leafChildren);
    }
    System.arraycopy(childMaxGap, from, childMaxGap, to, length);
    System.arraycopy(childFirstStart, from, childFirstStart, to, length);
    for (int c = 0; c < classCount; c++) {
      System.arraycopy(childRoom[c], from, childRoom[c], to, length);
    }
  }

  // ---- summaries -------------------------------------------------------------------------------

  /** Recomputes a leaf's summary and carries the change up as far as it reaches. */
  private void update(int leaf) {
    int parent = leafParent[leaf];
    int entry = leafEntry[leaf];
    int size = leafSize[leaf];
    propagate(
        parent, entry, gapsKept ? leafMaxGap(leaf) : NO_GAP, size == 0 ? 0 : start(base(leaf)));
    for (int c = 0; c < classCount; c++) {
      propagateRoom(c, parent, entry, leafMaxRoom(leaf, c));
    }
  }

  private void updateBranch(int branch) {
    if (branch != root) {
      int parent = branchParent[branch];
      int entry = branchEntry[branch];
      propagate(
          parent,
          entry,
          gapsKept ? branchMax(childMaxGap, branch) : NO_GAP,
          childFirstStart[branch * branchCapacity]);
      for (int c = 0; c < classCount; c++) {
        propagateRoom(c, parent, entry, branchMax(childRoom[c], branch));
      }
    }
  }

  /**
   * Sets the summary of entry {@code entry} of {@code branch} and carries the change upwards; the
   * gap is ignored while the gaps are not kept.
   */
  private void propagate(int branch, int entry, long gap, long first) {
    if (!gapsKept) {
      propagateFirst(branch, entry, first);
      return;
    }
    while (true) {
      long oldGap = childMaxGap[entry];
      if (oldGap == gap && childFirstStart[entry] == first) {
        return; // nothing above depends on anything else
      }
      childMaxGap[entry] = gap;
      childFirstStart[entry] = first;
      if (branch == root) {
        return;
      }
      int parent = branchParent[branch];
      int parentEntry = branchEntry[branch];
      gap = newMax(childMaxGap[parentEntry], oldGap, gap, branch, false);
      first = childFirstStart[branch * branchCapacity];
      branch = parent;
      entry = parentEntry;
    }
  }

  /**
   * As {@link #propagate}, for the first start alone: while the gaps are not kept, a change that
   * leaves the first start alone touches no branch.
   */
  private void propagateFirst(int branch, int entry, long first) {
    while (childFirstStart[entry] != first) {
      childFirstStart[entry] = first;
      if (branch == root) {
        return;
      }
      first = childFirstStart[branch * branchCapacity];
      entry = branchEntry[branch];
      branch = branchParent[branch];
    }
  }

  /** As {@link #propagate}, for the room of alignment class {@code c}. */
  private void propagateRoom(int c, int branch, int entry, long room) {
    final long[] rooms = childRoom[c];
    while (true) {
      long oldRoom = rooms[entry];
      if (oldRoom == room) {
        return;
      }
      rooms[entry] = room;
      if (branch == root) {
        return;
      }
      int parent = branchParent[branch];
      int parentEntry = branchEntry[branch];
      long max = maxAfterChange(rooms[parentEntry], oldRoom, room);
      room = max != RESCAN ? max : branchMax(rooms, branch);
      branch = parent;
      entry = parentEntry;
    }
  }

  /**
   * Returns the room a region finds in {@code [holeStart, holeEnd)} at a start that is a multiple
   * of {@code alignment}: {@code holeEnd - up(holeStart)}, or 0 when that start is not inside. A
   * region of size {@code s} fits there exactly when the room is {@code >= s}.
   */
  private static long room(long holeStart, long holeEnd, long alignment) {
    long start = Alignment.up(holeStart, alignment);
    return start == Alignment.OVERFLOW || start >= holeEnd ? 0 : holeEnd - start;
  }

  /** The most room alignment class {@code c} leaves in one gap after a block of the leaf. */
  private long leafMaxRoom(int leaf, int c) {
    return leafMax(leaf, blockRooms[c], classAlignment[c]);
  }

  /**
   * Fills in the summaries of {@link #GAPS} or of class {@code c} under {@code branch} from the
   * blocks' values; returns their maximum.
   */
  private long summarize(int branch, int level, int c) {
    long[] summaries = c == GAPS ? childMaxGap : childRoom[c];
    int end = branch * branchCapacity + branchSize[branch];
    for (int entry = branch * branchCapacity; entry < end; entry++) {
      int child = children[entry];
      summaries[entry] =
          level > 1
              ? summarize(child, level - 1, c)
              : c == GAPS ? leafMaxGap(child) : leafMaxRoom(child, c);
    }
    return branchMax(summaries, branch);
  }

  private long leafMaxGap(int leaf) {
    return leafMax(leaf, gaps, 1);
  }

  /**
   * The largest of a leaf's saturated {@code values} ({@link #gaps}, or one class's {@link
   * #blockRooms} at {@code alignment}); exact from the blocks when one is saturated.
   */
  private long leafMax(int leaf, char[] values, long alignment) {
    int size = leafSize[leaf];
    if (size == 0) {
      return NO_GAP;
    }
    int max = Integer.MIN_VALUE;
    for (int position = base(leaf), end = position + size; position < end; position++) {
      max = Math.max(max, values[position]);
    }
    return max < SATURATED ? max : exactLeafMax(leaf, size, alignment);
  }

  /** {@link #leafMax} from the blocks themselves, for a leaf with a saturated value. */
  private long exactLeafMax(int leaf, int size, long alignment) {
    int position = base(leaf);
    int last = position + size - 1;
    long max = NO_GAP;
    for (; position < last; position++) {
      max = Math.max(max, room(end(position), start(position + 1), alignment));
    }
    return Math.max(max, room(end(last), startAfter(leaf), alignment));
  }

  /** Sets {@link #gaps} and {@link #blockRooms} at {@code position} from the blocks. */
  private void refreshGap(int position) {
    int leaf = leafOf(position);
    long after =
        position == base(leaf) + leafSize[leaf] - 1 ? startAfter(leaf) : start(position + 1);
    long end = end(position);
    if (gapsKept) {
      gaps[position] = saturated(after - end);
    }
    for (int c = 0; c < classCount; c++) {
      blockRooms[c][position] = saturated(room(end, after, classAlignment[c]));
    }
  }

  /**
   * Narrows a gap or room to a {@code char}, {@link #SATURATED} standing for any more. A gap is
   * negative only inside {@link #mergeWithNext}, between growing a leaf's last block over the next
   * leaf's first block and removing that one; 0 tells every search the same (no size fits).
   */
  private static char saturated(long value) {
    return (char) Math.max(0, Math.min(value, SATURATED));
  }

  /** The largest of a branch's entries in one summary array. */
  private long branchMax(long[] summaries, int branch) {
    int entry = branch * branchCapacity;
    int end = entry + branchSize[branch];
    long max = NO_GAP;
    for (; entry < end; entry++) {
      max = Math.max(max, summaries[entry]);
    }
    return max;
  }

  private void copySummary(int branch, int index, int childBranch) {
    int entry = branch * branchCapacity + index;
    if (gapsKept) {
      childMaxGap[entry] = branchMax(childMaxGap, childBranch);
    }
    for (int c = 0; c < classCount; c++) {
      childRoom[c][entry] = branchMax(childRoom[c], childBranch);
    }
    childFirstStart[entry] = childFirstStart[childBranch * branchCapacity];
  }

  // ---- node bookkeeping ------------------------------------------------------------------------

  private void attach(int branch, int index, int child, boolean leafChild) {
    int entry = branch * branchCapacity + index;
    children[entry] = child;
    if (leafChild) {
      leafParent[child] = branch;
      leafEntry[child] = entry;
    } else {
      branchParent[child] = branch;
      branchEntry[child] = entry;
    }
  }

  private int leafOf(int position) {
    return position >>> leafShift;
  }

  private int slotOf(int position) {
    return position & (leafCapacity - 1);
  }

  private int base(int leaf) {
    return leaf << leafShift;
  }

  /**
   * Makes sure the pools hold the nodes that {@code inserts} block insertions may take, growing
   * them now if not, so that the inserts, once they start changing the tree, allocate nothing (see
   * "Memory failures"): one leaf and up to height + 1 branches each, the next one level higher.
   *
   * @param inserts the insertions to come, 1 or 2
   */
  void reserve(int inserts) {
    if (leavesInUse + inserts > leafSize.length) {
      growLeafPool(leavesInUse + inserts);
    }
    int branches = branchesInUse + inserts * (height + inserts);
    if (branches > branchSize.length) {
      growBranchPool(branches);
    }
  }

  /**
   * Grows the leaf pool to at least {@code nodes} leaves, by half at least. Each array is assigned
   * once copied whole, and leafSize, whose length the pool's room is read from, last: a failure
   * part way leaves only longer arrays, which the next growth keeps.
   */
  private void growLeafPool(int nodes) {
    int length = Math.max(grown(leafSize.length), nodes);
    int slots = length << leafShift;
    int[] highs = boundHighs;
    if (highs != null) {
      boundHighs = longer(highs, 2 * slots);
    }
    bounds = longer(bounds, 2 * slots);
    gaps = longer(gaps, slots);
    for (int c = 0; c < classCount; c++) {
      blockRooms[c] = longer(blockRooms[c], slots);
    }
    leafParent = longer(leafParent, length);
    leafEntry = longer(leafEntry, length);
    leafPrev = longer(leafPrev, length);
    leafNext = longer(leafNext, length);
    leafSize = longer(leafSize, length);
  }

  /** Grows the branch pool to at least {@code nodes} branches, as {@link #growLeafPool}. */
  private void growBranchPool(int nodes) {
    int length = Math.max(grown(branchSize.length), nodes);
    int entries = length * branchCapacity;
    children = longer(children, entries);
    childMaxGap = longer(childMaxGap, entries);
    childFirstStart = longer(childFirstStart, entries);
    for (int c = 0; c < classCount; c++) {
      childRoom[c] = longer(childRoom[c], entries);
    }
    branchParent = longer(branchParent, length);
    branchEntry = longer(branchEntry, length);
    branchSize = longer(branchSize, length);
  }

  /** Takes a leaf that {@link #reserve} (or {@link #load}) made room for; never allocates. */
  private int newLeaf() {
    leavesInUse++;
    int leaf = freeLeaf;
    if (leaf != NONE) {
      freeLeaf = leafNext[leaf];
      return leaf;
    }
    if (leafIds == leafSize.length) {
      throw new IllegalStateException("no leaf reserved"); // a missed reserve, not memory
    }
    return leafIds++;
  }

  private void freeLeaf(int leaf) {
    leavesInUse--;
    leafSize[leaf] = 0;
    leafNext[leaf] = freeLeaf;
    freeLeaf = leaf;
  }

  /** Takes a branch that {@link #reserve} (or {@link #load}) made room for; never allocates. */
  private int newBranch() {
    branchesInUse++;
    int branch = freeBranch;
    if (branch != NONE) {
      freeBranch = branchParent[branch];
      return branch;
    }
    if (branchIds == branchSize.length) {
      throw new IllegalStateException("no branch reserved"); // a missed reserve, not memory
    }
    return branchIds++;
  }

  private void freeBranch(int branch) {
    branchesInUse--;
    branchSize[branch] = 0;
    branchParent[branch] = freeBranch;
    freeBranch = branch;
  }

  /**
   * The test seam (see "Memory failures"): called right before the tree makes an array, anywhere
   * but its constructor, so that a test can fail the growth it chooses.
   */
  private void allocating() {
    if (growthsBeforeFailure >= 0 && growthsBeforeFailure-- == 0) {
      throw new OutOfMemoryError("failed by GapTree.growthsBeforeFailure, a test seam");
    }
  }

  /** Returns {@code array}, or a copy of it grown to {@code length} when shorter. */
  private int[] longer(int[] array, int length) {
    if (array.length >= length) {
      return array;
    }
    allocating();
    return Arrays.copyOf(array, length);
  }

  /** Returns {@code array}, or a copy of it grown to {@code length} when shorter. */
  private char[] longer(char[] array, int length) {
    if (array.length >= length) {
      return array;
    }
    allocating();
    return Arrays.copyOf(array, length);
  }

  /** Returns {@code array}, or a copy of it grown to {@code length} when shorter. */
  private long[] longer(long[] array, int length) {
    if (array.length >= length) {
      return array;
    }
    allocating();
    return Arrays.copyOf(array, length);
  }

  /** Pools grow by half: less slack than doubling, still amortized O(1) per node. */
  private static int grown(int length) {
    return length + Math.max(1, length >> 1);
  }

  // ---- bulk ------------------------------------------------------------------------------------

  /**
   * Copies the blocks in address order into {@code blockStarts} and {@code blockEnds}, each at
   * least {@link #count()} long. O(n).
   */
  void copyTo(long[] blockStarts, long[] blockEnds) {
    int at = 0;
    for (int leaf = 0; leaf != NONE; leaf = leafNext[leaf]) { // leaf 0 is the leftmost
      for (int position = base(leaf), end = position + leafSize[leaf]; position < end; position++) {
        blockStarts[at] = start(position);
        blockEnds[at++] = end(position);
      }
    }
  }

  /**
   * Replaces every block with {@code [blockStarts[k], blockEnds[k])} for {@code k < count}, sorted
   * and never overlapping, building the tree bottom-up in O(count): nodes three quarters full (so
   * that the next inserts do not split at once), as many at each level as that fill allows while
   * every node keeps its minimum. The pools keep their arrays; node ids restart at 0. The room
   * summaries of the alignment classes already made are filled in with the gaps' (the classes
   * stay).
   */
  void load(long[] blockStarts, long[] blockEnds, int count) {
    // Everything that may fail comes before the first change (see "Memory failures"): the level
    // array, then the pools grown for the nodes the build below takes, counted the same way.
    int leaves = nodesFor(count, leafCapacity, leafMinimum);
    int branches = 0;
    int nodes = leaves;
    do {
      nodes = nodesFor(nodes, branchCapacity, branchMinimum);
      branches += nodes;
    } while (nodes > 1);
    allocating();
    int[] level = new int[leaves];
    if (leaves > leafSize.length) {
      growLeafPool(leaves);
    }
    if (branches > branchSize.length) {
      growBranchPool(branches);
    }
    leafIds = 0;
    freeLeaf = NONE;
    leavesInUse = 0;
    branchIds = 0;
    freeBranch = NONE;
    branchesInUse = 0;
    int previous = NONE;
    for (int k = 0; k < leaves; k++) {
      int leaf = newLeaf(); // ids restart at 0: the first leaf is leaf 0, as first() expects
      int from = share(count, k, leaves);
      int size = share(count, k + 1, leaves) - from;
      for (int slot = 0; slot < size; slot++) {
        putStart(base(leaf) + slot, blockStarts[from + slot]);
        putEnd(base(leaf) + slot, blockEnds[from + slot]);
      }
      leafSize[leaf] = size;
      leafPrev[leaf] = previous;
      leafNext[leaf] = NONE;
      if (previous != NONE) {
        leafNext[previous] = leaf;
      }
      previous = leaf;
      level[k] = leaf;
    }
    lastLeaf = previous;
    this.count = count;
    hints = null; // node ids restart at 0: a hint could name a leaf of before
    keepHintsIfLarge();
    for (int k = 0; k < leaves; k++) {
      for (int position = base(level[k]), end = position + leafSize[level[k]]; position < end; ) {
        refreshGap(position++);
      }
    }
    height = 0;
    nodes = leaves;
    do { // the leaf chain is complete, so each leaf's last gap is right
      boolean leafChildren = height == 0;
      int parents = nodesFor(nodes, branchCapacity, branchMinimum);
      for (int p = 0; p < parents; p++) {
        int branch = newBranch();
        int from = share(nodes, p, parents);
        int size = share(nodes, p + 1, parents) - from;
        for (int index = 0; index < size; index++) {
          int child = level[from + index];
          attach(branch, index, child, leafChildren);
          if (leafChildren) {
            int entry = branch * branchCapacity + index;
            if (gapsKept) {
              childMaxGap[entry] = leafMaxGap(child);
            }
            for (int c = 0; c < classCount; c++) {
              childRoom[c][entry] = leafMaxRoom(child, c);
            }
            childFirstStart[entry] = leafSize[child] == 0 ? 0 : start(base(child));
          } else {
            copySummary(branch, index, child);
          }
        }
        branchSize[branch] = size;
        level[p] = branch; // p <= from: the children of later parents are not overwritten
      }
      nodes = parents;
      height++;
    } while (nodes > 1);
    root = level[0];
    branchParent[root] = NONE;
  }

  /**
   * Returns how many nodes hold {@code entries}: enough for three quarters of {@code capacity}
   * each, but no more than leave {@code minimum} in each when there are several.
   */
  private static int nodesFor(int entries, int capacity, int minimum) {
    int nodes = Math.max(1, (entries + capacity * 3 / 4 - 1) / (capacity * 3 / 4));
    return nodes == 1 ? 1 : Math.max(1, Math.min(nodes, entries / minimum));
  }

  /**
   * Returns where part {@code part} of {@code total} entries split evenly into {@code parts}
   * starts.
   */
  private static int share(int total, int part, int parts) {
    return (int) ((long) total * part / parts);
  }

  // ---- checking ---------------------------------------------------------------

  /** Whether {@link #find} tries leaf hints now (see {@link #hintedLeaf}). */
  boolean keepsHints() {
    return hints != null;
  }

  /** Returns the slots of the hint table, 0 while the tree keeps no hints; for tests. */
  int hintTableSlots() {
    int[] table = hints;
    return table == null ? 0 : table.length;
  }

  /**
   * Returns the descents of {@link #find} made while the tree kept hints: one per hint that failed.
   * A find that took its hint made none.
   */
  long hintedTreeDescents() {
    return hintedTreeDescents;
  }

  /**
   * Walks the whole tree and throws {@link IllegalStateException} at the first broken invariant.
   * O(n); for tests.
   */
  void checkInvariants() {
    int[] seen = {0};
    long[] previousEnd = {Long.MIN_VALUE};
    int[] previousLeaf = {NONE};
    if (branchParent[root] != NONE) {
      throw new IllegalStateException("root " + root + " has a parent");
    }
    checkBranch(root, height, seen, previousEnd, previousLeaf);
    if (seen[0] != count) {
      throw new IllegalStateException("count " + count + " but " + seen[0] + " blocks in leaves");
    }
    if (previousLeaf[0] != lastLeaf || leafNext[lastLeaf] != NONE) {
      throw new IllegalStateException(
          "last leaf " + lastLeaf + " but the chain ends at " + previousLeaf[0]);
    }
  }

  private void checkBranch(
      int branch, int level, int[] seen, long[] previousEnd, int[] previousLeaf) {
    int size = branchSize[branch];
    if (size < (branch == root ? 1 : branchMinimum) || size > branchCapacity) {
      throw new IllegalStateException("branch " + branch + " holds " + size);
    }
    for (int index = 0; index < size; index++) {
      int entry = branch * branchCapacity + index;
      int child = children[entry];
      long gap;
      long first;
      if (level == 1) {
        checkLeaf(child, branch, size, seen, previousEnd, previousLeaf);
        gap = leafMaxGap(child);
        first = leafSize[child] == 0 ? 0 : start(base(child));
      } else {
        if (branchParent[child] != branch || branchEntry[child] != entry) {
          throw new IllegalStateException(
              "branch " + child + " points at parent " + branchParent[child]);
        }
        checkBranch(child, level - 1, seen, previousEnd, previousLeaf);
        gap = branchMax(childMaxGap, child);
        first = childFirstStart[child * branchCapacity];
      }
      if ((gapsKept && childMaxGap[entry] != gap) || childFirstStart[entry] != first) {
        throw new IllegalStateException("stale summary of child " + child + " in branch " + branch);
      }
      for (int c = 0; c < classCount; c++) {
        long room = level == 1 ? leafMaxRoom(child, c) : branchMax(childRoom[c], child);
        if (childRoom[c][entry] != room) {
          throw new IllegalStateException(
              "stale room of alignment " + classAlignment[c] + " for child " + child);
        }
      }
    }
  }

  private void checkLeaf(
      int leaf, int parent, int siblings, int[] seen, long[] previousEnd, int[] previousLeaf) {
    int size = leafSize[leaf];
    if (leafParent[leaf] != parent
        || leafEntry[leaf] / branchCapacity != parent
        || children[leafEntry[leaf]] != leaf
        || leafPrev[leaf] != previousLeaf[0]
        || (previousLeaf[0] != NONE && leafNext[previousLeaf[0]] != leaf)) {
      throw new IllegalStateException("leaf " + leaf + " is linked wrongly");
    }
    if (size > leafCapacity || (size < leafMinimum && !(parent == root && siblings == 1))) {
      throw new IllegalStateException("leaf " + leaf + " holds " + size);
    }
    for (int position = base(leaf); position < base(leaf) + size; position++) {
      long after = position < base(leaf) + size - 1 ? start(position + 1) : startAfter(leaf);
      long end = end(position);
      if (gapsKept && gaps[position] != saturated(after - end)) {
        throw new IllegalStateException("stale gap after block " + start(position));
      }
      for (int c = 0; c < classCount; c++) {
        if (blockRooms[c][position] != saturated(room(end, after, classAlignment[c]))) {
          throw new IllegalStateException(
              "stale room of alignment " + classAlignment[c] + " after block " + start(position));
        }
      }
      if (start(position) < previousEnd[0] || end(position) <= start(position)) {
        throw new IllegalStateException(
            "block " + start(position) + ".." + end(position) + " out of order");
      }
      previousEnd[0] = end(position);
    }
    seen[0] += size;
    previousLeaf[0] = leaf;
  }
}
