package dev.allot.cli;

import dev.allot.trace.TraceReadException;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code allot} command line ({@code java -jar allocator-cli/target/allot.jar <command>}). Each
 * subcommand is its own class and says what it does in one line of {@code allot --help}, as {@code
 * git --help} lists its commands.
 */
@Command(
    name = "allot",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    synopsisSubcommandLabel = "<command>",
    customSynopsis = "allot [-h | --help] [-V | --version] <command> [<args>]",
    descriptionHeading = "%n",
    description =
        "Replays allocation traces and shows the Allot allocators (first-fit, best-fit, tlsf) at work.",
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the command ran, or stopped early because the reader of its output closed it (| head)",
      "1:a file or standard output could not be read or written, or the Java heap ran out (one line"
          + " on stderr says which and why)",
      "2:usage error: an unknown option or a bad value (the usage text follows)"
    },
    footer = {"", "See 'allot help <command>' for the options of one command."},
    subcommands = {
      ReplayCommand.class,
      CompareCommand.class,
      MapCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AllotCommand {

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.setOut(processOutput());
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns standard output as {@code System.out} was, in the same encoding, but over {@link
   * StandardOutput}, so that a closed pipe ends the command (Java ignores SIGPIPE, which ends a C
   * program there).
   */
  private static PrintStream processOutput() {
    String encoding = System.getProperty("stdout.encoding"); // Java 19 on
    if (encoding == null) {
      encoding = System.getProperty("sun.stdout.encoding"); // Java 17: set for a console only
    }
    Charset charset =
        encoding != null && Charset.isSupported(encoding)
            ? Charset.forName(encoding)
            : Charset.defaultCharset();
    return new PrintStream(new BufferedOutputStream(StandardOutput.ofProcess()), true, charset);
  }

  /**
   * Builds the command line, for {@link #main} and for tests that run it in-process.
   *
   * @return the configured picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AllotCommand());
    // git's order: what there is to do before how to ask for help.
    List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
    int options =
        sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
    sections.add(options, CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
    sections.add(options, CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
    commandLine.setHelpSectionKeys(sections);
    // A file that cannot be read or written is the user's problem, not a bug: one line that says
    // which file and why, exit status 1, no stack trace. Usage errors end with status 2.
    // System.out is a PrintStream, which keeps a write error to itself: a full disk lost the whole
    // output and the command still exited 0. Ask it once the command is done. A closed pipe is no
    // error: StandardOutput ends the command at once with OutputClosedException, status 0.
    commandLine.setExecutionStrategy(
        parseResult -> {
          int status;
          try {
            status = new CommandLine.RunLast().execute(parseResult);
          } catch (OutputClosedException e) {
            return 0; // from help or version text, which picocli prints outside the handler below
          } catch (OutOfMemoryError e) {
            // Picocli passes errors through, so a --live or a trace too large for the heap ended
            // in a stack trace. The run's data is unreachable once its frames are gone: there is
            // room again for one line.
            CommandLine last = lastCommand(parseResult);
            last.getErr()
                .println(
                    last.getCommandName() + ": " + heapRanOut(Runtime.getRuntime().maxMemory()));
            return last.getCommandSpec().exitCodeOnExecutionException();
          }
          if (!System.out.checkError()) {
            return status;
          }
          CommandLine last = lastCommand(parseResult);
          last.getErr().println(last.getCommandName() + ": standard output: write error");
          return status == 0 ? last.getCommandSpec().exitCodeOnExecutionException() : status;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          if (exception instanceof OutputClosedException) {
            return 0; // the reader has what it wanted: nothing went wrong
          }
          failed.getErr().println(failed.getCommandName() + ": " + describe(exception));
          return failed.getCommandSpec().exitCodeOnExecutionException();
        });
    return commandLine;
  }

  /** The subcommand that ran: the last of the chain the arguments named. */
  private static CommandLine lastCommand(CommandLine.ParseResult parseResult) {
    List<CommandLine> chain = parseResult.asCommandLineList();
    return chain.get(chain.size() - 1);
  }

  /**
   * What a command that ran out of Java heap says, given the heap's limit in bytes ({@link
   * Long#MAX_VALUE} for none): the limit, and the two ways out.
   */
  static String heapRanOut(long maxHeapBytes) {
    String limit =
        maxHeapBytes == Long.MAX_VALUE
            ? ""
            : " (its limit is " + Math.max(1, maxHeapBytes >> 20) + " MiB)";
    return "the Java heap ran out"
        + limit
        + ": ask for less, or give Java more heap, as in java -Xmx8g -jar allot.jar";
  }

  /**
   * The file and the reason for a file system failure, whose own message is often the file alone;
   * any other failure's message. A {@link TraceReadException}'s message already names file, line
   * and reason, and a recorder's failure reaches here already converted ({@code
   * OutputFiles.naming}).
   */
  static String describe(Exception exception) {
    return exception instanceof FileSystemException fileSystem && fileSystem.getFile() != null
        ? fileSystem.getFile() + ": " + TraceReadException.reasonOf(fileSystem)
        : String.valueOf(exception.getMessage());
  }
}
