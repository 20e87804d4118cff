package dev.allot.benchmarks;

import dev.allot.workload.WorkloadKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Text-like traffic: grow a random region by 1..8 with {@code realloc} (in place or by moving it),
 * and free and re-create a region that would pass 256. Reported per step, which is one {@code
 * realloc} nearly always.
 *
 * <p>Run:
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar TextBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 *
 * <p>As in {@link ChurnBenchmark}, a missing strategy and the reference above 100,000 live regions
 * are reported as failed and skipped.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TextBenchmark extends WorkloadState {

  @Override
  protected WorkloadKind kind() {
    return WorkloadKind.TEXT;
  }

  /** One text step: usually a realloc that grows a region. */
  @Benchmark
  public void growByRealloc() {
    workload.step();
  }
}
