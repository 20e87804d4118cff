package dev.allot.firstfit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.spi.AllocatorArguments;

/**
 * First-fit placement that makes every decision pyglet 2.1's {@code
 * pyglet.graphics.allocation.Allocator} makes, quirks included: the leading gap is used only when
 * the first block starts strictly after the requested size, a gap filled exactly merges its two
 * blocks, and {@code realloc} grows in place only into strictly more free space than it needs (or
 * an exactly filled gap that is not the tail).
 *
 * <p>Registered as {@code first-fit} with priority {@value #PRIORITY}, so that it is the default
 * when it shares the classpath with strategies of priority 0.
 *
 * @since 0.1.0
 */
public final class FirstFitStrategy implements AllocationStrategy {

  /** The name users choose this strategy by. */
  public static final String NAME = "first-fit";

  /** Ranks first-fit, pyglet's behaviour, above strategies that keep the default priority 0. */
  public static final int PRIORITY = 10;

  /** Creates the strategy; {@link java.util.ServiceLoader} calls this. */
  public FirstFitStrategy() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }

  @Override
  public Allocator create(long capacity) {
    AllocatorArguments.requireNonNegative("create", capacity);
    return new FirstFitAllocator(capacity);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
