package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.trace.ApplyTime;
import dev.allot.trace.TraceReader;
import dev.allot.trace.TraceReplayer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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
 * {@code replay}: prints one line per trace operation, exactly as {@code docs/spec/trace-format.md}
 * defines it, so the output can be compared byte for byte with pyglet's.
 */
@Command(
    name = "replay",
    header = "Replay traces and print one line per operation.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Replays trace files and prints one line per operation,",
      "in the format of docs/spec/trace-format.md, to compare byte for byte with pyglet."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin StrategyOption strategy = new StrategyOption();

  @Option(names = "--summary", description = "Print only the line of each trace's last operation.")
  boolean summary;

  @Option(
      names = "--stats",
      description =
          "Also time the whole apply loop of each file and print 'ops=N apply_ns=T' to stderr.")
  boolean stats;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Trace files; - reads standard input (once, and not with --stats).")
  List<Path> files = List.of();

  /** The FILE that stands for standard input, as in cat and most Unix tools. */
  static final String STANDARD_INPUT = "-";

  /** What failures name for the trace on standard input. */
  private static final String STANDARD_INPUT_SOURCE = "standard input";

  @Override
  public Integer call() {
    long fromInput = files.stream().filter(ReplayCommand::isStandardInput).count();
    if (fromInput > 1 || (fromInput == 1 && stats)) {
      // Standard input can be read once: a second '-' would replay nothing, and --stats replays
      // each trace twice (timed, then printed).
      throw new ParameterException(
          Objects.requireNonNull(spec, "picocli injects the spec").commandLine(),
          fromInput > 1
              ? "'-' (standard input) can be read only once: give it once"
              : "'-' (standard input) can be read only once, and --stats reads each trace twice:"
                  + " give a file");
    }
    AllocationStrategy chosen = strategy.strategy();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16),
            false);
    try {
      for (Path file : files) {
        if (stats) {
          try (TraceReader trace = open(file)) {
            ApplyTime time = TraceReplayer.time(trace, chosen);
            System.err.println("ops=" + time.operations() + " apply_ns=" + time.nanos());
          }
        }
        // Streamed: each line is printed before the next operation is read.
        try (TraceReader trace = open(file)) {
          TraceReplayer.replay(trace, chosen, summary, line -> out.append(line).append('\n'));
        }
      }
    } finally {
      out.flush();
    }
    return 0;
  }

  private static boolean isStandardInput(Path file) {
    return file.toString().equals(STANDARD_INPUT);
  }

  /** Opens a trace file, or standard input for {@link #STANDARD_INPUT} (left open). */
  private static TraceReader open(Path file) {
    return isStandardInput(file)
        ? TraceReader.of(System.in, STANDARD_INPUT_SOURCE)
        : TraceReader.open(file);
  }
}
