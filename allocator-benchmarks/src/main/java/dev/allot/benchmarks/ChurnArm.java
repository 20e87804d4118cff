package dev.allot.benchmarks;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One arm of {@link InterleavedChurn}: an allocator holding a fixed number of live regions, changed
 * by churn steps (free a random region, allocate one of 1..64 at the arm's alignment). Each arm
 * loads its own copy of this class ({@link ArmClassLoader}), so the calls in {@link #accept} see
 * one allocator class each and the JIT compiles them for it, as in a program that uses one
 * strategy. Not thread-safe.
 */
public final class ChurnArm implements LongConsumer {

  /** Largest size a step allocates, as {@link dev.allot.workload.Workload}'s churn. */
  private static final int MAX_SIZE = 64;

  private final Allocator allocator;
  private final long alignment;
  private final long[] starts;
  private final long[] sizes;
  private final SplittableRandom random;

  /**
   * Creates the allocator and fills it with {@code live} regions.
   *
   * @param strategy the strategy to run
   * @param live live regions, {@code >= 1}
   * @param alignment the alignment of every alloc, {@code >= 1}
   * @param capacityPerRegion the capacity per live region; 0 starts at 0 and doubles on each memory
   *     failure, as the JMH workloads grow
   * @param seed the seed of the steps: arms with one seed free and allocate the same sizes
   */
  public ChurnArm(
      AllocationStrategy strategy, int live, long alignment, long capacityPerRegion, long seed) {
    this.allocator = strategy.create(capacityPerRegion * live);
    this.alignment = alignment;
    this.starts = new long[live];
    this.sizes = new long[live];
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < live; i++) {
      sizes[i] = 1L + random.nextInt(MAX_SIZE);
      starts[i] = alloc(sizes[i]);
    }
  }

  /** Runs {@code steps} churn steps: a free and an alloc each. */
  @Override
  public void accept(long steps) {
    final long[] regionStarts = starts;
    final long[] regionSizes = sizes;
    for (long step = 0; step < steps; step++) {
      int i = random.nextInt(regionStarts.length);
      allocator.dealloc(regionStarts[i], regionSizes[i]);
      long size = 1L + random.nextInt(MAX_SIZE);
      regionSizes[i] = size;
      regionStarts[i] = alloc(size);
    }
  }

  private long alloc(long size) {
    try {
      return allocator.alloc(size, alignment);
    } catch (AllocatorMemoryException e) {
      allocator.setCapacity(Math.max(e.getRequestedCapacity(), 2 * allocator.getCapacity()));
      return allocator.alloc(size, alignment);
    }
  }
}
