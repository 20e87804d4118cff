package dev.allot.consumer;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import dev.allot.Region;
import java.util.List;

/**
 * The README's Java example, run against the staged artifacts: the API finds first-fit, the only
 * strategy on the class path, and the jars say which version they are.
 */
public final class JavaConsumer {

  private JavaConsumer() {}

  /**
   * Runs the example and fails with an exception if anything differs from what the README says.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Allocator allocator = Allocators.create(1024);
    check("first-fit".equals(allocator.getStrategyName()), "strategy " + allocator.getStrategyName());
    long start;
    try {
      start = allocator.alloc(96);
    } catch (AllocatorMemoryException e) {
      allocator.setCapacity(e.getRequestedCapacity());
      start = allocator.alloc(96);
    }
    start = allocator.realloc(start, 96, 128);
    check(allocator.getAllocatedRegions().equals(List.of(new Region(start, 128))), "regions");
    allocator.dealloc(start, 128);
    check(allocator.isEmpty(), "empty after dealloc");

    String version = Allocators.class.getPackage().getImplementationVersion();
    check(version != null, "allocator-api's manifest has no Implementation-Version");
    System.out.println(
        "consumer-check java: " + allocator.getStrategyName() + ", Implementation-Version " + version);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("consumer-check java failed: " + what);
    }
  }
}
