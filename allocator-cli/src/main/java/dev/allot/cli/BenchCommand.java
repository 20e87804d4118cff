package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.RecordingAllocator;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: a quick answer to "which strategy for my workload size?". Builds {@code --live}
 * regions with a {@link Workload}, warms up, times {@code --ops} operations, and prints one line:
 *
 * <pre>
 * strategy=first-fit live=10000 ops=1000000 ns_per_op=85.3 fragmentation=0.4120
 * </pre>
 *
 * <p>A churn step is two operations (a free and an alloc). The JMH module {@code
 * allocator-benchmarks} gives the careful numbers; this is one run on one JVM.
 */
@Command(
    name = "bench",
    header = "Time a workload: ns per operation and fragmentation.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    description =
        "Times a workload of N live regions: prints ns per operation and the fragmentation.")
final class BenchCommand implements Callable<Integer> {

  /**
   * Untimed operations before the timed ones, at most: enough for the JIT to compile the hot path.
   */
  private static final long MAX_WARMUP_OPS = 200_000;

  @Mixin StrategyOption strategy = new StrategyOption();

  @Option(
      names = "--live",
      paramLabel = "N",
      required = true,
      description = "Live regions held during the run.")
  int live;

  @Option(
      names = "--ops",
      paramLabel = "M",
      required = true,
      description = "Timed operations (a churn step is two).")
  long ops;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the workload (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--workload",
      paramLabel = "KIND",
      defaultValue = "churn",
      description =
          "churn (sizes 1..64), sprites (sizes 4/6) or text (growth by realloc); default: ${DEFAULT-VALUE}.")
  String workload = "churn";

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description =
          "Also write every call, fill included, to FILE as a trace (for replay elsewhere); each line is"
              + " written before its call, which slows the run.")
  @Nullable Path record;

  @Override
  public Integer call() throws IOException {
    if (live < 1 || ops < 0) {
      throw new IllegalArgumentException("--live must be >= 1 and --ops >= 0");
    }
    AllocationStrategy chosen = strategy.strategy();
    WorkloadKind kind = WorkloadKind.byName(workload);
    if (record == null) {
      run(chosen, kind, Allocators.create(chosen, 0), System.out);
      return 0;
    }
    try (RecordingAllocator recorder = Allocators.recording(Allocators.create(chosen, 0), record)) {
      recorder.comment(
          "bench --strategy "
              + chosen.getName()
              + " --workload "
              + kind.workloadName()
              + " --live "
              + live
              + " --ops "
              + ops
              + " --seed "
              + seed);
      run(chosen, kind, recorder, System.out);
    }
    return 0;
  }

  private void run(
      AllocationStrategy chosen, WorkloadKind kind, Allocator allocator, PrintStream out) {
    Workload driver = kind.create(allocator, seed);
    driver.fill(live);
    long warmup = Math.min(ops, MAX_WARMUP_OPS);
    while (driver.operations() < warmup) {
      driver.step();
    }
    long before = driver.operations();
    Progress progress = Progress.onTerminal("bench " + chosen.getName(), ops);
    long begin = System.nanoTime();
    while (driver.operations() - before < ops) {
      driver.step();
      progress.step(driver.operations() - before);
    }
    long elapsed = System.nanoTime() - begin;
    progress.finish();
    long done = driver.operations() - before;
    out.println(
        String.format(
            Locale.ROOT,
            "strategy=%s live=%d ops=%d ns_per_op=%.1f fragmentation=%.4f",
            chosen.getName(),
            live,
            done,
            done == 0 ? 0.0 : (double) elapsed / done,
            allocator.getFragmentation()));
  }
}
