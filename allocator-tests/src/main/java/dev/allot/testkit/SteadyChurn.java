package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The check of {@link AllocatorFeature#ALLOCATION_FREE_CHURN}: the benchmarks' churn workload
 * ({@link WorkloadKind#CHURN}: free a random live region, allocate 1 to 64 indices in its place) at
 * a steady live count, in a capacity of 256 indices per live region, counted in heap bytes by the
 * JVM for the calling thread once warm.
 *
 * @param live the live regions held
 * @param warmSteps the steps run before counting, so that every pool has reached its size and the
 *     JIT has compiled the calls
 * @param countedSteps the steps whose allocation is counted
 */
record SteadyChurn(int live, int warmSteps, int countedSteps) {

  /**
   * What the contract runs: 10,000 live regions (a structure past the first level of any tree), a
   * million steps of warm-up and a million counted, about a second for a strategy of a few hundred
   * nanoseconds per call.
   */
  static final SteadyChurn CONTRACT = new SteadyChurn(10_000, 1_000_000, 1_000_000);

  /**
   * Heap bytes the counted steps may allocate: the JVM itself allocates on the thread now and then
   * (224 bytes in one CI run of best-fit's own test of this kind, none in others), while a strategy
   * that allocates per call makes megabytes, and one new leaf of best-fit's trees costs 528 (its
   * keys in one int[128] while the capacity fits 32 bits), so two pass the limit.
   */
  static final long ALLOWED_BYTES = 1024;

  /** The seed of the sizes and of the regions freed. */
  private static final long SEED = 29;

  /**
   * The capacity per live region: four times the largest size churn allocates, so it never grows.
   */
  private static final long CAPACITY_PER_REGION = 256;

  /**
   * Runs the churn on a new allocator of {@code strategy} and fails when the counted steps allocate
   * {@link #ALLOWED_BYTES} or more; skipped (an assumption) where the JVM cannot count a thread's
   * allocations.
   *
   * @param strategy the strategy under test
   */
  void check(AllocationStrategy strategy) {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    Workload churn = WorkloadKind.CHURN.create(strategy.create(CAPACITY_PER_REGION * live), SEED);
    churn.fill(live);
    steps(churn, warmSteps);
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    steps(churn, countedSteps);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    Assertions.assertTrue(
        allocated < ALLOWED_BYTES,
        () ->
            strategy.getName()
                + ": "
                + countedSteps
                + " steps of churn at "
                + live
                + " live regions allocated "
                + allocated
                + " heap bytes once warm (allowed: under "
                + ALLOWED_BYTES
                + ")");
  }

  private static void steps(Workload churn, int steps) {
    for (int step = 0; step < steps; step++) {
      churn.step();
    }
  }

  /**
   * The JVM's count of each thread's heap allocation ({@code com.sun.management}, in HotSpot and
   * the JVMs built on it); the check is skipped where there is none.
   */
  private static com.sun.management.ThreadMXBean allocationCounter() {
    try {
      if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counter
          && counter.isThreadAllocatedMemorySupported()
          && counter.isThreadAllocatedMemoryEnabled()) {
        return counter;
      }
    } catch (LinkageError e) { // jdk.management not in the module graph
      return Assumptions.abort("this JVM cannot count a thread's heap allocation: " + e);
    }
    return Assumptions.abort("this JVM does not count a thread's heap allocation");
  }
}
