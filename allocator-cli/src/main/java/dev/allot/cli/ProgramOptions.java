package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.trace.TraceReader;
import java.nio.file.Path;
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
      converter = StrategyConverter.class,
      completionCandidates = StrategyNames.class,
      description =
          "Strategy whose addresses the trace holds: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}).")
  AllocationStrategy recordedWith = Allocators.strategy("first-fit");

  @Option(
      names = "--growth",
      paramLabel = "POLICY",
      defaultValue = "doubling",
      converter = GrowthConverter.class,
      description =
          "How capacity grows on demand: ${COMPLETION-CANDIDATES} (pyglet doubles; default:"
              + " ${DEFAULT-VALUE}).")
  Growth growth = Growth.DOUBLING;

  /** The trace as a program, streamed from the file on every run. */
  TraceProgram program(Path trace) {
    return TraceProgram.of(() -> TraceReader.open(trace), recordedWith);
  }

  /** Returns the growth policy named by {@code --growth}. */
  GrowthPolicy policy() {
    return growth.policy();
  }
}
