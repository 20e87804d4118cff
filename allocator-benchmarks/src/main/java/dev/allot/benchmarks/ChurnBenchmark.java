package dev.allot.benchmarks;

import dev.allot.workload.WorkloadKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Free a random live region, allocate a new one: {@code churn} (sizes 1..64) and {@code sprites}
 * (sizes 4 and 6). Reported per operation: one invocation is a free and an alloc, two operations.
 *
 * <p>Run (short settings; drop them for careful numbers):
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar ChurnBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * java -jar allocator-benchmarks/target/benchmarks.jar ChurnBenchmark -p workload=churn -p live=10000,100000
 * </pre>
 *
 * <p>Combinations that cannot run are reported as failed and skipped: a strategy whose module is
 * not on the class path, and {@code pyglet-reference} above 100,000 live regions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChurnBenchmark extends WorkloadState {

  /** {@code churn} or {@code sprites}. */
  @Param({"churn", "sprites"})
  public String workloadName = "churn";

  @Override
  protected WorkloadKind kind() {
    return WorkloadKind.byName(workloadName);
  }

  /** One churn step: a free and an alloc. */
  @Benchmark
  @OperationsPerInvocation(2)
  public void freeThenAlloc() {
    workload.step();
  }
}
