package dev.allot.benchmarks;

import dev.allot.Region;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cheapest search by address there is, over the blocks first-fit holds after churn: a
 * branch-free binary search of a sorted {@code long[]} of their starts, which nothing ever inserts
 * into or removes from. A free names its region by address, so an exact strategy that keeps one
 * entry per block searches at least this much per free; the first-fit and best-fit churn are read
 * against it in {@code docs/performance.md} (issue #16's goals).
 *
 * <p>Two figures: {@code independentSearch} lets the processor overlap one search with the next
 * (the floor of the floor), {@code dependentSearch} makes each search's address depend on the
 * previous answer, as an allocator's next call depends on the state the last one left.
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar SearchFloorBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SearchFloorBenchmark {

  /**
   * Addresses searched for, cycled through: a million, so no cache or predictor learns the cycle.
   */
  private static final int QUERIES = 1 << 20;

  /** Live regions of the churn whose blocks are searched. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int live = 1000;

  /** The blocks' starts, ascending. */
  private long[] starts = new long[0];

  /** Indices inside blocks, each the start of a freed region would be. */
  private long[] queries = new long[0];

  private int next;

  /** The last answer of {@link #dependentSearch}, which the next address depends on. */
  private int previous;

  /**
   * Runs first-fit churn at {@link #live} regions (filled, then as many steps again as it has
   * regions, twice), takes its blocks, and draws addresses inside them: a block at random, an index
   * in it at random. Checks every answer against {@link Arrays#binarySearch} before timing.
   */
  @Setup(Level.Trial)
  public void setUp() {
    Workload churn =
        WorkloadKind.CHURN.create(
            BenchmarkStrategies.require("first-fit", live).create(0), WorkloadState.SEED);
    churn.fill(live);
    for (long step = 0; step < 2L * live; step++) {
      churn.step();
    }
    List<Region> blocks = churn.allocator().getAllocatedRegions();
    starts = new long[blocks.size()];
    for (int k = 0; k < starts.length; k++) {
      starts[k] = blocks.get(k).start();
    }
    SplittableRandom random = new SplittableRandom(WorkloadState.SEED);
    queries = new long[QUERIES];
    for (int k = 0; k < QUERIES; k++) {
      Region block = blocks.get(random.nextInt(blocks.size()));
      queries[k] = block.start() + random.nextLong(block.size());
    }
    for (long query : queries) {
      int found = Arrays.binarySearch(starts, query);
      int expected = found >= 0 ? found : -found - 2;
      if (floor(starts, query) != expected) {
        throw new IllegalStateException(
            "floor(" + query + ") = " + floor(starts, query) + ", expected " + expected);
      }
    }
  }

  /** One search whose address does not depend on the last: searches may overlap. */
  @Benchmark
  public int independentSearch() {
    return floor(starts, queries[next++ & (QUERIES - 1)]);
  }

  /**
   * One search whose address depends on the last answer (shifted by its lowest bit: at most one
   * index, which the timing does not care about), so searches run one after another.
   */
  @Benchmark
  public int dependentSearch() {
    previous = floor(starts, queries[next++ & (QUERIES - 1)] + (previous & 1));
    return previous;
  }

  /**
   * The index of the greatest start {@code <= index} ({@code starts[0] <= index}): halvings whose
   * step is a conditional move, not a branch, so none is mispredicted.
   */
  static int floor(long[] starts, long index) {
    int base = 0;
    int length = starts.length;
    while (length > 1) {
      int half = length >>> 1;
      base = starts[base + half] <= index ? base + half : base;
      length -= half;
    }
    return base;
  }
}
