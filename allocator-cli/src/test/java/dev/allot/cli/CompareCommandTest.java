package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.ForwardingAllocator;
import dev.allot.GrowthPolicy;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReader;
import dev.allot.trace.TraceReplayer;
import dev.allot.workload.WorkloadKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  private static String recordedWorkload(int calls) {
    StringBuilder trace = new StringBuilder();
    RecordedTraces.record(trace, calls, 7);
    return trace.toString();
  }

  /** The trace as a program, read afresh from the text on every run as a file would be. */
  private static TraceProgram program(String trace) {
    return TraceProgram.of(
        () -> TraceReader.of(new StringReader(trace), "recorded"),
        Allocators.strategy("first-fit"));
  }

  /** Runs the program, noting the allocated total after every call. */
  private static List<Allocator> runAll(
      TraceProgram program, String strategy, List<Long> allocatedAfterEachCall) {
    return runAll(program, strategy, 0, allocatedAfterEachCall);
  }

  /** Runs the program compacting every {@code compactEvery} calls, noting the allocated total. */
  private static List<Allocator> runAll(
      TraceProgram program, String strategy, long compactEvery, List<Long> allocatedAfterEachCall) {
    List<Allocator> sections = new ArrayList<>();
    long skipped =
        program.run(
            capacity -> {
              Allocator allocator =
                  Allocators.growing(
                      Allocators.create(strategy, capacity),
                      GrowthPolicy.doubling(),
                      (oldCapacity, newCapacity) -> {},
                      (oldStart, newStart, size) -> {});
              sections.add(allocator);
              return new ForwardingAllocator(allocator) {
                private long note(long result) {
                  allocatedAfterEachCall.add(getCapacity() - getFreeSize());
                  return result;
                }

                @Override
                public long alloc(long size) {
                  return note(super.alloc(size));
                }

                @Override
                public void dealloc(long start, long size) {
                  super.dealloc(start, size);
                  note(0);
                }

                @Override
                public long realloc(long start, long size, long newSize) {
                  return note(super.realloc(start, size, newSize));
                }

                @Override
                public long alloc(long size, long alignment) {
                  return note(super.alloc(size, alignment));
                }

                @Override
                public long realloc(long start, long size, long newSize, long alignment) {
                  return note(super.realloc(start, size, newSize, alignment));
                }
              };
            },
            compactEvery,
            Progress.SILENT);
    assertEquals(0, skipped);
    return sections;
  }

  @Test
  void program_sameStrategyAsRecording_endsExactlyAsLiteralReplay() {
    String trace = recordedWorkload(3_000);
    TraceProgram program = program(trace);
    List<Allocator> sections = runAll(program, "first-fit", new ArrayList<>());

    TraceReplayer literal = new TraceReplayer(Allocators.strategy("first-fit"));
    TraceParser.parse(trace).forEach(literal::apply);
    assertEquals(literal.allocator().getAllocatedRegions(), sections.get(0).getAllocatedRegions());
    assertEquals(literal.allocator().getCapacity(), sections.get(0).getCapacity());
  }

  @Test
  void program_otherStrategy_allocatesTheSameAmountAfterEveryCall() {
    TraceProgram program = program(recordedWorkload(3_000));
    List<Long> firstFit = new ArrayList<>();
    List<Long> bestFit = new ArrayList<>();
    runAll(program, "first-fit", firstFit);
    runAll(program, "best-fit", bestFit);
    // Every alloc, dealloc and realloc that succeeded when recorded (the failed ones were retried).
    assertTrue(firstFit.size() >= 3_000, "calls noted: " + firstFit.size());
    assertEquals(firstFit, bestFit);
  }

  @Test
  void program_alignedTrace_sameStrategyEndsExactlyAsLiteralReplayAndOthersAllocateTheSame() {
    StringBuilder trace = new StringBuilder();
    RecordedTraces.record(trace, WorkloadKind.UNIFORM, 3, 2_000, 5);
    List<TraceOperation> operations = TraceParser.parse(trace.toString());
    assertTrue(
        operations.stream().anyMatch(o -> o.kind() == OperationKind.ALIGNED_ALLOC),
        "the trace holds aligned lines");
    TraceProgram program = program(trace.toString());
    List<Long> firstFit = new ArrayList<>();
    List<Long> bestFit = new ArrayList<>();
    List<Allocator> sections = runAll(program, "first-fit", firstFit);
    runAll(program, "best-fit", bestFit);

    TraceReplayer literal = new TraceReplayer(Allocators.strategy("first-fit"));
    operations.forEach(literal::apply);
    assertEquals(literal.allocator().getAllocatedRegions(), sections.get(0).getAllocatedRegions());
    assertTrue(firstFit.size() >= 4_000, "calls noted: " + firstFit.size());
    assertEquals(firstFit, bestFit);
  }

  @Test
  void program_alignedReallocs_translateMovesAndShrinks() {
    // first-fit keeps 8:4 in place when it shrinks (8 is aligned) and moves 3:2 (3 is not)
    String text =
        """
        capacity 32
        alloc 3
        alloc 2
        alloc 4 8
        realloc 8 4 2 8
        realloc 3 2 1 4
        realloc 0 3 5 16
        dealloc 8 2
        """;
    List<TraceOperation> operations = TraceParser.parse(text);
    TraceProgram program = program(text);
    List<Long> allocated = new ArrayList<>();
    List<Allocator> sections = runAll(program, "best-fit", allocated);
    assertEquals(List.of(3L, 5L, 9L, 7L, 6L, 8L, 6L), allocated);
    TraceReplayer literal = new TraceReplayer(Allocators.strategy("best-fit"));
    operations.forEach(literal::apply);
    assertEquals(literal.allocator().getAllocatedRegions(), sections.get(0).getAllocatedRegions());
  }

  @Test
  void compare_uniformWorkload_runsEveryStrategy() {
    CommandRun run =
        CommandRun.of(
            "compare",
            "--workload",
            "uniform",
            "--live",
            "200",
            "--ops",
            "4000",
            "--strategies",
            "first-fit,best-fit");
    assertEquals(0, run.status(), run.err());
    assertEquals(3, run.out().lines().count(), run.out());
  }

  @Test
  void compare_twoStrategies_printsTableAndWritesChart(@TempDir Path dir) throws IOException {
    Path trace = dir.resolve("sprites.trace");
    StringBuilder text = new StringBuilder();
    RecordedTraces.record(text, 2_000, 3);
    Files.writeString(trace, text);
    Path chart = dir.resolve("chart.svg");

    CommandRun run =
        CommandRun.of(
            "compare",
            "--strategies",
            "best-fit,first-fit",
            trace.toString(),
            "--chart",
            chart.toString());
    assertEquals(0, run.status(), run.err());
    List<String> out = run.out().lines().toList();
    assertTrue(out.get(0).startsWith("strategy"), out.toString());
    Pattern row =
        Pattern.compile(
            "(\\S+) +\\S+ +(\\d+) +(0\\.\\d{3}) +(0\\.\\d{3}|1\\.000) +(\\d+) +(\\d+) +0 +0");
    List<String> names = new ArrayList<>();
    for (String line : out.subList(1, 3)) {
      Matcher m = row.matcher(line);
      assertTrue(m.matches(), line);
      names.add(m.group(1));
      assertTrue(Long.parseLong(m.group(2)) >= 1024, line);
      assertTrue(Long.parseLong(m.group(5)) > 0, "relocations in " + line);
    }
    assertEquals(List.of("best-fit", "first-fit"), names);
    String svg = Files.readString(chart);
    assertEquals(6, svg.split("<polyline").length - 1, "two lines and a legend entry per strategy");
    assertTrue(svg.contains(">best-fit</text>") && svg.contains(">first-fit</text>"), svg);
  }

  @Test
  void compare_traceNamedWithMarkupAndAControlCharacter_writesWellFormedChart(@TempDir Path dir)
      throws IOException {
    // Before, only & < > were escaped: XML parsers refused the chart at the U+0001.
    Path trace = Files.writeString(dir.resolve("a&b<c>\u0001d\".trace"), "capacity 8\nalloc 2\n");
    Path chart = dir.resolve("chart.svg");

    CommandRun run =
        CommandRun.of(
            "compare", "--strategies", "first-fit", trace.toString(), "--chart", chart.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals(
        "Fragmentation and capacity over the run: a&b<c>\uFFFDd\".trace",
        XmlDocuments.text(XmlDocuments.parse(Files.readString(chart)), 0));
  }

  @Test
  void compare_noTrace_failsWithUsage() {
    CommandRun run = CommandRun.of("compare");
    assertEquals(2, run.status());
    // Before, this said "not both" to a user who had given neither.
    assertEquals("Give a TRACE file or --workload KIND.", run.err().lines().findFirst().orElse(""));
  }

  @Test
  void compare_traceAndWorkload_failsWithUsage(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n");
    CommandRun run = CommandRun.of("compare", trace.toString(), "--workload", "churn");
    assertEquals(2, run.status());
    assertEquals(
        "Give a TRACE file or --workload KIND, not both.",
        run.err().lines().findFirst().orElse(""));
  }

  @Test
  void compare_workload_sameRequestsForEveryStrategy() {
    CommandRun run =
        CommandRun.of(
            "compare",
            "--workload",
            "churn",
            "--live",
            "200",
            "--ops",
            "4000",
            "--strategies",
            "first-fit,best-fit");
    assertEquals(0, run.status(), run.err());
    List<String> rows = run.out().lines().skip(1).toList();
    assertEquals(2, rows.size(), run.out());
    for (String row : rows) {
      // churn never reallocs, so no relocations; nothing is skipped in a generated workload.
      assertTrue(row.matches("\\S+ +\\S+ +\\d+ +0\\.\\d{3} +\\d\\.\\d{3} +0 +\\d+ +0 +0"), row);
    }
  }

  @Test
  void workloadProgram_callsCountedAreFillPlusOps() {
    WorkloadProgram program =
        new WorkloadProgram(dev.allot.workload.WorkloadKind.TEXT, 50, 1_000, 3, 1, 64);
    RunMeter meter =
        program.meter(
            Allocators.strategy("first-fit"), GrowthPolicy.doubling(), 1, 0, Progress.SILENT);
    assertTrue(meter.calls() >= 1_050 && meter.calls() <= 1_051, "calls " + meter.calls());
    assertTrue(meter.relocations() > 0);
    assertTrue(meter.growths() > 0);
    assertEquals(meter.calls(), meter.samples());
  }

  /** The fragmentation column of each row of a {@code compare} table, by strategy. */
  private static Map<String, Double> fragmentationByStrategy(String table) {
    Map<String, Double> result = new TreeMap<>();
    table
        .lines()
        .skip(1)
        .forEach(row -> result.put(column(row, 0), Double.valueOf(column(row, 4))));
    return result;
  }

  private static String column(String row, int index) {
    return row.trim().split(" +", -1)[index];
  }

  /**
   * Runs compare on the churn workload of 300 live regions and 6,000 calls, then {@code options};
   * the run must succeed.
   */
  private static CommandRun compareChurn(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("compare", "--workload", "churn", "--live", "300", "--ops", "6000"));
    args.addAll(List.of(options));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, run.status(), run.err());
    return run;
  }

  @Test
  void compare_compactEvery_lowersFinalFragmentationAndReportsMovedIndices() {
    Map<String, Double> without =
        fragmentationByStrategy(compareChurn("--strategies", "first-fit,best-fit").out());
    CommandRun compacting =
        compareChurn("--strategies", "first-fit,best-fit", "--compact-every", "1000");
    Map<String, Double> with = fragmentationByStrategy(compacting.out());
    assertEquals(Set.of("first-fit", "best-fit"), with.keySet(), compacting.out());
    for (String strategy : with.keySet()) {
      assertTrue(
          with.get(strategy) < without.get(strategy),
          strategy + ": " + with.get(strategy) + " against " + without.get(strategy));
    }
    compacting
        .out()
        .lines()
        .skip(1)
        .forEach(row -> assertTrue(Long.parseLong(column(row, 8)) > 0, "moved in " + row));
  }

  @Test
  void compare_compactEveryNotPositive_failsWithUsage() {
    for (String bad : List.of("0", "-5", "often")) {
      CommandRun run = CommandRun.of("compare", "--workload", "churn", "--compact-every", bad);
      assertEquals(2, run.status(), bad);
      assertTrue(run.err().contains("--compact-every"), run.err());
      assertTrue(run.err().contains("Usage:"), run.err());
    }
  }

  @Test
  void compare_compactEveryWithEveryStrategy_runsTheOneThatDoesNotCompactWithout() {
    // The default strategies include tlsf, which refuses compaction: docs/compaction.md's own
    // command (compare --workload churn --compact-every 10000) ended with exit status 1.
    CommandRun run = compareChurn("--compact-every", "1000");
    Map<String, String> rows = new TreeMap<>();
    run.out().lines().skip(1).forEach(row -> rows.put(column(row, 0), row));
    assertEquals(Set.of("first-fit", "best-fit", "tlsf"), rows.keySet(), run.out());
    assertEquals("0", column(rows.get("tlsf"), 8), "tlsf moves nothing: " + rows.get("tlsf"));
    assertTrue(Long.parseLong(column(rows.get("tlsf"), 7)) > 0, "refusals skipped: " + run.out());
    assertTrue(Long.parseLong(column(rows.get("best-fit"), 8)) > 0, run.out());
    assertEquals("0", column(rows.get("best-fit"), 7), run.out());
  }

  @Test
  void compare_traceWithCompactLine_runsEveryStrategyAndSkipsTheRefusedCompaction(@TempDir Path dir)
      throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("c.trace"),
            "capacity 100\nalloc 3\nalloc 5\ndealloc 0 3\ncompact 100 1\ndealloc 0 5\n");
    for (String recordedWith : List.of("first-fit", "tlsf")) {
      CommandRun run = CommandRun.of("compare", "--recorded-with", recordedWith, trace.toString());
      assertEquals(0, run.status(), recordedWith + ": " + run.err());
      Map<String, String> skipped = new TreeMap<>();
      run.out().lines().skip(1).forEach(row -> skipped.put(column(row, 0), column(row, 7)));
      // Recorded with first-fit, the compaction happened: tlsf cannot run it and skips it, then
      // still frees the moved region. Recorded with tlsf, it failed there and is run nowhere.
      String tlsfSkipped = recordedWith.equals("tlsf") ? "0" : "1";
      assertEquals(
          Map.of("best-fit", "0", "first-fit", "0", "tlsf", tlsfSkipped), skipped, run.out());
    }
  }

  @Test
  void compare_callTheRecordingRanButAnotherStrategyRefuses_isSkippedNotTheEndOfTheRun(
      @TempDir Path dir) throws IOException {
    // best-fit grows the region in place up to Long.MAX_VALUE; first-fit must relocate it, which
    // needs more than Long.MAX_VALUE indices: bad input there, and compare ended with status 1.
    Path trace =
        Files.writeString(
            dir.resolve("max.trace"),
            "capacity 9223372036854775807\nalloc 5\nrealloc 0 5 9223372036854775807\n");

    CommandRun run =
        CommandRun.of(
            "compare",
            "--recorded-with",
            "best-fit",
            "--strategies",
            "best-fit,first-fit",
            trace.toString());

    assertEquals(0, run.status(), run.err());
    Map<String, String> skipped = new TreeMap<>();
    run.out().lines().skip(1).forEach(row -> skipped.put(column(row, 0), column(row, 7)));
    assertEquals(Map.of("best-fit", "0", "first-fit", "1"), skipped, run.out());
  }

  @Test
  void compare_movedIndicesPastLongMaxValue_showsTheBoundNotAWrappedCount(@TempDir Path dir)
      throws IOException {
    // Each compaction moves 2^62 + 1 indices: two of them pass Long.MAX_VALUE, and the column
    // showed -9223372036854775806.
    Path trace =
        Files.writeString(
            dir.resolve("moved.trace"),
            """
            capacity 9223372036854775807
            alloc 2
            alloc 4611686018427387904
            dealloc 0 1
            compact 9223372036854775807 1
            alloc 1
            dealloc 0 1
            compact 9223372036854775807 1
            """);

    CommandRun run =
        CommandRun.of("compare", "--strategies", "first-fit,best-fit", trace.toString());

    assertEquals(0, run.status(), run.err());
    Map<String, String> moved = new TreeMap<>();
    run.out().lines().skip(1).forEach(row -> moved.put(column(row, 0), column(row, 8)));
    assertEquals(
        Map.of("best-fit", ">9223372036854775807", "first-fit", ">9223372036854775807"),
        moved,
        run.out());
  }

  /** As for {@code bench}: an alignment the run cannot serve is a usage error naming it. */
  @Test
  void compare_workloadAlignmentTooLargeForTheRun_isAUsageErrorNamingTheOption() {
    CommandRun run =
        CommandRun.of(
            "compare",
            "--workload",
            "uniform",
            "--live",
            "5",
            "--ops",
            "10",
            "--alignment",
            "9223372036854775807");

    assertEquals(2, run.status(), run.err());
    assertEquals(
        "--alignment 9223372036854775807 is too large for this run: alloc(20,"
            + " 9223372036854775807): 9223372036854775807 + 20 exceeds 9223372036854775807",
        run.err().lines().findFirst().orElseThrow());
    assertEquals("", run.out());
  }

  @Test
  void workloadProgram_compactEvery_samplesNoFragmentationRightAfterEachCompaction() {
    WorkloadProgram program =
        new WorkloadProgram(dev.allot.workload.WorkloadKind.CHURN, 100, 2_000, 5, 1, 64);
    RunMeter meter =
        program.meter(
            Allocators.strategy("first-fit"), GrowthPolicy.doubling(), 1, 500, Progress.SILENT);
    // Calls 500 to 2100, one compaction each time a multiple of 500 is passed.
    assertEquals(4, meter.compactions());
    assertTrue(meter.movedIndices() > 0);
    // Each compaction adds a sample at the call it followed: the chart drops there.
    int drops = 0;
    for (int i = 1; i < meter.samples(); i++) {
      if (meter.x(i) == meter.x(i - 1)) {
        assertEquals(0.0, meter.fragmentation(i), "after call " + meter.x(i));
        drops++;
      }
    }
    assertEquals(4, drops);
  }

  @Test
  void program_compactEvery_allocatesTheSameAmountAfterEveryCallAsWithout() {
    TraceProgram program = program(recordedWorkload(3_000));
    List<Long> plain = new ArrayList<>();
    List<Long> compacted = new ArrayList<>();
    List<Allocator> plainSections = runAll(program, "best-fit", plain);
    // Every held start moves with each plan, so each later free and realloc still names its region
    // (runAll checks that none was skipped).
    List<Allocator> sections = runAll(program, "best-fit", 97, compacted);
    assertEquals(plain, compacted);
    assertNotEquals(
        plainSections.get(0).getAllocatedRegions(),
        sections.get(0).getAllocatedRegions(),
        "the compactions moved regions");
  }
}
