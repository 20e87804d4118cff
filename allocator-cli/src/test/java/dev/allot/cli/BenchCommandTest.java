package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.firstfit.FirstFitStrategy;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bench} line format, and that a recorded run replays without a failed operation. */
class BenchCommandTest {

  /** The one line bench prints. */
  private static final Pattern LINE =
      Pattern.compile(
          "strategy=first-fit live=(\\d+) ops=(\\d+) ns_per_op=\\d+\\.\\d p50_ns=(\\d+) p99_ns=(\\d+)"
              + " p99.9_ns=(\\d+) max_ns=(\\d+) timer_ns=\\d+ fragmentation=(\\d\\.\\d{4})\\R");

  @Test
  void bench_churn_printsOneLineWithTheRequestedCounts() {
    Matcher line =
        LINE.matcher(run("bench", "--strategy", "first-fit", "--live", "300", "--ops", "1000"));
    assertTrue(line.matches(), line.toString());
    assertEquals("300", line.group(1));
    assertEquals("1000", line.group(2)); // 500 churn steps of two operations
    long p50 = Long.parseLong(line.group(3));
    long p99 = Long.parseLong(line.group(4));
    long p999 = Long.parseLong(line.group(5));
    long max = Long.parseLong(line.group(6));
    assertTrue(0 <= p50 && p50 <= p99 && p99 <= p999 && p999 <= max, line.group());
    double fragmentation = Double.parseDouble(line.group(7));
    assertTrue(fragmentation >= 0 && fragmentation <= 1, line.group(7));
  }

  @Test
  void bench_record_writesATraceThatReplaysWithoutFailures(@TempDir Path directory)
      throws IOException {
    Path trace = directory.resolve("churn.trace");
    run(
        "bench",
        "--strategy",
        "first-fit",
        "--live",
        "200",
        "--ops",
        "400",
        "--seed",
        "3",
        "--record",
        trace.toString());
    List<String> lines = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), new FirstFitStrategy(), false, lines::add);
    assertTrue(lines.size() > 200 + 2 * 400, "fill, warm-up and timed operations: " + lines.size());
    assertTrue(
        lines.stream().noneMatch(l -> l.startsWith("invalid")), "a recorded call was rejected");
    long failures = lines.stream().filter(l -> l.startsWith("memory=")).count();
    long growths =
        Files.readAllLines(trace).stream().filter(l -> l.startsWith("set_capacity")).count();
    assertTrue(
        failures > 0 && failures <= growths, failures + " failures, " + growths + " growths");
  }

  @Test
  void bench_uniformWorkloadWithAlignment_namesTheAlignmentAndRecordsAlignedLines(
      @TempDir Path directory) throws IOException {
    Path trace = directory.resolve("uniform.trace");
    String line =
        run(
            "bench",
            "--strategy",
            "first-fit",
            "--workload",
            "uniform",
            "--alignment",
            "4",
            "--live",
            "100",
            "--ops",
            "200",
            "--record",
            trace.toString());
    assertTrue(
        line.matches("strategy=first-fit live=100 alignment=4 ops=200 ns_per_op=.*\\R"), line);
    List<String> recorded = Files.readAllLines(trace);
    assertEquals("capacity 0", recorded.get(0));
    assertTrue(recorded.get(1).endsWith("--seed 1 --alignment 4"), recorded.get(1));
    assertTrue(recorded.stream().anyMatch(l -> l.matches("alloc \\d+ 256")), "uniform ranges");
    assertTrue(recorded.stream().anyMatch(l -> l.matches("alloc \\d+ 4")), "vertex ranges");
    List<String> lines = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), new FirstFitStrategy(), false, lines::add);
    assertTrue(
        lines.stream().noneMatch(l -> l.startsWith("invalid")), "a recorded call was rejected");
  }

  private static String run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertEquals(0, AllotCommand.commandLine().execute(args));
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /**
   * An alignment the option takes but the run cannot serve, its needed capacity past {@code
   * Long.MAX_VALUE}: a usage error naming the option. Before, status 1 with the allocator's message
   * alone, the status of a file that cannot be read.
   */
  @Test
  void bench_alignmentTooLargeForTheRun_isAUsageErrorNamingTheOption() {
    CommandRun run =
        CommandRun.of("bench", "--live", "10", "--ops", "10", "--alignment", "9223372036854775807");

    assertEquals(2, run.status(), run.err());
    assertEquals(
        "--alignment 9223372036854775807 is too large for this run: alloc(30,"
            + " 9223372036854775807): 9223372036854775807 + 30 exceeds 9223372036854775807",
        run.err().lines().findFirst().orElseThrow());
  }
}
