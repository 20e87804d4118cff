package dev.allot.examples;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CapacityListener;
import dev.allot.GrowthPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: runs one workload through several strategies and reports them side by side,
 * as Caffeine's simulator does for eviction policies: a table of speed, peak capacity, final usage
 * and fragmentation, relocations and growths, and optionally a chart of fragmentation and capacity
 * over the run. Each strategy grows on demand (pyglet's vertex domain doubling by default), so the
 * peak capacity says how much buffer it needed.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Replays the same workload through every strategy and prints them side by side.",
        "A TRACE's addresses are those of the strategy that recorded it (--recorded-with); each strategy"
            + " runs the same calls at its own addresses, growing on demand (set_capacity lines are not"
            + " run, calls that failed in the recording are not run)."})
final class CompareCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "Strategies to compare (default: every strategy on the classpath).")
  List<String> strategies = List.of();

  @Mixin ProgramOptions replay = new ProgramOptions();

  @Option(names = "--chart", paramLabel = "FILE.svg",
      description = "Also write an SVG chart of fragmentation and capacity over the run.")
  @Nullable Path chart;

  @Parameters(arity = "0..1", paramLabel = "TRACE", description = "A trace file (spec/trace-format.md).")
  @Nullable Path trace;

  /** Samples per line of the chart; more points than pixels would not show. */
  private static final int CHART_POINTS = 1500;

  @Override
  public Integer call() throws IOException {
    Path file = trace;
    if (file == null) {
      throw new ParameterException(commandSpec().commandLine(), "Give a TRACE file.");
    }
    TraceProgram program = replay.program(file);
    GrowthPolicy policy = replay.policy();
    List<RunMeter> runs = new ArrayList<>();
    for (AllocationStrategy strategy : chosenStrategies()) {
      runs.add(measure(program, strategy, policy));
    }
    printTable(System.out, runs);
    Path chartFile = chart;
    if (chartFile != null) {
      CompareChart.render(runs, String.valueOf(file.getFileName())).write(chartFile);
      System.out.println("chart written to " + chartFile);
    }
    return 0;
  }

  private CommandSpec commandSpec() {
    CommandSpec s = spec;
    if (s == null) {
      throw new IllegalStateException("picocli injects the spec");
    }
    return s;
  }

  private List<AllocationStrategy> chosenStrategies() {
    return strategies.isEmpty() ? Allocators.strategies() : strategies.stream().map(Allocators::strategy).toList();
  }

  /** Runs the program twice: once timed with nothing watching, once metered for the figures. */
  static RunMeter measure(TraceProgram program, AllocationStrategy strategy, GrowthPolicy policy) {
    String name = strategy.getName();
    CapacityListener ignore = (oldCapacity, newCapacity) -> {};
    long begin = System.nanoTime();
    program.run(capacity -> Allocators.growing(strategy.create(capacity), policy, ignore),
        Progress.onTerminal("compare " + name + " (timing)", program.size()));
    long nanos = System.nanoTime() - begin;
    RunMeter meter = program.meter(strategy, policy, program.size() / CHART_POINTS,
        Progress.onTerminal("compare " + name, program.size()));
    meter.timed(nanos);
    return meter;
  }

  static void printTable(PrintStream out, List<RunMeter> runs) {
    String format = "%-12s %12s %14s %7s %14s %12s %8s %8s%n";
    out.printf(format, "strategy", "ops/s", "peak capacity", "usage", "fragmentation", "relocations", "growths",
        "skipped");
    for (RunMeter run : runs) {
      Allocator last = run.last();
      out.printf(format, run.strategy(), Axis.label(Math.rint(run.opsPerSecond())), run.peakCapacity(),
          last == null ? "-" : String.format(Locale.ROOT, "%.3f", last.getUsage()),
          last == null ? "-" : String.format(Locale.ROOT, "%.3f", last.getFragmentation()),
          run.relocations(), run.growths(), run.skipped());
    }
  }
}
