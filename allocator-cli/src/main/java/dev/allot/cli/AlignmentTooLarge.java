package dev.allot.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The usage error of a generated workload whose {@code --alignment} the option takes but the run
 * cannot serve: the workload's calls are valid but for a needed capacity past {@code
 * Long.MAX_VALUE}, which only an alignment that large brings, so the value given is what cannot run
 * (status 2, as any bad value), not a file or the heap (status 1, where it ended before).
 */
final class AlignmentTooLarge {

  private AlignmentTooLarge() {}

  /**
   * Returns what to throw for {@code failure}, an allocator's refusal during a workload run with
   * {@code alignment}: the usage error naming the option, or {@code failure} itself at alignment 1,
   * where the workload asks nothing a strategy could refuse and the refusal is a bug.
   *
   * @param spec the command, for picocli's usage text
   * @param alignment the {@code --alignment} of the run
   * @param failure what the allocator threw
   * @return the exception to throw
   */
  static RuntimeException orBug(
      CommandSpec spec, long alignment, IllegalArgumentException failure) {
    if (alignment == 1) {
      return failure;
    }
    return new ParameterException(
        spec.commandLine(),
        "--alignment " + alignment + " is too large for this run: " + failure.getMessage(),
        failure);
  }
}
