package dev.allot.examples;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import java.io.PrintStream;

/**
 * The Java quickstart: allocate, free, resize, grow by hand, grow automatically and record a trace.
 * Run it with {@code java -cp examples/target/allocator-examples.jar
 * dev.allot.examples.QuickStart}; {@code KotlinQuickStart.kt} is the same in Kotlin.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Runs the quickstart on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    // Allocators.create(16) lets the classpath pick; this jar holds several strategies, so name
    // one.
    Allocator allocator = Allocators.create("first-fit", 16);
    long a = allocator.alloc(4);
    long b = allocator.alloc(6);
    out.println("a=" + a + " b=" + b + " " + blocks(allocator));

    allocator.dealloc(a, 4);
    long b2 = allocator.realloc(b, 6, 8);
    out.println("after dealloc(a) and realloc(b, 6, 8): b=" + b2 + " " + blocks(allocator));

    try {
      allocator.alloc(10);
    } catch (AllocatorMemoryException e) {
      // Grow the real buffer here, then the allocator, then retry: what growing() automates.
      allocator.setCapacity(e.getRequestedCapacity());
      long c = allocator.alloc(10);
      out.println("alloc(10) needed capacity " + e.getRequestedCapacity() + ", got c=" + c);
    }
    out.printf(
        "usage %.2f, fragmentation %.2f%n", allocator.getUsage(), allocator.getFragmentation());

    Allocator growing =
        Allocators.growing(
            Allocators.create("first-fit", 4),
            GrowthPolicy.doubling(),
            (oldCapacity, newCapacity) ->
                out.println("buffer grows " + oldCapacity + " -> " + newCapacity),
            (oldStart, newStart, size) ->
                out.println("region of " + size + " moved " + oldStart + " -> " + newStart));
    growing.alloc(3);
    growing.alloc(3);
    out.println("growing allocator capacity " + growing.getCapacity());

    StringBuilder trace = new StringBuilder();
    Allocator recorded = Allocators.recording(Allocators.create("first-fit", 8), trace);
    long r = recorded.alloc(5);
    recorded.realloc(r, 5, 2);
    try {
      recorded.alloc(9);
    } catch (AllocatorMemoryException e) {
      out.println("alloc(9) failed, and the trace keeps it for replay");
    }
    out.print("trace:\n" + trace);
  }

  /** The allocator's blocks as {@code start:size} pairs, as trace replay prints them. */
  static String blocks(Allocator allocator) {
    return allocator.getAllocatedRegions().stream()
        .map(region -> region.start() + ":" + region.size())
        .collect(java.util.stream.Collectors.joining(",", "blocks=", ""));
  }
}
