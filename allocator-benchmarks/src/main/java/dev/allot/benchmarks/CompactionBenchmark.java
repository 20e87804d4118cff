package dev.allot.benchmarks;

import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Planning a compaction: a workload is filled to {@link #live} regions and churned for as many
 * steps (so that its free space is scattered as a long-running program's is), then compacted. Each
 * measurement is one shot on a freshly fragmented allocator, because compaction changes the state
 * it measures, and each setup ends with a full collection so that the shot does not pay for the
 * setup's garbage.
 *
 * <ul>
 *   <li>{@link #fullCompaction}: {@code compact()}, every block to its end place;
 *   <li>{@link #budgetedPass}: one {@code compact(65536, 1)} pass, timed over the first {@value
 *       #PASSES} passes, so the time per pass is for about 64K moved indices.
 * </ul>
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar CompactionBenchmark -f 1 -wi 3 -i 10
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompactionBenchmark {

  /** The passes {@link #budgetedPass} times in one shot. */
  static final int PASSES = 16;

  /** The strategy, by its registered name. */
  @Param({"first-fit", "best-fit"})
  public String strategy = "first-fit";

  /** The workload that fragments the allocator: {@code churn}, {@code sprites} or {@code text}. */
  @Param({"churn", "sprites"})
  public String workloadName = "churn";

  /** Live regions when compaction starts. */
  @Param({"1000000"})
  public int live = 1_000_000;

  private Allocator allocator;

  /** Fills and churns a new allocator before every shot. */
  @Setup(Level.Invocation)
  public void fragment() {
    Workload workload =
        WorkloadKind.byName(workloadName)
            .create(BenchmarkStrategies.require(strategy, live).create(0), WorkloadState.SEED);
    workload.fill(live);
    for (int i = 0; i < live; i++) {
      workload.step();
    }
    allocator = workload.allocator();
    // The churn leaves the heap full of young garbage and of live data not yet promoted: collect
    // it here, or the first allocation of the shot pays a collection that belongs to the setup.
    System.gc();
  }

  /** Compacts fully; returns the plan so that nothing is optimized away. */
  @Benchmark
  public CompactionPlan fullCompaction() {
    return allocator.compact();
  }

  /** {@value #PASSES} budgeted passes; reported per pass. */
  @Benchmark
  @OperationsPerInvocation(PASSES)
  public long budgetedPass() {
    long moved = 0;
    for (int i = 0; i < PASSES; i++) {
      moved += allocator.compact(65_536, 1).movedIndices();
    }
    return moved;
  }
}
