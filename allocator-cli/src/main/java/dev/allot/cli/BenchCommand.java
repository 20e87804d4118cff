package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.RecordingAllocator;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: a quick answer to "which strategy for my workload size?". Builds {@code --live}
 * regions with a {@link Workload}, warms up, times {@code --ops} operations as a whole (the mean),
 * then {@code --ops} more one call at a time (the tail), and prints one line:
 *
 * <pre>
 * strategy=first-fit live=10000 ops=1000000 ns_per_op=85.3 p50_ns=90 p99_ns=310 p99.9_ns=1020
 *     max_ns=48127 timer_ns=25 fragmentation=0.4120
 * </pre>
 *
 * <p>A churn step is two operations (a free and an alloc). The percentiles time each call of the
 * strategy with a {@link System#nanoTime} pair ({@link TimedAllocator}), so each includes the
 * pair's own cost, printed as {@code timer_ns}; a call that grows the capacity counts as the failed
 * call and its retry. The JMH module {@code allocator-benchmarks} gives the careful means; this is
 * one run on one JVM.
 */
@Command(
    name = "bench",
    header = "Time a workload: ns per operation, tail latency and fragmentation.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description =
        "Times a workload of N live regions: prints the mean ns per operation, the p50, p99 and"
            + " p99.9 of single calls, and the fragmentation.")
final class BenchCommand implements Callable<Integer> {

  /**
   * Untimed operations before the timed ones, at most: enough for the JIT to compile the hot path.
   */
  private static final long MAX_WARMUP_OPS = 200_000;

  /** Precision of the latency histograms: 3 digits, 0.1% of a value. */
  private static final int SIGNIFICANT_DIGITS = 3;

  /** Empty timer pairs measured for {@code timer_ns}. */
  private static final int TIMER_SAMPLES = 100_001;

  @Mixin StrategyOption strategy = new StrategyOption();

  @Option(
      names = "--live",
      paramLabel = "N",
      required = true,
      converter = PositiveIntCount.class,
      description = "Live regions held during the run, 1 or more.")
  int live;

  @Option(
      names = "--ops",
      paramLabel = "M",
      required = true,
      converter = NonNegativeCount.class,
      description = "Timed operations, 0 or more (a churn step is two).")
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
      converter = WorkloadConverter.class,
      defaultValue = "churn",
      description =
          "${COMPLETION-CANDIDATES}: churn has sizes 1..64, sprites sizes 4/6, text grows by"
              + " realloc, uniform makes half its ranges uniform buffers (16..1024 at alignment"
              + " 256) (default: ${DEFAULT-VALUE}).")
  WorkloadKind workload = WorkloadKind.CHURN;

  @Option(
      names = "--alignment",
      paramLabel = "A",
      defaultValue = "1",
      converter = PositiveCount.class,
      description =
          "Alignment every placement asks for, 1 or more (uniform ranges keep 256); default:"
              + " ${DEFAULT-VALUE}.")
  long alignment = 1;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      converter = OutputFileConverter.class,
      description =
          "Also write every call, fill included, to FILE as a trace (for replay elsewhere); each line is"
              + " written before its call, which slows the run.")
  @Nullable Path record;

  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try {
      return runOrRecord();
    } catch (IllegalArgumentException e) {
      throw AlignmentTooLarge.orBug(
          Objects.requireNonNull(spec, "picocli injects the spec"), alignment, e);
    }
  }

  private int runOrRecord() throws IOException {
    AllocationStrategy chosen = strategy.strategy();
    WorkloadKind kind = workload;
    if (record == null) {
      run(chosen, kind, Allocators.create(chosen, 0), System.out);
      return 0;
    }
    Path file = record;
    try (RecordingAllocator recorder = Allocators.recording(Allocators.create(chosen, 0), file)) {
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
              + seed
              + " --alignment "
              + alignment);
      run(chosen, kind, recorder, System.out);
    } catch (UncheckedIOException e) {
      // The recorder stopped at a line it could not write; the run is void, and what the user
      // needs is the file and why (a full disk), as for a file that cannot be opened.
      throw OutputFiles.naming(file, Objects.requireNonNull(e.getCause())); // never null in one
    } catch (IOException e) {
      throw OutputFiles.naming(file, e); // the last lines, flushed on close
    }
    return 0;
  }

  private void run(
      AllocationStrategy chosen, WorkloadKind kind, Allocator allocator, PrintStream out) {
    TimedAllocator timed = new TimedAllocator(allocator);
    Workload driver = kind.create(timed, seed, alignment);
    driver.fill(live);
    long warmup = Math.min(ops, MAX_WARMUP_OPS);
    while (driver.operations() < warmup) {
      driver.step();
    }
    Progress progress = Progress.onTerminal("bench " + chosen.getName(), 2 * ops);
    long before = driver.operations();
    long begin = System.nanoTime();
    while (driver.operations() - before < ops) {
      driver.step();
      progress.step(driver.operations() - before);
    }
    long elapsed = System.nanoTime() - begin;
    long done = driver.operations() - before;
    Histogram durations = new Histogram(SIGNIFICANT_DIGITS);
    timed.record(durations);
    while (driver.operations() - before < 2 * done) {
      driver.step();
      progress.step(driver.operations() - before);
    }
    timed.record(null);
    progress.finish();
    out.println(
        String.format(
            Locale.ROOT,
            "strategy=%s live=%d%s ops=%d ns_per_op=%.1f p50_ns=%d p99_ns=%d p99.9_ns=%d max_ns=%d"
                + " timer_ns=%d fragmentation=%.4f",
            chosen.getName(),
            live,
            alignment == 1 ? "" : " alignment=" + alignment,
            done,
            done == 0 ? 0.0 : (double) elapsed / done,
            durations.getValueAtPercentile(50),
            durations.getValueAtPercentile(99),
            durations.getValueAtPercentile(99.9),
            durations.getMaxValue(),
            timerNanos(),
            allocator.getFragmentation()));
  }

  /** The median time of an empty {@link System#nanoTime} pair: what each timed call includes. */
  private static long timerNanos() {
    Histogram pairs = new Histogram(SIGNIFICANT_DIGITS);
    for (int i = 0; i < TIMER_SAMPLES; i++) {
      long begin = System.nanoTime();
      pairs.recordValue(System.nanoTime() - begin);
    }
    return pairs.getValueAtPercentile(50);
  }
}
