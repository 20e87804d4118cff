package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RecordingAllocatorTest {

  @Test
  void calls_writtenAsTraceLinesIncludingFailures() {
    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(new TreeMapAllocator(8), trace);
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
  void alignedCalls_writtenWithTheirAlignmentAlsoOne() {
    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(new TreeMapAllocator(32), trace);
    long a = recorded.alloc(5, 8);
    recorded.realloc(a, 5, 9, 16);
    recorded.alloc(3, 1);
    assertThrows(IllegalArgumentException.class, () -> recorded.alloc(3, 0));
    recorded.realloc(0, 0, 2, 1);
    assertEquals(
        "capacity 32\nalloc 5 8\nrealloc 0 5 9 16\nalloc 3 1\nalloc 3 0\nrealloc 0 0 2 1\n",
        trace.toString());
  }

  @Test
  void recording_nonEmptyAllocator_illegalArgument() {
    Allocator used = new TreeMapAllocator(8);
    used.alloc(1);
    StringBuilder trace = new StringBuilder();
    assertThrows(IllegalArgumentException.class, () -> Allocators.recording(used, trace));
    assertEquals("", trace.toString());
  }

  @Test
  void call_appendableFails_uncheckedAndCallNotMade() {
    Allocator allocator = new TreeMapAllocator(8);
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
