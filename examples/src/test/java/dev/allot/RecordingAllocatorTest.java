package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingAllocatorTest {

  @Test
  void calls_writtenAsTraceLinesIncludingFailures() {
    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(Allocators.create("first-fit", 8), trace);
    long a = recorded.alloc(5);
    recorded.realloc(a, 5, 2);
    assertThrows(AllocatorMemoryException.class, () -> recorded.alloc(9));
    assertThrows(IllegalArgumentException.class, () -> recorded.dealloc(6, 1));
    recorded.setCapacity(12);
    recorded.dealloc(0, 2);
    assertEquals(
        "capacity 8\nalloc 5\nrealloc 0 5 2\nalloc 9\ndealloc 6 1\nset_capacity 12\ndealloc 0 2\n",
        trace.toString());
  }

  @Test
  void recordedTrace_replaysToTheSameResults() {
    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(Allocators.create("first-fit", 16), trace);
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
        TraceParser.parse(trace.toString()),
        Allocators.strategy("first-fit"),
        false,
        replayed::add);
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

  @Test
  void recording_nonEmptyAllocator_illegalArgument() {
    Allocator used = Allocators.create("first-fit", 8);
    used.alloc(1);
    StringBuilder trace = new StringBuilder();
    assertThrows(IllegalArgumentException.class, () -> Allocators.recording(used, trace));
    assertEquals("", trace.toString());
  }

  @Test
  void call_appendableFails_uncheckedAndCallNotMade() {
    Allocator allocator = Allocators.create("first-fit", 8);
    Appendable[] target = {new StringBuilder()};
    Allocator recorded =
        Allocators.recording(
            allocator,
            new Appendable() {
              @Override
              public Appendable append(CharSequence text) throws IOException {
                if (text.toString().startsWith("alloc")) {
                  throw new IOException("disk full");
                }
                return target[0].append(text);
              }

              @Override
              public Appendable append(CharSequence text, int start, int end) throws IOException {
                return append(text.subSequence(start, end));
              }

              @Override
              public Appendable append(char c) throws IOException {
                return append(String.valueOf(c));
              }
            });
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> recorded.alloc(3));
    assertEquals("disk full", e.getCause().getMessage());
    assertEquals(true, allocator.isEmpty());
    assertEquals("capacity 8\n", target[0].toString());
  }
}
