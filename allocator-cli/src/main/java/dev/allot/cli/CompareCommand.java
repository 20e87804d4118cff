package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CapacityListener;
import dev.allot.GrowthPolicy;
import dev.allot.RelocationListener;
import dev.allot.workload.WorkloadKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: runs one workload through several strategies and reports them side by side, as
 * Caffeine's simulator does for eviction policies: a table of speed, peak capacity, final usage and
 * fragmentation, relocations and growths, the indices moved by periodic compaction ({@code
 * --compact-every}), and optionally a chart of fragmentation and capacity over the run. Each
 * strategy grows on demand (pyglet's vertex domain doubling by default), so the peak capacity says
 * how much buffer it needed.
 */
@Command(
    name = "compare",
    header = "Run one workload through every strategy, side by side.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Replays the same workload (a TRACE, or a generated --workload) through every strategy and prints"
          + " them side by side.",
      "A TRACE's addresses are those of the strategy that recorded it (--recorded-with); each strategy"
          + " runs the same calls at its own addresses, growing on demand (set_capacity lines are not"
          + " run, calls that failed in the recording are not run)."
    })
final class CompareCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--strategies",
      split = ",",
      paramLabel = "NAME",
      converter = StrategyConverter.class,
      completionCandidates = StrategyNames.class,
      description = "Strategies to compare: ${COMPLETION-CANDIDATES} (default: all of them).")
  List<AllocationStrategy> strategies = List.of();

  @Mixin ProgramOptions replay = new ProgramOptions();

  @Option(
      names = "--chart",
      paramLabel = "FILE.svg",
      converter = OutputFileConverter.class,
      description =
          "Also write an SVG chart of fragmentation and capacity over the run; FILE.svg is"
              + " replaced only once the chart is written whole.")
  @Nullable Path chart;

  @Parameters(
      arity = "0..1",
      paramLabel = "TRACE",
      converter = RereadTraceConverter.class,
      description = "A trace file (docs/spec/trace-format.md).")
  @Nullable Path trace;

  @Option(
      names = "--workload",
      paramLabel = "KIND",
      converter = WorkloadConverter.class,
      description =
          "Instead of a TRACE, generate a workload: ${COMPLETION-CANDIDATES} (as bench does).")
  @Nullable WorkloadKind workload;

  @Option(
      names = "--live",
      paramLabel = "N",
      defaultValue = "1000",
      converter = PositiveIntCount.class,
      description = "With --workload: live regions held, 1 or more (default: ${DEFAULT-VALUE}).")
  int live = 1000;

  @Option(
      names = "--ops",
      paramLabel = "M",
      defaultValue = "200000",
      converter = NonNegativeCount.class,
      description =
          "With --workload: calls after filling, a churn step is two (default: ${DEFAULT-VALUE}).")
  long ops = 200_000;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "With --workload: seed, the same for every strategy (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--alignment",
      paramLabel = "A",
      defaultValue = "1",
      converter = PositiveCount.class,
      description =
          "With --workload: alignment every placement asks for, 1 or more; uniform ranges keep"
              + " 256 (default: ${DEFAULT-VALUE}).")
  long alignment = 1;

  @Option(
      names = "--initial-capacity",
      paramLabel = "N",
      defaultValue = "1024",
      converter = NonNegativeCount.class,
      description =
          "With --workload: capacity each strategy starts from (default: ${DEFAULT-VALUE}).")
  long initialCapacity = 1024;

  @Option(
      names = "--compact-every",
      paramLabel = "N",
      converter = PositiveCount.class,
      description =
          "Compact fully (compact()) every N calls of each strategy's run, moving the held"
              + " starts with each plan; a strategy that does not compact (tlsf) runs without,"
              + " each refusal counted under 'skipped' (default: never).")
  long compactEvery; // 0, never, is the default only: PositiveCount refuses it as a value

  /** The options that shape a generated workload and mean nothing for a TRACE. */
  private static final List<String> WORKLOAD_ONLY =
      List.of("--live", "--ops", "--seed", "--alignment", "--initial-capacity");

  /** Samples per line of the chart; more points than pixels would not show. */
  private static final int CHART_POINTS = 1500;

  @Override
  public Integer call() throws IOException {
    CommandLine.Model.OptionSpec named =
        commandSpec().commandLine().getParseResult().matchedOption("--strategies");
    if (named != null && strategies.isEmpty()) {
      // Picocli splits "," into no names at all, which read as the default, every strategy.
      throw new ParameterException(
          commandSpec().commandLine(),
          "Invalid value for option '--strategies': '"
              + String.join(" ", named.originalStringValues())
              + "' names no strategy");
    }
    Path file = trace;
    WorkloadKind kind = workload;
    if ((file == null) == (kind == null)) {
      throw new ParameterException(
          commandSpec().commandLine(),
          file == null
              ? "Give a TRACE file or --workload KIND."
              : "Give a TRACE file or --workload KIND, not both.");
    }
    if (file != null) {
      // Each of these shapes the generated workload; with a TRACE they were silently ignored
      // (compare t.trace --ops 100 ran the whole trace), so the user's intent was lost.
      for (String option : WORKLOAD_ONLY) {
        if (commandSpec().commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(
              commandSpec().commandLine(),
              "Option '" + option + "' applies to --workload only, not to a TRACE.");
        }
      }
    }
    Path chartFile = chart;
    // Opened before the runs, so that a path that cannot be written fails at once, not after
    // every strategy has run; the chart replaces its file only once it is written whole.
    try (OutputFile chartOutput = chartFile == null ? null : OutputFile.open(chartFile)) {
      run(file, kind, chartOutput);
    } catch (IllegalArgumentException e) {
      if (file != null) {
        throw e; // a trace's refused calls are results, counted as skipped: this is a bug
      }
      throw AlignmentTooLarge.orBug(commandSpec(), alignment, e);
    }
    return 0;
  }

  /** Runs every strategy, prints the table and, when {@code chartOutput} is given, the chart. */
  private void run(
      @Nullable Path file, @Nullable WorkloadKind kind, @Nullable OutputFile chartOutput)
      throws IOException {
    Program program =
        file != null
            ? replay.program(file)
            : new WorkloadProgram(
                Objects.requireNonNull(kind, "call() checks: a TRACE or --workload"),
                live,
                ops,
                seed,
                alignment,
                initialCapacity);
    String source =
        file != null
            ? String.valueOf(file.getFileName())
            : kind
                + " workload, "
                + live
                + " live, seed "
                + seed
                + (alignment == 1 ? "" : ", alignment " + alignment);
    GrowthPolicy policy = replay.policy();
    List<RunMeter> runs = new ArrayList<>();
    for (AllocationStrategy strategy : chosenStrategies()) {
      runs.add(measure(program, strategy, policy, compactEvery));
    }
    printTable(System.out, runs);
    if (chartOutput != null) {
      CompareChart.render(runs, source).write(chartOutput);
      chartOutput.commit();
      System.out.println("chart written to " + chartOutput.file());
    }
  }

  private CommandSpec commandSpec() {
    CommandSpec s = spec;
    if (s == null) {
      throw new IllegalStateException("picocli injects the spec");
    }
    return s;
  }

  private List<AllocationStrategy> chosenStrategies() {
    return strategies.isEmpty() ? Allocators.strategies() : strategies;
  }

  /** Runs the program twice: once timed with nothing watching, once metered for the figures. */
  static RunMeter measure(
      Program program, AllocationStrategy strategy, GrowthPolicy policy, long compactEvery) {
    String name = strategy.getName();
    // The measured run first: it runs the strategy's code over the same program, so the timed run
    // after it meets that code compiled. Measured (churn, 10,000 live, 1M ops, --strategies
    // first-fit,best-fit,tlsf twice over, two runs, 2026-11-28): the first pass of first-fit took
    // 1.8M and 2.3M ops/s timed first, 3.2M and 3.9M timed after its measured run; of tlsf 3.5M and
    // 5.7M against 7.7M and 12.6M. The second passes, 5.6M to 8.0M for first-fit either way, show
    // what is left: code shared by every strategy still compiles during the first ones.
    RunMeter meter =
        program.meter(
            strategy,
            policy,
            (int) Math.min(Integer.MAX_VALUE, program.size() / CHART_POINTS),
            compactEvery,
            Progress.onTerminal("compare " + name, program.size()));
    // The timed run has no buffer to keep in step: growth and moves cost only the allocator's work.
    CapacityListener noBuffer = (oldCapacity, newCapacity) -> {};
    RelocationListener noData = (oldStart, newStart, size) -> {};
    long nanos =
        program.time(
            capacity ->
                Allocators.growing(Allocators.create(strategy, capacity), policy, noBuffer, noData),
            compactEvery,
            Progress.onTerminal("compare " + name + " (timing)", program.size()));
    meter.timed(nanos);
    return meter;
  }

  static void printTable(PrintStream out, List<RunMeter> runs) {
    String format = "%-12s %12s %14s %7s %14s %12s %8s %8s %12s%n";
    out.printf(
        format,
        "strategy",
        "ops/s",
        "peak capacity",
        "usage",
        "fragmentation",
        "relocations",
        "growths",
        "skipped",
        "moved");
    for (RunMeter run : runs) {
      Allocator last = run.last();
      out.printf(
          format,
          run.strategy(),
          Axis.label(Math.rint(run.opsPerSecond())),
          run.peakCapacity(),
          last == null ? "-" : String.format(Locale.ROOT, "%.3f", last.getUsage()),
          last == null ? "-" : String.format(Locale.ROOT, "%.3f", last.getFragmentation()),
          run.relocations(),
          run.growths(),
          run.skipped(),
          run.movedText());
    }
  }
}
