package dev.allot.cli;

import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say how a trace becomes a {@link TraceProgram} and how each strategy's buffer
 * grows, shared by {@code compare} and {@code map} so both replay a trace the same way.
 */
final class ProgramOptions {

  @Option(
      names = "--recorded-with",
      paramLabel = "NAME",
      defaultValue = "first-fit",
      completionCandidates = StrategyNames.class,
      description = "Strategy whose addresses the trace holds (default: ${DEFAULT-VALUE}).")
  String recordedWith = "first-fit";

  @Option(
      names = "--growth",
      paramLabel = "POLICY",
      defaultValue = "doubling",
      description =
          "How capacity grows on demand: doubling (pyglet) or exact (default: ${DEFAULT-VALUE}).")
  String growth = "doubling";

  /** Reads the trace and learns its addresses from the recording strategy. */
  TraceProgram program(Path trace) throws IOException {
    List<TraceOperation> operations = TraceParser.parse(trace);
    return TraceProgram.record(
        operations,
        Allocators.strategy(recordedWith),
        Progress.onTerminal("learning the addresses of " + recordedWith, operations.size()));
  }

  /**
   * Returns the growth policy named by {@code --growth}.
   *
   * @throws IllegalArgumentException if it names none
   */
  GrowthPolicy policy() {
    return switch (growth) {
      case "doubling" -> GrowthPolicy.doubling();
      case "exact" -> GrowthPolicy.exact();
      default ->
          throw new IllegalArgumentException(
              "--growth must be doubling or exact, not '" + growth + "'");
    };
  }
}
