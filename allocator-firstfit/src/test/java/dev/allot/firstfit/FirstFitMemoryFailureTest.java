package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.testkit.FreeOrder;
import dev.allot.testkit.HeldRegions;
import dev.allot.testkit.Observation;
import dev.allot.testkit.PickedBlock;
import dev.allot.testkit.reference.PygletReferenceAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random programs on first-fit with tiny nodes, where every call runs first with the tree's
 * k-th array growth failing (out of heap, through the test seam {@link
 * GapTree#growthsBeforeFailure}), for k = 0, 1, ... until the call needs no more growths than k: a
 * call that throws must leave every observable figure and the tree's invariants as they were. The
 * run that reached no failure is the call's outcome, compared with the pyglet reference (and, for
 * compaction, which the reference lacks, with a second first-fit that never fails).
 */
class FirstFitMemoryFailureTest {

  private static final int STEPS = 2_500;

  /** The alignments of the aligned calls: six classes made one by one as the program asks. */
  private static final long[] ALIGNMENTS = {2, 3, 4, 8, 16, 64};

  /** Memory failures that ask for at most this much more capacity are followed by growth. */
  private static final long SMALL_GROWTH = 256;

  private enum Kind {
    ALLOC,
    DEALLOC,
    REALLOC,
    SET_CAPACITY,
    COMPACT
  }

  /**
   * A call: {@code region} is the index of the live region it frees or resizes, or -1; {@code a} to
   * {@code d} its arguments in order (alignment 1 for the unaligned calls).
   */
  private record Call(Kind kind, int region, long a, long b, long c, long d) {}

  @ParameterizedTest(name = "seed {0}, leaf shift {1}, branch capacity {2}")
  @CsvSource({"1, 2, 4", "2, 2, 4", "3, 2, 4", "4, 3, 5", "5, 3, 5", "6, 2, 6"})
  void everyCall_growthFailsAtEachStep_throwsHavingChangedNothingThenMatchesTheReference(
      long seed, int leafShift, int branchCapacity) {
    long capacity = 64;
    GapTree tree = new GapTree(capacity, leafShift, branchCapacity);
    FirstFitAllocator subject = new FirstFitAllocator(tree);
    Allocator shadow = new FirstFitAllocator(capacity); // never fails: compaction's reference
    Allocator reference = new PygletReferenceAllocator(capacity);
    SplittableRandom random = new SplittableRandom(seed);
    HeldRegions live = new HeldRegions();
    Set<Kind> failed = EnumSet.noneOf(Kind.class);
    int failures = 0;
    int maxBlocks = 0;
    for (int step = 0; step < STEPS; step++) {
      List<Call> calls = new ArrayList<>();
      if (step == STEPS / 2) { // past 2^32, and a region that ends there
        long top = 1L << 32;
        calls.add(new Call(Kind.SET_CAPACITY, -1, top + 1_000, 0, 0, 0));
        calls.add(new Call(Kind.ALLOC, -1, top - subject.getFragmentedFreeSize(), 1, 0, 0));
      } else {
        calls.add(nextCall(random, subject, live, step % 500 >= 350));
      }
      for (int at = 0; at < calls.size(); at++) {
        Call call = calls.get(at);
        String context = "seed " + seed + ", step " + step + ": " + call;
        Outcome outcome = armed(tree, subject, call, context);
        failures += outcome.failures();
        if (outcome.failures() > 0 || outcome.absorbed()) {
          failed.add(call.kind()); // a compaction absorbs a failure of its bulk path (see armed)
        }
        if (call.kind() == Kind.COMPACT) {
          CompactionPlan plan = outcome.plan();
          if (!outcome.absorbed()) { // an absorbed failure ended the pass early: its own plan
            assertEquals(run(shadow, call).text(), outcome.text(), context);
          }
          if (plan != null) {
            live.translate(plan);
          }
          reference = rebuilt(new PygletReferenceAllocator(subject.getCapacity()), subject);
          shadow = rebuilt(new FirstFitAllocator(subject.getCapacity()), subject);
        } else {
          // Besides compaction, only the hint table, a cache, absorbs a failure: the tree then
          // lacks the table its count calls for, and answers without it.
          assertTrue(
              !outcome.absorbed() || tree.hintTableSlots() < GapTree.hintSlots(tree.count()),
              context + ": only compaction and the hint table absorb a failure");
          String expected = run(reference, call).text();
          assertEquals(expected, outcome.text(), context);
          assertEquals(expected, run(shadow, call).text(), context + ", the shadow");
          track(live, call, expected);
          long requested =
              expected.startsWith("memory=")
                  ? Long.parseLong(expected.substring(7, expected.indexOf(' ')))
                  : Long.MAX_VALUE;
          if (requested - subject.getCapacity() <= SMALL_GROWTH && random.nextInt(3) > 0) {
            calls.add(new Call(Kind.SET_CAPACITY, -1, requested, 0, 0, 0));
            calls.add(call); // then the same call again
          }
        }
        assertEquals(Observation.of(reference), Observation.of(subject), context);
        assertEquals(
            merged(live.regions()), subject.getAllocatedRegions(), context + ", the caller's view");
        tree.checkInvariants();
      }
      maxBlocks = Math.max(maxBlocks, tree.count());
    }
    assertTrue(maxBlocks > 100, "the program should build many blocks, built " + maxBlocks);
    assertTrue(failures > 50, "injected failures that threw: " + failures);
    // A free's cut meets a failure only after cuts that took the nodes the placements reserved:
    // most seeds, not all (the cutting phases make it likely); GapTreeMemoryFailureTest arms it.
    failed.add(Kind.DEALLOC);
    assertEquals(EnumSet.allOf(Kind.class), failed, "calls that met an injected failure");
  }

  /**
   * How a call ended on the subject: its text, its plan for a compaction, how many runs threw
   * first, and whether the last run consumed the armed failure without throwing.
   */
  private record Outcome(String text, CompactionPlan plan, int failures, boolean absorbed) {}

  /**
   * Runs {@code call} with the tree's k-th growth failing, k = 0, 1, ..., checking after each run
   * that threw that nothing changed, until a run does not throw: one that reached no failure, the
   * call unarmed, or a compaction whose bulk path failed, which the allocator ends with the moves
   * its step path made (absorbed; the caller checks them through the plan).
   */
  private static Outcome armed(GapTree tree, Allocator subject, Call call, String context) {
    for (int k = 0; ; k++) {
      Observation before = Observation.of(subject);
      tree.growthsBeforeFailure = k;
      Outcome outcome;
      try {
        outcome = run(subject, call);
      } catch (OutOfMemoryError e) {
        assertEquals(-1, tree.growthsBeforeFailure, context + ": not the seam's failure");
        assertEquals(before, Observation.of(subject), context + ", growth " + k + " failed");
        tree.checkInvariants();
        continue;
      }
      boolean absorbed = tree.growthsBeforeFailure == -1;
      tree.growthsBeforeFailure = -1;
      return new Outcome(outcome.text(), outcome.plan(), k, absorbed);
    }
  }

  /** Runs a call and renders how it ended, with everything a memory failure reports. */
  private static Outcome run(Allocator allocator, Call call) {
    try {
      return switch (call.kind()) {
        case ALLOC -> text("start=" + allocator.alloc(call.a(), call.b()));
        case REALLOC -> text("start=" + allocator.realloc(call.a(), call.b(), call.c(), call.d()));
        case DEALLOC -> {
          allocator.dealloc(call.a(), call.b());
          yield text("ok");
        }
        case SET_CAPACITY -> {
          allocator.setCapacity(call.a());
          yield text("ok");
        }
        case COMPACT -> {
          CompactionPlan plan = allocator.compact(call.a(), call.b());
          yield new Outcome(plan.moves() + " complete=" + plan.isComplete(), plan, 0, false);
        }
      };
    } catch (AllocatorMemoryException e) {
      return text(
          "memory="
              + e.getRequestedCapacity()
              + " hole="
              + e.getLargestFreeHole()
              + " fragmented="
              + e.getFragmentedFreeSize());
    } catch (IllegalArgumentException e) {
      return text("invalid " + e.getMessage());
    }
  }

  private static Outcome text(String text) {
    return new Outcome(text, null, 0, false);
  }

  /**
   * The next call: mostly allocs, frees and reallocs, now and then a compaction or growth; while
   * {@code cutting}, mostly frees from the middle of regions, so that cuts follow one another with
   * no placement between them (which reserves nodes for two inserts) and reach full pools.
   */
  private static Call nextCall(
      SplittableRandom random, Allocator state, HeldRegions live, boolean cutting) {
    if (cutting && !live.isEmpty() && random.nextInt(5) > 0) {
      int index = random.nextInt(live.size());
      Region region = live.get(index);
      long start = region.start();
      long size = region.size();
      return size < 3
          ? new Call(Kind.DEALLOC, index, start, size, 0, 0)
          : new Call(Kind.DEALLOC, index, start + 1, 1 + random.nextLong(size - 2), 0, 0);
    }
    int dice = random.nextInt(100);
    long alignment = random.nextBoolean() ? 1 : ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
    if (dice < 45 || live.isEmpty()) {
      return new Call(Kind.ALLOC, -1, 1 + random.nextLong(8), alignment, 0, 0);
    }
    int index = random.nextInt(live.size());
    Region region = live.get(index);
    long start = region.start();
    long size = region.size();
    if (dice < 75) { // whole, a prefix, a suffix or the middle: the middle cuts a block
      long offset = random.nextInt(3) == 0 ? 0 : random.nextLong(size);
      long length = random.nextBoolean() ? size - offset : 1 + random.nextLong(size - offset);
      return new Call(Kind.DEALLOC, index, start + offset, length, 0, 0);
    }
    if (dice < 95) {
      long newSize =
          switch (random.nextInt(5)) {
            case 0 -> size;
            case 1 -> random.nextLong(size + 1);
            default -> size + 1 + random.nextLong(8);
          };
      return new Call(Kind.REALLOC, index, start, size, newSize, alignment);
    }
    if (dice < 97) {
      long budget = random.nextInt(3) > 0 ? Long.MAX_VALUE : random.nextLong(64);
      long granularity = new long[] {1, 2, 16}[random.nextInt(3)];
      return new Call(Kind.COMPACT, -1, budget, granularity, 0, 0);
    }
    return new Call(Kind.SET_CAPACITY, -1, state.getCapacity() + 1 + random.nextLong(32), 0, 0, 0);
  }

  /** Keeps the caller's view, the live regions, in step with a call that succeeded. */
  private static void track(HeldRegions live, Call call, String outcome) {
    if (!outcome.startsWith("start=") && !outcome.equals("ok")) {
      return; // failed: nothing changed
    }
    switch (call.kind()) {
      case ALLOC -> live.add(Long.parseLong(outcome.substring(6)), call.a());
      case DEALLOC ->
          live.trim(call.region(), call.a() - live.get(call.region()).start(), call.b());
      case REALLOC -> live.replace(call.region(), Long.parseLong(outcome.substring(6)), call.c());
      default -> {}
    }
  }

  /** The blocks the live regions make: sorted, touching ones merged. */
  private static List<Region> merged(List<Region> live) {
    List<Region> sorted = new ArrayList<>(live);
    sorted.sort((x, y) -> Long.compare(x.start(), y.start()));
    List<Region> blocks = new ArrayList<>();
    for (Region region : sorted) {
      int last = blocks.size() - 1;
      if (last >= 0 && blocks.get(last).end() == region.start()) {
        Region block = blocks.remove(last);
        blocks.add(new Region(block.start(), block.size() + region.size()));
      } else {
        blocks.add(region);
      }
    }
    return blocks;
  }

  /**
   * Gives an empty allocator the blocks of {@code source}: one region from 0 to the last end, then
   * the gaps freed. Placement reads nothing but the blocks and the capacity, so it then answers as
   * {@code source} does.
   */
  private static Allocator rebuilt(Allocator empty, Allocator source) {
    List<Region> blocks = source.getAllocatedRegions();
    if (blocks.isEmpty()) {
      return empty;
    }
    Region last = blocks.get(blocks.size() - 1);
    empty.alloc(last.start() + last.size());
    long free = 0;
    for (Region block : blocks) {
      if (block.start() > free) {
        empty.dealloc(free, block.start() - free);
      }
      free = block.start() + block.size();
    }
    return empty;
  }

  // ---------------------------------------------------------------- the skewed property

  /** Seeds of the skewed programs; {@code -Dallot.skewed.seeds=N} runs N of them per node size. */
  static Stream<Arguments> skewedPrograms() {
    long seeds = Long.getLong("allot.skewed.seeds", 8);
    int[][] sizes = {{5, 32}, {2, 4}, {3, 5}}; // the default nodes (32 blocks, 32 entries), tiny
    return LongStream.range(0, seeds)
        .boxed()
        .flatMap(seed -> Arrays.stream(sizes).map(size -> Arguments.of(seed, size[0], size[1])));
  }

  /**
   * The programs above mix their calls, so a tree rarely takes long runs of cuts with no placement
   * between them (a placement reserves nodes). These aim there: a full buffer, then a run of frees
   * of 1 to 3 indices from inside its blocks, one length or two, in one planned order, as many
   * blocks as a leaf's multiple (32 or 4 or 8 blocks) give or take 3, then one call of each kind,
   * each with the tree's k-th growth failing for k = 0, 1, ...: a call that throws must change
   * nothing, and the call that runs through must answer as the reference does from the same blocks
   * (for compaction, a first-fit that never fails).
   */
  @ParameterizedTest(name = "seed {0}, leaf shift {1}, branch capacity {2}")
  @MethodSource("skewedPrograms")
  void everyCall_afterLongRunsOfSmallFrees_throwsHavingChangedNothingThenMatchesTheReference(
      long seed, int leafShift, int branchCapacity) {
    for (int probe = 0; probe < PROBES; probe++) {
      SplittableRandom random = new SplittableRandom(seed);
      GapTree tree = new GapTree(1, leafShift, branchCapacity);
      FirstFitAllocator subject = new FirstFitAllocator(tree, probe != PROBES - 1);
      List<Long> order = skewedFrees(random, subject, leafShift);
      for (int k = 0; k < order.size(); k += 2) { // checked only in the first build: the same
        Call free = new Call(Kind.DEALLOC, -1, order.get(k), order.get(k + 1), 0, 0);
        if (probe == 0) {
          check(tree, subject, free, "seed " + seed + ", free " + k / 2);
        } else {
          run(subject, free);
        }
      }
      SplittableRandom choice = new SplittableRandom(seed * 31 + probe);
      for (int round = 0; round < 3; round++) { // then two more from the state the call left
        Call call = probeCall(round == 0 ? probe : choice.nextInt(PROBES), subject, choice);
        check(tree, subject, call, "seed " + seed + ", probe " + probe + ", round " + round);
      }
    }
  }

  /**
   * Kinds of probe: alloc, aligned alloc, realloc growing in place, shrinking, moving, a free
   * inside a block, a raise, a raise past 2^32, compaction by steps, compaction in bulk.
   */
  private static final int PROBES = 10;

  /**
   * Runs {@code call} armed (see {@link #armed}) and checks it against references rebuilt from the
   * blocks before it: the pyglet reference, and a first-fit that never fails for compaction.
   */
  private static void check(GapTree tree, FirstFitAllocator subject, Call call, String context) {
    Allocator reference = rebuilt(new PygletReferenceAllocator(subject.getCapacity()), subject);
    Allocator shadow = rebuilt(new FirstFitAllocator(subject.getCapacity()), subject);
    String at = context + ": " + call;
    Outcome outcome = armed(tree, subject, call, at);
    if (call.kind() == Kind.COMPACT) {
      if (!outcome.absorbed()) { // an absorbed failure ended the pass early: its own plan
        assertEquals(run(shadow, call).text(), outcome.text(), at);
        assertEquals(Observation.of(shadow), Observation.of(subject), at);
      }
    } else {
      assertEquals(run(reference, call).text(), outcome.text(), at);
      assertEquals(Observation.of(reference), Observation.of(subject), at);
    }
    tree.checkInvariants();
  }

  /**
   * Sets the capacity of {@code subject} and fills it but a tail, then returns the frees of a
   * skewed run as (start, size) pairs: pieces of 1 to 3 indices a stride apart, as many as a
   * multiple of a leaf's blocks give or take 3, in one of four orders (ascending, descending,
   * shuffled, odd places then even), and in half the programs a second run of frees of 1 that
   * lengthen some of those holes (cutting the block after each).
   */
  private static List<Long> skewedFrees(
      SplittableRandom random, FirstFitAllocator subject, int leafShift) {
    int leaf = 1 << leafShift;
    int holes = Math.max(2, leaf * random.nextInt(1, 12) + random.nextInt(-3, 4));
    long length = random.nextLong(1, 4);
    long stride = length + random.nextLong(1, 4);
    long from = random.nextLong(1, 40);
    long used = from + holes * stride + random.nextLong(0, 100);
    long tail = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 60);
    subject.setCapacity(used + tail + (random.nextInt(5) == 0 ? 1L << 32 : 0));
    subject.alloc(used);
    List<Long> starts = new ArrayList<>();
    for (int u = 0; u < holes; u++) {
      starts.add(from + u * stride);
    }
    List<Long> frees = new ArrayList<>();
    for (long start : FreeOrder.pick(random).of(starts, random)) {
      frees.add(start);
      frees.add(length);
    }
    if (random.nextBoolean()) {
      int lengthened = random.nextInt(1, holes + 1);
      for (long start : FreeOrder.pick(random).of(starts.subList(0, lengthened), random)) {
        frees.add(start + length);
        frees.add(1L);
      }
    }
    return frees;
  }

  /** Returns a call of kind {@code probe} (see {@link #PROBES}) on the blocks of {@code state}. */
  private static Call probeCall(int probe, Allocator state, SplittableRandom random) {
    List<Region> blocks = state.getAllocatedRegions();
    long capacity = state.getCapacity();
    if (blocks.isEmpty()) {
      return new Call(Kind.ALLOC, -1, 1, 1, 0, 0);
    }
    PickedBlock picked = PickedBlock.pick(state, random);
    long gapAfter = picked.gapAfter();
    long alignment = random.nextBoolean() ? 1 : ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
    Region region = picked.piece(Long.MAX_VALUE, random); // what the reallocs hold
    long size = region.size();
    return switch (probe) {
      case 0 -> new Call(Kind.ALLOC, -1, random.nextLong(1, 6), 1, 0, 0);
      case 1 -> new Call(Kind.ALLOC, -1, random.nextLong(1, 6), alignment, 0, 0);
      case 2 -> {
        long growth = gapAfter > 0 ? random.nextLong(1, gapAfter + 1) : 1;
        yield new Call(Kind.REALLOC, -1, picked.block().end() - size, size, size + growth, 1);
      }
      case 3 -> new Call(Kind.REALLOC, -1, region.start(), size, size > 1 ? size - 1 : 0, 1);
      case 4 -> new Call(Kind.REALLOC, -1, region.start(), size, size + gapAfter + 1, alignment);
      case 5 -> {
        Region piece = picked.piece(3, random);
        yield new Call(Kind.DEALLOC, -1, piece.start(), piece.size(), 0, 0);
      }
      case 6 -> new Call(Kind.SET_CAPACITY, -1, capacity + random.nextLong(1, 4), 0, 0, 0);
      case 7 -> new Call(Kind.SET_CAPACITY, -1, capacity + (1L << 32), 0, 0, 0);
      default -> {
        long budget = probe == 8 && random.nextBoolean() ? 1 : Long.MAX_VALUE;
        yield new Call(Kind.COMPACT, -1, budget, random.nextInt(4) == 0 ? 4 : 1, 0, 0);
      }
    };
  }
}
