package dev.allot.testkit.reference;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.spi.AllocatorArguments;

/**
 * Creates {@link PygletReferenceAllocator}s. Deliberately not registered with {@link
 * java.util.ServiceLoader}: putting the test kit on a class path must not add a strategy to it.
 *
 * @since 0.1.0
 */
public final class PygletReferenceStrategy implements AllocationStrategy {

  /** The name of the reference strategy. */
  public static final String NAME = "pyglet-reference";

  /** Creates the strategy. */
  public PygletReferenceStrategy() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Allocator create(long capacity) {
    AllocatorArguments.requireNonNegative("create", capacity);
    return new PygletReferenceAllocator(capacity);
  }
}
