package dev.allot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code allocator-examples.jar} command line: {@code java -jar allocator-examples.jar
 * <command>}. Each subcommand is its own class.
 */
@Command(
    name = "allocator-examples.jar",
    mixinStandardHelpOptions = true,
    version = "Allot 0.1.0",
    description = "Replays allocation traces and shows the Allot allocators at work.",
    subcommands = {
      ReplayCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CompareCommand.class,
      MapCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AllotCommand {

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Builds the command line, for {@link #main} and for tests that run it in-process.
   *
   * @return the configured picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AllotCommand());
    // A wrong strategy name or a missing file is the user's mistake: say what, not where in our
    // code.
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println(failed.getCommandName() + ": " + exception.getMessage());
          return failed.getCommandSpec().exitCodeOnExecutionException();
        });
    return commandLine;
  }
}
