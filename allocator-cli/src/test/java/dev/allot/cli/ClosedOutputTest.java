package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that closes standard output early ({@code allot replay t.trace | head}) stops the
 * command at the write that finds out, with status 0 and nothing on stderr; any other write failure
 * is still reported (see {@link TraceFileErrorTest}).
 */
class ClosedOutputTest {

  /** A pipe whose reader has gone: every write fails as the JDK reports EPIPE. */
  private static final class ClosedPipe extends OutputStream {
    int failedWrites;

    @Override
    public void write(int b) throws IOException {
      failedWrites++;
      throw new IOException("Broken pipe");
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      write(0);
    }
  }

  /** A trace whose replay prints far more than the buffers between the command and the pipe. */
  private static Path longTrace(Path dir) throws IOException {
    Path trace = dir.resolve("long.trace");
    try (Writer out = Files.newBufferedWriter(trace)) {
      RecordedTraces.record(out, 40_000, 7);
    }
    return trace;
  }

  private static CommandRun withClosedPipe(ClosedPipe pipe, String... args) {
    return CommandRun.writingTo(
        new BufferedOutputStream(new StandardOutput(pipe, () -> false)), args);
  }

  @Test
  void replay_readerClosedTheOutput_stopsAtOnceWithStatusZeroAndNoMessage(@TempDir Path dir)
      throws IOException {
    Path trace = longTrace(dir);
    ClosedPipe pipe = new ClosedPipe();

    CommandRun run = withClosedPipe(pipe, "replay", trace.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    // Run to its end, replay would have written its 64 KiB buffer dozens of times (over 2 MB of
    // lines); stopped, it fails once, and once more when its finally flushes what is left.
    assertTrue(pipe.failedWrites <= 2, "writes after the reader left: " + pipe.failedWrites);
  }

  @Test
  void everyCommand_readerClosedTheOutput_isStatusZeroAndNoMessage(@TempDir Path dir)
      throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), "capacity 16\nalloc 4\nalloc 6\n");
    List<List<String>> commands =
        List.of(
            List.of("replay", "--summary", trace.toString()),
            List.of("compare", trace.toString()),
            List.of("map", trace.toString()),
            List.of("bench", "--live", "5", "--ops", "5"),
            List.of("demo"),
            List.of("--help"),
            List.of("help", "replay"),
            List.of("--version"));
    for (List<String> command : commands) {
      ClosedPipe pipe = new ClosedPipe();

      CommandRun run = withClosedPipe(pipe, command.toArray(String[]::new));

      assertEquals(0, run.status(), command + "\n" + run.err());
      assertEquals("", run.err(), command.toString());
      assertTrue(pipe.failedWrites > 0, command + " wrote nothing, so this tested nothing");
    }
  }

  @Test
  void write_otherFailureOnAFile_staysAnIOException() {
    StandardOutput output =
        new StandardOutput(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            },
            () -> false);

    IOException failure = assertThrows(IOException.class, () -> output.write(new byte[4], 0, 4));

    assertEquals("No space left on device", failure.getMessage());
  }

  @Test
  void write_anyFailureOnAPipe_isTheReaderClosingIt() {
    IOException localized = new IOException("Relais brisé"); // EPIPE in another locale
    StandardOutput output =
        new StandardOutput(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw localized;
              }
            },
            () -> true);

    OutputClosedException closed = assertThrows(OutputClosedException.class, () -> output.write(1));

    assertEquals(localized, closed.getCause());
  }

  @Test
  void write_brokenPipeMessage_isTheReaderClosingItWhereNoPipeCanBeSeen() {
    ClosedPipe pipe = new ClosedPipe();
    StandardOutput output = new StandardOutput(pipe, () -> false);

    assertThrows(OutputClosedException.class, () -> output.write(new byte[2], 0, 2));
    assertThrows(OutputClosedException.class, () -> output.write(2));
  }

  @Test
  void write_readerStillThere_passesEveryByteThrough() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    StandardOutput output =
        new StandardOutput(
            sink,
            () -> {
              throw new AssertionError("asked whether a pipe without a failure");
            });

    output.write('a');
    output.write("bcd".getBytes(StandardCharsets.US_ASCII), 1, 2);
    output.flush();

    assertArrayEquals("acd".getBytes(StandardCharsets.US_ASCII), sink.toByteArray());
  }

  /** The jar's own main, in a process of its own, whose stdout is a pipe that this test closes. */
  @Test
  void main_pipeClosedByItsReader_exitsZeroSilently(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path trace = longTrace(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AllotCommand.class.getName(),
                "replay",
                trace.toString())
            .start();
    process.getOutputStream().close();
    try (InputStream out = process.getInputStream()) {
      assertFalse(out.read() < 0, "no output: the pipe was never written"); // then read no more
    }
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(ended, "still running after its reader left");
    assertEquals(0, process.exitValue(), err);
    assertEquals("", err);
  }
}
