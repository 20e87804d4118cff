package dev.allot.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line in-process, as a user runs the jar, with stdout and stderr captured.
 *
 * @param status the exit status
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CommandRun(int status, String out, String err) {

  static CommandRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandRun run = writingTo(out, args);
    return new CommandRun(run.status(), out.toString(StandardCharsets.UTF_8), run.err());
  }

  /**
   * Runs the command line with stdout on {@code stdout}, a failing stream for instance, and stderr
   * captured; {@link #out()} is empty.
   */
  static CommandRun writingTo(OutputStream stdout, String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = AllotCommand.commandLine().execute(args);
      return new CommandRun(status, "", err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }
}
