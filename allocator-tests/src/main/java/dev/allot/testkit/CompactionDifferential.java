package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives two allocators that must behave identically (a strategy with and without an optional fast
 * path, say) through one random program with compactions, and asserts after every call that both
 * returned the same, planned the same moves and hold the same blocks.
 *
 * <p>The program: {@code regions} regions of 1 to 64 indices at alignment 1, 16 or 256 (so the
 * strategies keep alignment summaries across each pass), a random half of them freed, then
 * compaction passes with one budget and granularity until a pass is complete (or a pass limit), the
 * held starts translated by each plan, then as many frees and allocations again, so that the
 * strategies' indexes are used after compaction too.
 *
 * @since 0.1.0
 */
public final class CompactionDifferential {

  /** Largest region size of the program. */
  private static final int MAX_SIZE = 64;

  /**
   * The alignments a call asks for, drawn evenly: aligned calls before a pass make the strategies'
   * alignment summaries, and those after it read them, so a rebuilt index must have kept them.
   */
  private static final long[] ALIGNMENTS = {1, 1, 16, 256};

  private final Allocator expected;
  private final Allocator actual;
  private final Runnable check;

  /**
   * Compares {@code actual} with {@code expected}.
   *
   * @param expected the allocator whose behaviour is the reference, empty, of {@link
   *     #capacity(int)}
   * @param actual the allocator under test, empty, of the same capacity
   * @param check run after every pass, for the strategy's own invariants
   */
  public CompactionDifferential(Allocator expected, Allocator actual, Runnable check) {
    this.expected = expected;
    this.actual = actual;
    this.check = check;
  }

  /**
   * Returns a capacity with room for the whole program of {@code regions} regions.
   *
   * @param regions the regions of the program
   * @return the capacity to create both allocators with
   */
  public static long capacity(int regions) {
    return 4L * MAX_SIZE * regions;
  }

  /**
   * Runs the program.
   *
   * @param seed the seed of the program
   * @param regions the regions allocated first
   * @param budget the budget of every compaction pass
   * @param granularity the granularity of every compaction pass
   * @param maxPasses the passes made at most
   * @return the plans of {@code actual}, in order
   */
  public List<CompactionPlan> run(
      long seed, int regions, long budget, long granularity, int maxPasses) {
    SplittableRandom random = new SplittableRandom(seed);
    List<long[]> held = new ArrayList<>();
    for (int i = 0; i < regions; i++) {
      allocate(held, random);
    }
    for (int i = held.size() - 1; i >= 0; i--) {
      if (random.nextBoolean()) {
        free(held, i);
      }
    }
    List<CompactionPlan> plans = new ArrayList<>();
    for (int pass = 0; pass < maxPasses; pass++) {
      CompactionPlan plan = compact(budget, granularity);
      plans.add(plan);
      for (long[] region : held) {
        region[0] = plan.translate(region[0]);
      }
      if (plan.isComplete()) {
        break;
      }
    }
    for (int i = 0; i < regions; i++) {
      if (random.nextBoolean() && !held.isEmpty()) {
        free(held, random.nextInt(held.size()));
      } else {
        allocate(held, random);
      }
    }
    assertSameState("after the churn");
    return plans;
  }

  private CompactionPlan compact(long budget, long granularity) {
    CompactionPlan want = expected.compact(budget, granularity);
    CompactionPlan got = actual.compact(budget, granularity);
    String call = "compact(" + budget + ", " + granularity + ")";
    assertEquals(want.moves(), got.moves(), call);
    assertEquals(want.movedIndices(), got.movedIndices(), call);
    assertEquals(want.isComplete(), got.isComplete(), call);
    assertSameState(call);
    return got;
  }

  private void allocate(List<long[]> held, SplittableRandom random) {
    long size = 1L + random.nextInt(MAX_SIZE);
    long alignment = ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
    long start = expected.alloc(size, alignment);
    assertEquals(start, actual.alloc(size, alignment), "alloc(" + size + ", " + alignment + ")");
    held.add(new long[] {start, size});
  }

  private void free(List<long[]> held, int index) {
    long[] region = held.get(index);
    expected.dealloc(region[0], region[1]);
    actual.dealloc(region[0], region[1]);
    held.set(index, held.get(held.size() - 1));
    held.remove(held.size() - 1);
  }

  private void assertSameState(String after) {
    assertEquals(expected.getAllocatedRegions(), actual.getAllocatedRegions(), after);
    assertEquals(expected.getLargestFreeHole(), actual.getLargestFreeHole(), after);
    assertEquals(expected.getFragmentedFreeSize(), actual.getFragmentedFreeSize(), after);
    check.run();
  }
}
