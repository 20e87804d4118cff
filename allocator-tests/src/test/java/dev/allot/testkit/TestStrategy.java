package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.spi.AllocatorArguments;
import java.util.function.LongFunction;

/**
 * A strategy made from a name and an allocator constructor, for the test-source allocators.
 *
 * @param name the strategy name
 * @param factory creates an allocator of a capacity
 */
record TestStrategy(String name, LongFunction<Allocator> factory) implements AllocationStrategy {

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Allocator create(long capacity) {
    AllocatorArguments.requireNonNegative("create", capacity);
    return factory.apply(capacity);
  }
}
