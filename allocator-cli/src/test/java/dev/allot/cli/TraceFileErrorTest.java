package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace that cannot be read ends every trace command the same way: one line on stderr naming the
 * command, the file, the line where there is one and the reason; exit status 1; no stack trace. A
 * byte-order mark is no such problem: the trace reads as it would without one.
 */
class TraceFileErrorTest {

  private static final String TRACE = "capacity 16\nalloc 4\nalloc 6\nalloc 2\ndealloc 4 6\n";

  /** Each trace command, with the file last. */
  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("replay"),
          List.of("replay", "--summary", "--stats"),
          List.of("compare"),
          List.of("map"));

  private static void assertOneLineFailure(Path file, String reason) {
    for (List<String> command : COMMANDS) {
      String[] args = args(command, file);

      CommandRun run = CommandRun.of(args);

      assertEquals(1, run.status(), String.join(" ", args) + "\n" + run.err());
      assertEquals(command.get(0) + ": " + file + ": " + reason + "\n", run.err(), command.get(0));
    }
  }

  private static String[] args(List<String> command, Path file) {
    String[] args = command.toArray(new String[command.size() + 1]);
    args[command.size()] = file.toString();
    return args;
  }

  @Test
  void missingFile_isOneLine(@TempDir Path dir) {
    assertOneLineFailure(dir.resolve("missing.trace"), "no such file");
  }

  @Test
  void directory_isOneLine(@TempDir Path dir) {
    assertOneLineFailure(dir, "is a directory");
  }

  @Test
  void unreadableFile_isOneLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("secret.trace"), TRACE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads any file");

    assertOneLineFailure(file, "permission denied");
  }

  @Test
  void invalidUtf8_isOneLineNamingTheLine(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("capacity 8\n# größe\nalloc ".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.writeBytes("3\n".getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("latin1.trace"), bytes.toByteArray());

    assertOneLineFailure(file, "line 3: not UTF-8 (byte 0xff at byte 7 of the line)");
  }

  @Test
  void invalidUtf8_replayPrintsTheLinesBeforeIt(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("capacity 8\nalloc 2\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC0);
    Path file = Files.write(dir.resolve("cut.trace"), bytes.toByteArray());

    CommandRun run = CommandRun.of("replay", file.toString());

    assertEquals(
        "ok regions=- free=8 fragmented=0\nstart=0 regions=0:2 free=6 fragmented=0\n", run.out());
  }

  @Test
  void byteOrderMark_everyCommandReadsTheTraceAsWithout(@TempDir Path dir) throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.trace"), TRACE);
    Path marked = Files.writeString(dir.resolve("marked.trace"), "\uFEFF" + TRACE);

    for (List<String> command :
        List.of(List.of("replay"), List.of("replay", "--summary"), List.of("map"))) {
      CommandRun withMark = CommandRun.of(args(command, marked));
      CommandRun without = CommandRun.of(args(command, plain));

      assertEquals(0, withMark.status(), withMark.err());
      assertEquals(without.out().replace("plain", "marked"), withMark.out(), command.toString());
    }
    CommandRun compare = CommandRun.of("compare", "--strategies", "first-fit", marked.toString());
    // strategy, ops/s, peak capacity 16, usage 0.375 (6 of 16), fragmentation 0.600, 0 skipped
    assertEquals(0, compare.status(), compare.err());
    String row = compare.out().lines().toList().get(1);
    assertEquals(List.of("first-fit", "16", "0.375", "0.600"), fields(row, 0, 2, 3, 4), row);
  }

  private static List<String> fields(String row, int... indices) {
    String[] all = row.trim().split(" +", -1);
    return java.util.Arrays.stream(indices).mapToObj(i -> all[i]).toList();
  }

  @Test
  void outputFileInMissingDirectory_isOneLine(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), TRACE);
    Path chart = dir.resolve("missing").resolve("chart.svg");
    Path recording = dir.resolve("missing").resolve("bench.trace");

    CommandRun compare = CommandRun.of("compare", trace.toString(), "--chart", chart.toString());
    CommandRun bench =
        CommandRun.of("bench", "--live", "5", "--ops", "5", "--record", recording.toString());

    assertEquals(1, compare.status(), compare.err());
    assertEquals("compare: " + chart + ": no such file\n", compare.err());
    assertEquals(1, bench.status(), bench.err());
    assertEquals("bench: " + recording + ": no such file\n", bench.err());
  }

  /**
   * An output file that opens but cannot be written: Linux's {@code /dev/full} fails every write
   * with ENOSPC. Before, the message was the bare reason, {@code compare: No space left on device},
   * and for {@code bench --record} the recorder's line number without file or reason.
   */
  @Test
  void outputFileOnAFullDevice_isOneLineNamingTheFile(@TempDir Path dir) throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "no /dev/full here");
    Path trace = Files.writeString(dir.resolve("t.trace"), TRACE);
    List<List<String>> commands =
        List.of(
            List.of("compare", trace.toString(), "--chart", full.toString()),
            List.of("map", trace.toString(), "--out", full.toString()),
            List.of("bench", "--live", "5", "--ops", "5", "--record", full.toString()));
    for (List<String> command : commands) {
      CommandRun run = CommandRun.of(command.toArray(String[]::new));

      assertEquals(1, run.status(), command + "\n" + run.err());
      // The system's reason, in lower case as an input file's (before, "No space left on device");
      // its words follow the locale.
      assertTrue(
          run.err().matches(command.get(0) + ": /dev/full: [^A-Z:\n][^:\n]*\n"),
          command + ": " + run.err());
    }
  }

  /**
   * Before, the table of every strategy, or the map, was printed first and the command failed only
   * when it came to write the file.
   */
  @Test
  void outputFileThatCannotBeCreated_failsBeforeTheWork(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), TRACE);
    Path chart = dir.resolve("missing").resolve("chart.svg");
    Path picture = dir.resolve("map.svg");
    Path compacted = Files.createDirectory(dir.resolve("map-compacted.svg"));

    CommandRun compare = CommandRun.of("compare", trace.toString(), "--chart", chart.toString());
    CommandRun map =
        CommandRun.of("map", trace.toString(), "--compact", "--out", picture.toString());

    assertEquals(1, compare.status(), compare.err());
    assertEquals("compare: " + chart + ": no such file\n", compare.err());
    assertEquals("", compare.out());
    assertEquals(1, map.status(), map.err());
    assertEquals("map: " + compacted + ": is a directory\n", map.err());
    assertEquals("", map.out());
    assertFalse(Files.exists(picture), "the first picture was written");
  }

  /** The reason in the words of an input file's, not the system's {@code Is a directory}. */
  @Test
  void outputFileThatIsADirectory_isOneLineInTheWordsOfAnInputFile(@TempDir Path dir)
      throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), TRACE);
    String out = Files.createDirectory(dir.resolve("out")).toString();
    List<List<String>> commands =
        List.of(
            List.of("compare", trace.toString(), "--chart", out),
            List.of("map", trace.toString(), "--out", out),
            List.of("bench", "--live", "5", "--ops", "5", "--record", out));
    for (List<String> command : commands) {
      CommandRun run = CommandRun.of(command.toArray(String[]::new));

      assertEquals(1, run.status(), command + "\n" + run.err());
      assertEquals(
          command.get(0) + ": " + out + ": is a directory\n", run.err(), command.toString());
    }
  }

  /** Runs the command line with stdout on a device that is full, as {@code > /dev/full} is. */
  private static CommandRun withFullStandardOutput(String... args) {
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    return CommandRun.writingTo(full, args);
  }

  @Test
  void standardOutputThatCannotBeWritten_isOneLineAndStatusOne(@TempDir Path dir)
      throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), TRACE);
    for (List<String> command : COMMANDS) {
      String[] args = args(command, trace);

      CommandRun run = withFullStandardOutput(args);

      // Before, every command exited 0 with its whole output lost: PrintStream keeps write errors.
      assertEquals(1, run.status(), String.join(" ", args) + "\n" + run.err());
      // replay --stats prints its figures to stderr first; the failure is the last line.
      assertTrue(
          run.err().endsWith("\n" + command.get(0) + ": standard output: write error\n")
              || run.err().equals(command.get(0) + ": standard output: write error\n"),
          run.err());
    }
  }
}
