package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder when the call itself fails after its line was written, and when the recording thread
 * is interrupted: the trace stays true to the allocator either way.
 */
class RecordingCallFailureTest {

  /** A delegate whose {@code alloc(3)} throws {@code failure}, changing nothing. */
  private static Allocator failingOnAllocOfThree(Throwable failure) {
    return new ForwardingAllocator(new TreeMapAllocator(16)) {
      @Override
      public long alloc(long size) {
        if (size == 3) {
          throw unchecked(failure);
        }
        return super.alloc(size);
      }
    };
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return (RuntimeException) failure;
  }

  /** A delegate that makes two calls, then throws {@code failure} from every call that changes. */
  private static Allocator failingAfterTwoCalls(Throwable failure) {
    int[] calls = {0};
    return new ForwardingAllocator(new TreeMapAllocator(16)) {
      private void count() {
        if (++calls[0] > 2) {
          throw unchecked(failure);
        }
      }

      @Override
      public long alloc(long size) {
        count();
        return super.alloc(size);
      }

      @Override
      public long alloc(long size, long alignment) {
        count();
        return super.alloc(size, alignment);
      }

      @Override
      public void dealloc(long start, long size) {
        count();
        super.dealloc(start, size);
      }

      @Override
      public long realloc(long start, long size, long newSize) {
        count();
        return super.realloc(start, size, newSize);
      }

      @Override
      public long realloc(long start, long size, long newSize, long alignment) {
        count();
        return super.realloc(start, size, newSize, alignment);
      }

      @Override
      public void setCapacity(long capacity) {
        count();
        super.setCapacity(capacity);
      }

      @Override
      public CompactionPlan compact(long budget, long granularity) {
        count();
        return super.compact(budget, granularity);
      }
    };
  }

  @Test
  void everyCall_failsAsNoReplayDoes_recorderWritesWhyAndStops() {
    Map<String, Consumer<Allocator>> calls = new LinkedHashMap<>();
    calls.put("alloc 1", a -> a.alloc(1));
    calls.put("alloc 1 4", a -> a.alloc(1, 4));
    calls.put("dealloc 0 2", a -> a.dealloc(0, 2));
    calls.put("realloc 0 2 3", a -> a.realloc(0, 2, 3));
    calls.put("realloc 0 2 3 4", a -> a.realloc(0, 2, 3, 4));
    calls.put("set_capacity 32", a -> a.setCapacity(32));
    calls.put("compact 9223372036854775807 1", Allocator::compact);
    for (Map.Entry<String, Consumer<Allocator>> call : calls.entrySet()) {
      IllegalStateException bug = new IllegalStateException("a strategy's bug");
      StringBuilder trace = new StringBuilder();
      RecordingAllocator recorder = Allocators.recording(failingAfterTwoCalls(bug), trace);
      recorder.alloc(2);
      recorder.alloc(2);

      assertSame(
          bug, assertThrows(IllegalStateException.class, () -> call.getValue().accept(recorder)));
      assertThrows(IllegalStateException.class, () -> recorder.alloc(1), call.getKey());

      assertEquals(
          "capacity 16\nalloc 2\nalloc 2\n"
              + call.getKey()
              + "\n# the call above threw java.lang.IllegalStateException, which a replay does not"
              + " reproduce\n",
          trace.toString());
    }
  }

  @Test
  void call_failsAsNoReplayDoes_recorderWritesWhyAndStops() {
    List<Throwable> failures =
        List.of(
            new OutOfMemoryError("Java heap space"), new IllegalStateException("a strategy's bug"));
    for (Throwable failure : failures) {
      String name = failure.getClass().getName();
      StringBuilder trace = new StringBuilder();
      RecordingAllocator recorder = Allocators.recording(failingOnAllocOfThree(failure), trace);
      recorder.alloc(2);

      assertSame(failure, assertThrows(Throwable.class, () -> recorder.alloc(3)));
      IllegalStateException later =
          assertThrows(IllegalStateException.class, () -> recorder.alloc(1));

      assertEquals(
          "recording stopped: line 3 threw "
              + name
              + ", which a replay does not reproduce; no call is made after it, so the trace"
              + " stays true",
          later.getMessage());
      assertEquals(
          "capacity 16\nalloc 2\nalloc 3\n# the call above threw "
              + name
              + ", which a replay does not reproduce\n",
          trace.toString());
    }
  }

  @Test
  void call_failsAsAReplayDoes_recorderGoesOn() {
    StringBuilder trace = new StringBuilder();
    RecordingAllocator recorder =
        Allocators.recording(
            failingOnAllocOfThree(new UnsupportedAlignmentException("tree-map", "alloc(3, 2)")),
            trace);

    assertThrows(IllegalArgumentException.class, () -> recorder.alloc(-1));
    assertThrows(AllocatorMemoryException.class, () -> recorder.alloc(100));
    assertThrows(UnsupportedAlignmentException.class, () -> recorder.alloc(3));
    recorder.alloc(1);

    assertEquals("capacity 16\nalloc -1\nalloc 100\nalloc 3\nalloc 1\n", trace.toString());
  }

  /**
   * An interrupt of the recording thread, as {@code ExecutorService.shutdownNow} sends: before, the
   * interruptible file channel closed under the recorder, which stopped and said the call was not
   * made, with its line in the file.
   */
  @Test
  void file_threadInterrupted_everyLineWrittenAndTheInterruptKept(@TempDir Path directory)
      throws IOException {
    Path file = directory.resolve("interrupted.trace");
    TreeMapAllocator allocator = new TreeMapAllocator(16);
    boolean interrupted;
    try (RecordingAllocator recorder = Allocators.recording(allocator, file)) {
      recorder.alloc(4);
      Thread.currentThread().interrupt();
      try {
        recorder.alloc(2);
        recorder.dealloc(0, 4);
      } finally {
        interrupted = Thread.interrupted();
      }
    }

    assertTrue(interrupted);
    assertEquals(List.of(new Region(4, 2)), allocator.getAllocatedRegions());
    assertEquals("capacity 16\nalloc 4\nalloc 2\ndealloc 0 4\n", Files.readString(file));
  }
}
