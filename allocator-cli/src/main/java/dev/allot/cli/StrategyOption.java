package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import picocli.CommandLine.Option;

/**
 * The {@code --strategy} option of {@code replay}, {@code bench} and {@code demo}. Its default is
 * explicit (the system property {@code dev.allot.strategy}, else {@code first-fit}) rather than the
 * library's classpath rules, which warn when several strategies are present, as they always are in
 * {@code allot.jar}: a default run prints no warning.
 */
final class StrategyOption {

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      converter = StrategyConverter.class,
      completionCandidates = StrategyNames.class,
      defaultValue = "${sys:dev.allot.strategy:-first-fit}",
      description = "Strategy to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  AllocationStrategy strategy = Allocators.strategy("first-fit");

  /** Returns the strategy named by the option. */
  AllocationStrategy strategy() {
    return strategy;
  }
}
