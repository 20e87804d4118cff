package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.BrokenProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReplayerTest {

  private final ScriptedStrategy strategy = new ScriptedStrategy();

  private List<String> replay(String trace, boolean summaryOnly) {
    List<String> lines = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), strategy, summaryOnly, lines::add);
    return lines;
  }

  @Test
  void replay_beforeFirstCapacity_isInvalidWithNoAllocator() {
    assertEquals(List.of("invalid regions=- free=0 fragmented=0"), replay("alloc 3\n", false));
    assertEquals(List.of(), strategy.calls);
  }

  @Test
  void replay_fileWithLinesLongerThanTheCap_printsInvalidForGarbageAndGoesOn(@TempDir Path dir)
      throws IOException {
    String padding = " ".repeat(2 * Utf8Lines.MAX_LINE_BYTES);
    String text =
        "capacity 10\n# "
            + padding
            + "\nalloc"
            + padding
            + "3\ngarbage"
            + padding
            + "garbage\nalloc 2\n";
    List<String> lines = new ArrayList<>();

    try (TraceReader trace = TraceReader.open(Files.writeString(dir.resolve("t.trace"), text))) {
      TraceReplayer.replay(trace, strategy, false, lines::add);
    }

    assertEquals(replay("capacity 10\nalloc 3\ngarbage\nalloc 2\n", false), lines);
    assertEquals("invalid regions=1:2,5:1 free=7 fragmented=3", lines.get(2));
  }

  @Test
  void replay_everyKind_callsTheAllocatorAndReportsItsResult() {
    List<String> lines =
        replay("capacity 10\nalloc 3\ndealloc 1 2\nrealloc 5 1 4\nset_capacity 20\n", false);

    assertEquals(
        List.of("create 10", "alloc 3", "dealloc 1 2", "realloc 5 1 4", "set_capacity 20"),
        strategy.calls);
    assertEquals(
        List.of(
            "ok regions=1:2,5:1 free=7 fragmented=3",
            "start=30 regions=1:2,5:1 free=7 fragmented=3",
            "ok regions=1:2,5:1 free=7 fragmented=3",
            "start=6 regions=1:2,5:1 free=7 fragmented=3",
            "ok regions=1:2,5:1 free=17 fragmented=3"),
        lines);
  }

  @Test
  void apply_strategyCreatesNull_failsNamingTheProvider() {
    TraceReplayer replayer = new TraceReplayer(new BrokenProviders.CreatesNull());

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, 10)));
    assertEquals(
        "AllocationStrategy 'creates-null' (dev.allot.fixture.BrokenProviders$CreatesNull) returned null"
            + " from create(10); a strategy must return a new allocator",
        e.getMessage());
  }

  @Test
  void replay_alignedLines_callTheAlignedMethods() {
    List<String> lines = replay("capacity 10\nalloc 3 8\nrealloc 5 1 4 16\n", false);

    assertEquals(List.of("create 10", "alloc 3 8", "realloc 5 1 4 16"), strategy.calls);
    assertEquals(
        List.of(
            "ok regions=1:2,5:1 free=7 fragmented=3",
            "start=300 regions=1:2,5:1 free=7 fragmented=3",
            "start=7 regions=1:2,5:1 free=7 fragmented=3"),
        lines);
  }

  @Test
  void apply_alignmentTheStrategyRefuses_isInvalidNamingTheStrategy() {
    TraceReplayer replayer = new TraceReplayer(strategy);
    replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, 10));

    StepResult alloc = replayer.apply(TraceOperation.of(OperationKind.ALIGNED_ALLOC, 2, 3, 32));
    StepResult realloc =
        replayer.apply(TraceOperation.of(OperationKind.ALIGNED_REALLOC, 3, 0, 3, 6, 64));

    assertEquals(
        new StepResult(
            StepResult.Outcome.INVALID,
            0,
            "alloc(3, 32): strategy scripted does not support alignment above 1"),
        alloc);
    assertEquals(
        "realloc(0, 3, 6, 64): strategy scripted does not support alignment above 1",
        realloc.detail());
    assertEquals(List.of("create 10"), strategy.calls);
  }

  @Test
  void apply_compactionTheStrategyRefuses_isInvalidNamingTheStrategy() {
    TraceReplayer replayer = new TraceReplayer(strategy);
    replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, 10));

    // The scripted allocator has fragmented space and no compaction (as tlsf): it refuses.
    StepResult result = replayer.apply(TraceOperation.of(OperationKind.COMPACT, 2, 64, 1));

    assertEquals(
        new StepResult(
            StepResult.Outcome.INVALID,
            0,
            "compact(64, 1): strategy scripted does not support compaction"),
        result);
    assertNull(replayer.lastPlan());
  }

  @Test
  void replay_compactLineOnAStrategyThatDoesNotCompact_goesOnToTheEnd() {
    List<String> lines = replay("capacity 10\ncompact 64 1\nalloc 3\n", false);

    assertEquals(
        List.of(
            "ok regions=1:2,5:1 free=7 fragmented=3",
            "invalid regions=1:2,5:1 free=7 fragmented=3",
            "start=30 regions=1:2,5:1 free=7 fragmented=3"),
        lines);
  }

  @Test
  void apply_memoryFailure_isMemoryWithRequestedCapacity() {
    TraceReplayer replayer = new TraceReplayer(strategy);
    replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, 10));

    StepResult result = replayer.apply(TraceOperation.of(OperationKind.ALLOC, 2, 99));

    assertEquals(new StepResult(StepResult.Outcome.MEMORY, 123, ""), result);
    assertEquals("memory=123", result.field());
  }

  @Test
  void apply_badInput_isInvalidWithTheMessage() {
    TraceReplayer replayer = new TraceReplayer(strategy);
    replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, 10));

    StepResult result = replayer.apply(TraceOperation.of(OperationKind.ALLOC, 2, -1));

    assertEquals(
        new StepResult(StepResult.Outcome.INVALID, 0, "alloc(-1): negative number -1"), result);
    assertEquals("invalid", result.field());
  }

  @Test
  void apply_negativeCapacity_isInvalidAndKeepsNoAllocator() {
    TraceReplayer replayer = new TraceReplayer(strategy);

    StepResult result = replayer.apply(TraceOperation.of(OperationKind.CAPACITY, 1, -4));

    assertEquals("create(-4): negative number -4", result.detail());
    assertNull(replayer.allocator());
  }

  @Test
  void apply_malformedLine_isInvalidNamingLineAndProblem() {
    StepResult result = new TraceReplayer(strategy).apply(TraceParser.parseLine("defragment 1", 9));

    assertEquals(
        new StepResult(StepResult.Outcome.INVALID, 0, "line 9: unknown operation 'defragment'"),
        result);
  }

  @Test
  void apply_noCapacityYet_namesTheLine() {
    StepResult result =
        new TraceReplayer(strategy).apply(TraceOperation.of(OperationKind.DEALLOC, 4, 0, 1));

    assertEquals("line 4: no capacity line before it", result.detail());
  }

  @Test
  void replay_summary_printsTheLastLineOfEachTraceIncludingAPreamble() {
    List<String> lines =
        replay("alloc 1\nalloc 2\ncapacity 10\nalloc 3\ncapacity 4\nalloc 99\n", true);

    assertEquals(
        List.of(
            "invalid regions=- free=0 fragmented=0",
            "start=30 regions=1:2,5:1 free=7 fragmented=3",
            "memory=123 regions=1:2,5:1 free=1 fragmented=3"),
        lines);
  }

  @Test
  void replay_negativeCapacityLine_isInvalidAndTheTraceBeforeItGoesOn() {
    String trace = "capacity 10\nalloc 3\ncapacity -1\nalloc 2\n";

    List<String> all = replay(trace, false);
    assertEquals(List.of("create 10", "alloc 3", "alloc 2"), strategy.calls);
    List<String> summary = replay(trace, true);

    assertTrue(all.get(2).startsWith("invalid "), all.get(2));
    assertEquals(all.get(1).substring(all.get(1).indexOf(' ')), all.get(2).substring(7));
    // One trace: before, the summary ended it at the invalid line and printed two lines.
    assertEquals(List.of(all.get(3)), summary);
  }

  @Test
  void time_appliesEveryOperation() {
    List<TraceOperation> operations = TraceParser.parse("capacity 10\nalloc 3\nalloc 4\n");
    long before = System.nanoTime();
    long nanos = TraceReplayer.time(operations, strategy);
    long around = System.nanoTime() - before;

    assertEquals(List.of("create 10", "alloc 3", "alloc 4"), strategy.calls);
    // not a speed assertion: the timed loop lies inside the interval measured around the call
    assertTrue(nanos > 0 && nanos <= around, "elapsed " + nanos + " within " + around);
  }

  /** Hands out {@code count} operations of a trace, then fails as a file read part-way would. */
  private static Iterator<TraceOperation> failingAfter(String trace, int count) {
    Iterator<TraceOperation> operations = TraceParser.parse(trace).subList(0, count).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (!operations.hasNext()) {
          throw new IllegalStateException("read past operation " + count);
        }
        return true;
      }

      @Override
      public TraceOperation next() {
        return hasNext() ? operations.next() : null;
      }
    };
  }

  @Test
  void replay_iterator_handsOverEachLineBeforeReadingTheNextOperation() {
    List<String> lines = new ArrayList<>();

    assertThrows(
        IllegalStateException.class,
        () ->
            TraceReplayer.replay(
                failingAfter("capacity 10\nalloc 3\nalloc 4\n", 2), strategy, false, lines::add));

    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("create 10", "alloc 3"), strategy.calls);
  }

  @Test
  void replay_iteratorSummary_printsTheLastLineOfEachTraceAsTheListDoes() {
    String trace = "capacity 10\nalloc 3\ncapacity 4\nalloc 1\nalloc 2\ncapacity 6\n";
    List<String> fromList = replay(trace, true);
    List<String> fromIterator = new ArrayList<>();

    TraceReplayer.replay(
        TraceParser.parse(trace).iterator(), new ScriptedStrategy(), true, fromIterator::add);

    assertEquals(3, fromList.size());
    assertEquals(fromList, fromIterator);
  }

  @Test
  void time_iterator_appliesAndCountsOperationsAcrossBatches() {
    String trace = "capacity 10\n" + "alloc 1\n".repeat(9_999);

    ApplyTime time = TraceReplayer.time(TraceParser.parse(trace).iterator(), strategy);

    assertEquals(10_000, time.operations());
    assertEquals(10_000, strategy.calls.size());
    assertTrue(time.nanos() > 0);
  }
}
