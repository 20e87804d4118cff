package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.UnsupportedCompactionException;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.util.function.LongFunction;

/**
 * A generated workload as a {@link Program}: fills {@code live} regions, then steps until {@code
 * operations} calls are made, with the same seed for every strategy, so each serves exactly the
 * same requests. The workloads are those of {@code bench} and the JMH benchmarks.
 *
 * @param kind the shape of the traffic
 * @param live the live regions held
 * @param operations the calls made after filling
 * @param seed the seed of every random choice
 * @param alignment the alignment every placement asks for (1: the unaligned calls)
 * @param initialCapacity the capacity the allocator starts with, grown on demand
 */
record WorkloadProgram(
    WorkloadKind kind, int live, long operations, long seed, long alignment, long initialCapacity)
    implements Program {

  @Override
  public long size() {
    return operations;
  }

  @Override
  public long run(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    Workload workload = kind.create(newAllocator.apply(initialCapacity), seed, alignment);
    workload.fill(live);
    long filled = workload.operations();
    long compactions = 0;
    long refused = 0;
    while (workload.operations() - filled < operations) {
      workload.step();
      // A step makes one or two calls, so compact once whenever a multiple of N was passed.
      if (compactEvery > 0 && workload.operations() / compactEvery > compactions) {
        compactions = workload.operations() / compactEvery;
        try {
          workload.compact();
        } catch (UnsupportedCompactionException e) {
          // A strategy that does not compact (tlsf) runs on uncompacted, the refusal counted as a
          // skipped call; it changed nothing, so the workload's starts are still right.
          refused++;
        }
      }
      progress.step(workload.operations() - filled);
    }
    progress.finish();
    return refused;
  }
}
