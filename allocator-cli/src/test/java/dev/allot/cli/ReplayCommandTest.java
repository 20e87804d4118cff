package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the command line in-process, as a user would run the jar, and reads what it printed. */
class ReplayCommandTest {

  /** The example of docs/spec/trace-format.md, then a second trace and a malformed line. */
  private static final String TRACE =
      "capacity 10\nalloc 3\nalloc 20\ndealloc 0 2\ncapacity 4\ncompact 1\nalloc 4\n";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private Path trace(Path dir) throws IOException {
    return Files.writeString(dir.resolve("example.trace"), TRACE);
  }

  @Test
  void replay_printsOneSpecLinePerOperation(@TempDir Path dir) throws IOException {
    int status =
        AllotCommand.commandLine()
            .execute("replay", "--strategy", "first-fit", trace(dir).toString());

    assertEquals(0, status);
    assertEquals(
        """
        ok regions=- free=10 fragmented=0
        start=0 regions=0:3 free=7 fragmented=0
        memory=23 regions=0:3 free=7 fragmented=0
        ok regions=2:1 free=9 fragmented=2
        ok regions=- free=4 fragmented=0
        invalid regions=- free=4 fragmented=0
        start=0 regions=0:4 free=0 fragmented=0
        """,
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replay_linesLongerThanOneMebibyte_printTheirOperationOrInvalidAndGoOn(@TempDir Path dir)
      throws IOException {
    // A comment, a padded alloc and a line of no operation, 2 MiB each.
    String padding = " ".repeat(2 << 20);
    String text =
        "capacity 10\n#"
            + padding
            + "\nalloc"
            + padding
            + "3\n"
            + "\0".repeat(2 << 20)
            + "\nalloc 2\n";
    Path file = Files.writeString(dir.resolve("long.trace"), text);

    int status =
        AllotCommand.commandLine().execute("replay", "--strategy", "first-fit", file.toString());

    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(
        """
        ok regions=- free=10 fragmented=0
        start=0 regions=0:3 free=7 fragmented=0
        invalid regions=0:3 free=7 fragmented=0
        start=3 regions=0:5 free=5 fragmented=0
        """,
        out.toString(StandardCharsets.UTF_8));
  }

  /**
   * The shared corpora replay byte for byte through the command, as {@code .ci/run} replays them
   * through the jar: each NAME.trace with the strategy its name ends with.
   */
  @ParameterizedTest
  @ValueSource(strings = {"first-fit", "best-fit", "aligned-first-fit", "aligned-best-fit"})
  void replay_sharedCorpus_printsItsOutFileExactly(String corpus) throws IOException {
    String shared = System.getProperty("allot.shared.dir");
    assumeTrue(shared != null, "allot.shared.dir is not set");
    Path trace = Path.of(shared, "conformance", corpus + ".trace");
    Path expected = Path.of(shared, "conformance", corpus + ".out");
    assumeTrue(Files.isRegularFile(trace) && Files.isRegularFile(expected), "no corpus " + trace);
    String strategy = corpus.replaceFirst("^aligned-", "");

    int status =
        AllotCommand.commandLine().execute("replay", "--strategy", strategy, trace.toString());

    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<String> want = Files.readAllLines(expected, StandardCharsets.UTF_8);
    List<String> got = out.toString(StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      assertEquals(want.get(i), got.get(i), corpus + ".out line " + (i + 1));
    }
    assertEquals(want.size(), got.size(), "lines of " + corpus + ".out");
    assertArrayEquals(Files.readAllBytes(expected), out.toByteArray(), "bytes of " + corpus);
  }

  @Test
  void replay_alignedLines_followTheAlignedRules(@TempDir Path dir) throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("aligned.trace"),
            "capacity 16\nalloc 3\nalloc 4 8\nalloc 2 0\nrealloc 8 4 6 8\nalloc 9 8\n");
    int status =
        AllotCommand.commandLine().execute("replay", "--strategy", "best-fit", trace.toString());

    assertEquals(0, status);
    assertEquals(
        """
        ok regions=- free=16 fragmented=0
        start=0 regions=0:3 free=13 fragmented=0
        start=8 regions=0:3,8:4 free=9 fragmented=5
        invalid regions=0:3,8:4 free=9 fragmented=5
        start=8 regions=0:3,8:6 free=7 fragmented=5
        memory=25 regions=0:3,8:6 free=7 fragmented=5
        """,
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replay_summary_printsLastLineOfEachTrace(@TempDir Path dir) throws IOException {
    AllotCommand.commandLine().execute("replay", "--summary", trace(dir).toString());

    assertEquals(
        """
        ok regions=2:1 free=9 fragmented=2
        start=0 regions=0:4 free=0 fragmented=0
        """,
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replay_stats_reportsOperationsAndTimeOnStderr(@TempDir Path dir) throws IOException {
    AllotCommand.commandLine().execute("replay", "--stats", trace(dir).toString());

    String stats = err.toString(StandardCharsets.UTF_8);
    assertTrue(stats.matches("ops=7 apply_ns=\\d+\\R"), stats);
    assertEquals(7, out.toString(StandardCharsets.UTF_8).lines().count());
  }

  /** Runs the command line with {@code input} as standard input; returns the status. */
  private static int withStandardInput(byte[] input, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input));
      return AllotCommand.commandLine().execute(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void replay_dash_readsStandardInputBetweenFilesAsAFile(@TempDir Path dir) throws IOException {
    String file = trace(dir).toString();
    int status =
        withStandardInput(
            TRACE.getBytes(StandardCharsets.UTF_8), "replay", "--summary", file, "-", file);

    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    String summary =
        "ok regions=2:1 free=9 fragmented=2\nstart=0 regions=0:4 free=0 fragmented=0\n";
    assertEquals(summary.repeat(3), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replay_dashWithInvalidUtf8_failsNamingStandardInput() {
    byte[] input = {'c', 'a', 'p', 'a', 'c', 'i', 't', 'y', ' ', '8', '\n', 'a', (byte) 0xFF, '\n'};

    int status = withStandardInput(input, "replay", "-");

    assertEquals(1, status);
    assertEquals(
        "replay: standard input: line 2: not UTF-8 (byte 0xff at byte 2 of the line)\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("ok regions=- free=8 fragmented=0\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replay_unknownStrategy_failsNamingWhatIsThere(@TempDir Path dir) throws IOException {
    int status =
        AllotCommand.commandLine().execute("replay", "--strategy", "nope", trace(dir).toString());

    assertEquals(2, status, "a usage error");
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("No allocation strategy named 'nope'"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void demo_showsTheStrategyAndMaps() {
    assertEquals(0, AllotCommand.commandLine().execute("demo"));

    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Showing: first-fit"), text);
    assertTrue(text.contains("|############--##########--------|  blocks 0:12,14:10"), text);
  }
}
