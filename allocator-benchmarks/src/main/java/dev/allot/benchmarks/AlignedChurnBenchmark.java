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
 * {@code churn} (free a random live region, allocate a new one of 1..64 indices) with every
 * placement at one alignment: 1 is the unaligned churn of {@link ChurnBenchmark}, the baseline the
 * aligned rows are read against. Reported per operation: one invocation is a free and an alloc.
 *
 * <p>Run (short settings, as {@code docs/performance.md} quotes them):
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar AlignedChurnBenchmark \
 *     -p strategy=first-fit,best-fit -p live=10000,1000000 -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AlignedChurnBenchmark extends WorkloadState {

  /** The alignment of every {@code alloc}: 1 (unaligned), a vec4 (16), a uniform buffer (256). */
  @Param({"1", "16", "256"})
  public long align = 1;

  @Override
  protected WorkloadKind kind() {
    return WorkloadKind.CHURN;
  }

  @Override
  protected long alignment() {
    return align;
  }

  /** One churn step: a free and an aligned alloc. */
  @Benchmark
  @OperationsPerInvocation(2)
  public void freeThenAlignedAlloc() {
    workload.step();
  }
}
