package dev.allot.bestfit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints the fragmentation table of {@code docs/best-fit.md}: the same seeded workloads replayed
 * against first-fit (the pyglet reference, which places exactly as first-fit does) and best-fit. A
 * measuring program, not a test; run it with the module's test class path.
 *
 * <p>Workload: a buffer that starts at capacity 0 and grows to {@code requestedCapacity} whenever a
 * call fails (as a vertex domain grows its buffer). Region sizes are mixed: 70% small (1-16), 25%
 * medium (17-256), 5% large (257-2048). While fewer than {@code target} regions are live it
 * allocates; after that each step frees a random live region or allocates a new one with equal
 * odds; in the "realloc" variant a third of the steps instead grow or shrink a random live region
 * to a fresh size.
 */
final class FragmentationComparison {

  /** Seeds each row averages over. */
  private static final int SEEDS = 5;

  /** Figures {@link #run} returns. */
  private static final int FIGURES = 5;

  /** Calls in each run. */
  private static final int STEPS = 100_000;

  private FragmentationComparison() {}

  /** Runs every workload and prints one markdown table. */
  public static void main(String[] args) {
    List<AllocationStrategy> strategies =
        List.of(new PygletReferenceStrategy(), new BestFitStrategy());
    System.out.println(
        "| workload | strategy | mean fragmentation | mean 1 - largest hole / free"
            + " | final capacity | capacity growths | final usage |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (int target : new int[] {500, 2000}) {
      for (boolean reallocs : new boolean[] {false, true}) {
        for (AllocationStrategy strategy : strategies) {
          String name = strategy instanceof BestFitStrategy ? "best-fit" : "first-fit";
          String workload = target + " live, " + (reallocs ? "alloc/free/realloc" : "alloc/free");
          double[] sum = new double[FIGURES];
          for (long seed = 1; seed <= SEEDS; seed++) {
            double[] figures = run(strategy, target, reallocs, seed);
            for (int i = 0; i < FIGURES; i++) {
              sum[i] += figures[i] / SEEDS;
            }
          }
          System.out.printf(
              "| %s | %s | %.3f | %.3f | %.0f | %.0f | %.3f |%n",
              workload, name, sum[0], sum[1], sum[2], sum[3], sum[4]);
        }
      }
    }
  }

  /**
   * Returns mean fragmentation, mean external fragmentation (1 - largest hole / free size), final
   * capacity, how often the capacity grew, and final usage.
   */
  private static double[] run(
      AllocationStrategy strategy, int target, boolean reallocs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Allocator allocator = strategy.create(0);
    long[] starts = new long[target * 2];
    long[] sizes = new long[target * 2];
    int live = 0;
    int[] growths = {0};
    double fragmentationSum = 0;
    double externalSum = 0;
    for (int step = 0; step < STEPS; step++) {
      int dice = random.nextInt(6);
      if (live > 0 && reallocs && dice < 2) {
        int victim = random.nextInt(live);
        long newSize = size(random);
        starts[victim] =
            grow(
                allocator,
                growths,
                () -> allocator.realloc(starts[victim], sizes[victim], newSize));
        sizes[victim] = newSize;
      } else if (live < target || (dice < 4 && live < starts.length)) {
        long size = size(random);
        starts[live] = grow(allocator, growths, () -> allocator.alloc(size));
        sizes[live++] = size;
      } else {
        int victim = random.nextInt(live);
        allocator.dealloc(starts[victim], sizes[victim]);
        live--;
        starts[victim] = starts[live];
        sizes[victim] = sizes[live];
      }
      fragmentationSum += allocator.getFragmentation();
      long free = allocator.getFreeSize();
      externalSum += free == 0 ? 0 : 1 - (double) allocator.getLargestFreeHole() / free;
    }
    return new double[] {
      fragmentationSum / STEPS,
      externalSum / STEPS,
      allocator.getCapacity(),
      growths[0],
      allocator.getUsage()
    };
  }

  /** A call that may fail for lack of space. */
  private interface Call {
    long run();
  }

  /** Runs the call, growing the capacity to the requested one and retrying when it fails. */
  private static long grow(Allocator allocator, int[] growths, Call call) {
    try {
      return call.run();
    } catch (AllocatorMemoryException e) {
      growths[0]++;
      allocator.setCapacity(e.getRequestedCapacity());
      return call.run();
    }
  }

  private static long size(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return 1L + random.nextInt(16);
    }
    return kind < 95 ? 17 + random.nextInt(240) : 257 + random.nextInt(1792);
  }
}
