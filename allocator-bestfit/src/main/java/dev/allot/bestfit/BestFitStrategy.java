package dev.allot.bestfit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;

/**
 * Best-fit placement: a region goes to the start of the smallest free hole that holds it (the gap
 * before the first block, the gaps between blocks and the tail all count), the lowest start on a
 * tie. {@code realloc} grows in place whenever the hole after the region suffices and leaves a
 * same-size call alone. Every call is O(log n) in the number of blocks.
 *
 * <p>Compared with {@code first-fit} it keeps large holes whole for large requests, at the price of
 * departing from pyglet's placements. Registered as {@code best-fit} with priority {@value
 * #PRIORITY}: with {@code allocator-firstfit} also on the classpath, first-fit stays the default
 * unless {@code best-fit} is chosen by name.
 *
 * @since 0.1.0
 */
public final class BestFitStrategy implements AllocationStrategy {

  /** The name users choose this strategy by. */
  public static final String NAME = "best-fit";

  /** The default rank, below first-fit's, so that adding this jar never changes a default. */
  public static final int PRIORITY = 0;

  /** Creates the strategy; {@link java.util.ServiceLoader} calls this. */
  public BestFitStrategy() {}

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
    return new BestFitAllocator(capacity); // its skeleton rejects a negative capacity
  }

  @Override
  public String toString() {
    return NAME;
  }
}
