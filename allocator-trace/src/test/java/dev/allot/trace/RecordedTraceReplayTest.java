package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the recording decorator writes is a trace this module parses and replays to the same
 * results, retries after growth included.
 */
class RecordedTraceReplayTest {

  @Test
  void recordedTrace_replaysToTheSameResults() {
    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(new TreeMapAllocator(16), trace);
    // The trace is what is checked here, not the data, so growth and moves need no buffer work.
    Allocator growing =
        Allocators.growing(
            recorded,
            GrowthPolicy.doubling(),
            (oldCapacity, newCapacity) -> {},
            (oldStart, newStart, size) -> {});
    List<String> live = new ArrayList<>();
    long a = growing.alloc(10);
    live.add(ReplayFormat.line(new StepResult(StepResult.Outcome.START, a, ""), recorded));
    long b = growing.alloc(10);
    live.add(ReplayFormat.line(new StepResult(StepResult.Outcome.START, b, ""), recorded));
    growing.dealloc(a, 10);
    long c = growing.realloc(b, 10, 30);
    live.add(ReplayFormat.line(new StepResult(StepResult.Outcome.START, c, ""), recorded));

    List<String> replayed = new ArrayList<>();
    TraceReplayer.replay(
        TraceParser.parse(trace.toString()), TreeMapAllocator.strategy(), false, replayed::add);
    assertEquals(replayed.get(replayed.size() - 1), live.get(live.size() - 1));
    assertEquals(recorded.getCapacity(), 64);
    assertEquals(
        List.of(
            "capacity 16",
            "alloc 10",
            "alloc 10",
            "set_capacity 32",
            "alloc 10",
            "dealloc 0 10",
            "realloc 10 10 30",
            "set_capacity 64",
            "realloc 10 10 30"),
        trace.toString().lines().toList());
  }
}
