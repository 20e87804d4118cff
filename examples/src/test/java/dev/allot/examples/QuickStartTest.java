package dev.allot.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  static List<String> lines(Consumer<PrintStream> program) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      program.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void javaQuickStart_printsEachStep() {
    assertEquals(
        List.of(
            "a=0 b=4 blocks=0:10",
            "after dealloc(a) and realloc(b, 6, 8): b=4 blocks=4:8",
            "alloc(10) needed capacity 22, got c=12",
            "usage 0.82, fragmentation 1.00",
            "buffer grows 4 -> 8",
            "growing allocator capacity 8",
            "alloc(9) failed, and the trace keeps it for replay",
            "trace:",
            "capacity 8",
            "alloc 5",
            "realloc 0 5 2",
            "alloc 9"),
        lines(QuickStart::run));
  }

  @Test
  void kotlinQuickStart_printsEachStep() {
    assertEquals(
        List.of(
            "a=0 b=4 capacity=16",
            "after dealloc(a) and realloc(b, 6, 8): b=4 blocks=4:8",
            "alloc(10) needed capacity 22, got c=12",
            "usage 0.82, fragmentation 1.00",
            "buffer grows 4 -> 8",
            "region of 3 moved 0 -> 4",
            "growing allocator capacity 8, strategy first-fit",
            "exact growth 2 -> 5",
            "region at 0, capacity 5, free 0"),
        lines(KotlinQuickStart::runQuickStart));
  }
}
