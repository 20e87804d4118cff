package dev.allot.examples;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;

/**
 * A custom strategy, to show how a strategy plugs in: name {@code worst-fit}, chosen with {@code
 * Allocators.create("worst-fit", capacity)} or {@code -Ddev.allot.strategy=worst-fit} where a
 * {@code META-INF/services/dev.allot.AllocationStrategy} line names it. The examples register it in
 * their test resources only, so that no jar a user runs offers it.
 *
 * <p>Its priority is below the shipped strategies' so that it never wins the classpath rules by
 * accident: it is an example, and worst-fit fragments more than first-fit on most workloads (run
 * {@code compare} to see by how much).
 */
public final class WorstFitStrategy implements AllocationStrategy {

  /** Below first-fit's 10 and the default 0: this strategy is only used when asked for by name. */
  private static final int PRIORITY = -10;

  /** Creates the strategy; {@link java.util.ServiceLoader} needs this constructor. */
  public WorstFitStrategy() {}

  @Override
  public String getName() {
    return WorstFitAllocator.NAME;
  }

  @Override
  public Allocator create(long capacity) {
    return new WorstFitAllocator(capacity);
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }
}
