package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.HeldRegions;
import dev.allot.testkit.Observation;
import dev.allot.testkit.reference.PygletReferenceAllocator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs long seeded random programs on the tree-based first-fit and on the literal pyglet reference
 * side by side, and compares results, exceptions, blocks and metrics after every step. The programs
 * favour the rare paths: exact gap fills, partial frees, zero sizes, same-size and in-place
 * reallocs, memory failures with growth and retry, and bad calls.
 */
@Tag("slow") // long seeded runs against the pyglet reference
class FirstFitDifferentialTest {

  /** Steps per program: long enough to build and tear down deep trees of tiny nodes. */
  private static final int STEPS = 6_000;

  /** Memory failures up to this requested capacity are followed by growth and a retry. */
  private static final long SMALL_GROWTH = 1 << 20;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomProgram_tinyNodes_matchesReferenceAtEveryStep(long seed) {
    GapTree tree = new GapTree(64, 2, 4);
    run(seed, new FirstFitAllocator(tree), tree, new Program(64, 0, 8, 0, SMALL_GROWTH, 200));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101, 102, 103})
  void randomProgram_defaultNodes_matchesReferenceAtEveryStep(long seed) {
    GapTree tree = new GapTree(4096);
    run(seed, new FirstFitAllocator(tree), tree, new Program(4096, 0, 6, 0, SMALL_GROWTH, 200));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {201, 202})
  void randomProgram_largeSizes_matchesReferenceAtEveryStep(long seed) {
    GapTree tree = new GapTree(1000, 3, 5);
    run(seed, new FirstFitAllocator(tree), tree, new Program(1000, 0, 120, 0, SMALL_GROWTH, 200));
  }

  /**
   * Sizes within 24 of {@link GapTree#SATURATED}, the largest gap a block's {@code char} holds
   * exactly: holes just below, at and above it (partial frees cut smaller ones), so that searches
   * and leaf maxima cross between the chars and the exact values from the bounds.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {301, 302, 303})
  void randomProgram_sizesAroundTheSaturatedGap_matchesReferenceAtEveryStep(long seed) {
    GapTree tree = new GapTree(1 << 20, 2, 4);
    long nearSaturated = GapTree.SATURATED - 24;
    run(
        seed,
        new FirstFitAllocator(tree),
        tree,
        new Program(1 << 20, nearSaturated, 48, 0, 1 << 24, 30));
  }

  /**
   * A first region, kept to the end, that ends 2,000 indices short of 2^32 in a capacity just below
   * it; the churn after it grows the capacity by the requests of its memory failures, a few indices
   * at a time, across 2^32, so that the bounds gain their high halves in the middle of the program,
   * and blocks start and end on both sides of it.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {401, 402})
  void randomProgram_acrossTwoToThe32_matchesReferenceAtEveryStep(long seed) {
    long capacity = (1L << 32) - 1_000;
    GapTree tree = new GapTree(capacity, 2, 4);
    run(
        seed,
        new FirstFitAllocator(tree),
        tree,
        new Program(capacity, 0, 64, (1L << 32) - 2_000, (1L << 32) + (1 << 16), 200));
  }

  /**
   * The shape of a random program: the capacity it starts at, its alloc sizes ({@code sizeBase + 1}
   * to {@code sizeBase + maxSize}, with the odd bad or huge one), a first region of {@code
   * firstRegion} indices (none when 0) allocated before the random calls and never freed by them,
   * memory failures followed by growth up to {@code growthLimit}, and the blocks it must build at
   * least once.
   */
  private record Program(
      long capacity,
      long sizeBase,
      int maxSize,
      long firstRegion,
      long growthLimit,
      int minBlocks) {}

  private static void run(long seed, Allocator fast, GapTree tree, Program program) {
    Allocator reference = new PygletReferenceAllocator(program.capacity());
    SplittableRandom random = new SplittableRandom(seed);
    HeldRegions live = new HeldRegions();
    if (program.firstRegion() > 0) {
      Call first = new Call(Kind.ALLOC, program.firstRegion(), 0, 0, -1);
      CallOutcome expected = outcome(reference, first);
      assertEquals(expected, outcome(fast, first), "seed " + seed + ", the first region");
      // Not tracked: the random calls never free it, so they all run past its end.
    }
    int maxBlocks = 0;
    for (int step = 0; step < STEPS; step++) {
      Call call = nextCall(random, reference, live, program);
      String context = "seed " + seed + ", step " + step + ": " + call;
      CallOutcome expected = outcome(reference, call);
      assertEquals(expected, outcome(fast, call), context);
      long requested =
          expected.kind() == CallOutcome.Kind.MEMORY
              ? expected.requestedCapacity()
              : Long.MAX_VALUE;
      if (requested < program.growthLimit() && random.nextInt(3) > 0) {
        Call grow = new Call(Kind.SET_CAPACITY, requested, 0, 0, -1);
        assertEquals(DONE, outcome(reference, grow).value(), context);
        assertEquals(DONE, outcome(fast, grow).value(), context);
        expected = outcome(reference, call);
        assertEquals(expected, outcome(fast, call), context + " after growing");
      }
      track(live, call, expected);
      assertEquals(Observation.of(reference), Observation.of(fast), context);
      tree.checkInvariants();
      maxBlocks = Math.max(maxBlocks, reference.getAllocatedRegions().size());
    }
    assertTrue(
        maxBlocks > program.minBlocks(),
        "the program should build more than "
            + program.minBlocks()
            + " blocks, built "
            + maxBlocks);
  }

  /** Keeps the caller's view, the live regions, in step with a call that succeeded. */
  private static void track(HeldRegions live, Call call, CallOutcome outcome) {
    if (outcome.kind() != CallOutcome.Kind.OK) {
      return;
    }
    boolean places = call.kind() == Kind.ALLOC || call.kind() == Kind.REALLOC;
    long result = places ? outcome.start() : 0;
    switch (call.kind()) {
      case ALLOC -> live.add(result, call.a());
      case DEALLOC, REALLOC -> {
        int index = call.region();
        if (index >= 0) { // a range inside one held region, or all of it
          if (call.kind() == Kind.DEALLOC) {
            live.trim(index, call.a() - live.get(index).start(), call.b());
          } else {
            live.replace(index, result, call.c());
          }
          return;
        }
        // A range not inside one held region, which the call took all the same: the regions it
        // touches are dropped whole, what is left of them untracked.
        long end = call.a() + call.b();
        for (int i = live.size() - 1; i >= 0 && call.b() > 0; i--) {
          Region region = live.get(i);
          if (region.start() < end && call.a() < region.end()) {
            live.trim(i, 0, region.size());
          }
        }
        if (call.kind() == Kind.REALLOC) {
          live.add(result, call.c());
        }
      }
      default -> {}
    }
  }

  /** What {@link #make} returns for a call that returns nothing. */
  private static final String DONE = "done";

  private enum Kind {
    ALLOC,
    DEALLOC,
    REALLOC,
    SET_CAPACITY
  }

  /** A call; {@code region} is the index of the live region it frees or resizes whole, or -1. */
  private record Call(Kind kind, long a, long b, long c, int region) {}

  /** Runs a call and tells how it ended. */
  private static CallOutcome outcome(Allocator allocator, Call call) {
    return CallOutcome.of(allocator, a -> make(a, call));
  }

  /** Makes a call; returns the start it gave, or {@link #DONE} for a call that returns nothing. */
  private static Object make(Allocator allocator, Call call) {
    return switch (call.kind()) {
      case ALLOC -> allocator.alloc(call.a());
      case REALLOC -> allocator.realloc(call.a(), call.b(), call.c());
      case DEALLOC -> {
        allocator.dealloc(call.a(), call.b());
        yield DONE;
      }
      case SET_CAPACITY -> {
        allocator.setCapacity(call.a());
        yield DONE;
      }
    };
  }

  private static Call nextCall(
      SplittableRandom random, Allocator state, HeldRegions live, Program program) {
    int maxSize = program.maxSize();
    int dice = random.nextInt(100);
    if (dice < 45 || live.isEmpty()) {
      return new Call(Kind.ALLOC, size(random, state, program), 0, 0, -1);
    }
    int index = random.nextInt(live.size());
    Region region = live.get(index);
    if (dice < 75) {
      long[] range = rangeIn(random, region);
      boolean inside = range[0] >= region.start() && range[0] + range[1] <= region.end();
      return new Call(Kind.DEALLOC, range[0], range[1], 0, inside ? index : -1);
    }
    if (dice < 95) {
      long size = region.size();
      long newSize =
          switch (random.nextInt(6)) {
            case 0 -> size;
            case 1 -> random.nextLong(size + 1);
            case 2 -> 0;
            default -> size + 1 + random.nextLong(program.sizeBase() + maxSize);
          };
      return switch (random.nextInt(20)) {
        case 0 -> new Call(Kind.REALLOC, random.nextLong(state.getCapacity() + 1), 0, newSize, -1);
        case 1 -> new Call(Kind.REALLOC, region.start() + 1, size, newSize, -1); // past the region
        case 2 -> new Call(Kind.REALLOC, region.start(), size, -1 - random.nextLong(3), -1);
        default -> new Call(Kind.REALLOC, region.start(), size, newSize, index);
      };
    }
    long current = state.getCapacity();
    long target =
        switch (random.nextInt(4)) {
          case 0 -> current;
          case 1 -> current - 1 - random.nextLong(Math.max(1, current));
          default -> current + random.nextLong(1, 4 * (program.sizeBase() + maxSize));
        };
    return new Call(Kind.SET_CAPACITY, target, 0, 0, -1);
  }

  /**
   * A size for alloc: mostly in the program's range, sometimes 0, negative, the exact leading gap,
   * or huge.
   */
  private static long size(SplittableRandom random, Allocator state, Program program) {
    int maxSize = program.maxSize();
    return switch (random.nextInt(40)) {
      case 0 -> 0;
      case 1 -> -1 - random.nextLong(5);
      case 2 -> state.getCapacity() + 1 + random.nextLong(maxSize);
      case 3 -> Long.MAX_VALUE - random.nextLong(3);
      case 4 -> state.isEmpty() ? 1 : Math.max(1, state.getAllocatedRegions().get(0).start());
      default -> program.sizeBase() + 1 + random.nextLong(maxSize);
    };
  }

  /** A range inside the region (whole, prefix, suffix, middle), or now and then a bad one. */
  private static long[] rangeIn(SplittableRandom random, Region region) {
    long start = region.start();
    long size = region.size();
    return switch (random.nextInt(12)) {
      case 0 -> new long[] {start + 1 + random.nextLong(size), size}; // runs past the block
      case 1 -> new long[] {start, 0};
      case 2 -> new long[] {-1 - random.nextLong(4), size};
      case 3, 4 -> new long[] {start, 1 + random.nextLong(size)};
      case 5, 6 -> {
        long offset = random.nextLong(size);
        yield new long[] {start + offset, size - offset};
      }
      case 7 -> {
        long offset = random.nextLong(size);
        yield new long[] {start + offset, 1 + random.nextLong(size - offset)};
      }
      default -> new long[] {start, size};
    };
  }
}
