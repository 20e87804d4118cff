package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
          if (failure instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure;
        }
        return super.alloc(size);
      }
    };
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
