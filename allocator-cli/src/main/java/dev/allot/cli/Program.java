package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import java.util.function.LongFunction;

/**
 * Something {@code compare} and {@code map} can run against any strategy: a recorded trace ({@link
 * TraceProgram}) or a generated workload ({@link WorkloadProgram}). It asks for its allocators
 * through a factory, so the caller decides how they grow and how they are measured.
 */
interface Program {

  /**
   * Returns the number of steps {@link #run} reports to its progress.
   *
   * @return the step count
   */
  long size();

  /**
   * Runs the program without compacting.
   *
   * @param newAllocator makes an allocator of the given initial capacity
   * @param progress told of each step
   * @return the number of calls that had to be skipped
   */
  default long run(LongFunction<Allocator> newAllocator, Progress progress) {
    return run(newAllocator, 0, progress);
  }

  /**
   * Runs the program, compacting fully ({@link Allocator#compact()}) whenever the calls made
   * (alloc, dealloc, realloc) reach a multiple of {@code compactEvery}, and moving the starts it
   * holds with each plan, as a caller that copies its buffer would. A strategy that does not
   * compact (tlsf) runs on without: each compaction it refuses counts as a skipped call.
   *
   * @param newAllocator makes an allocator of the given initial capacity
   * @param compactEvery calls between compactions; 0 never compacts
   * @param progress told of each step
   * @return the number of calls that had to be skipped, refused compactions included
   */
  long run(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress);

  /**
   * Runs the program as {@link #run(LongFunction, long, Progress)} does, timed.
   *
   * @param newAllocator makes an allocator of the given initial capacity
   * @param compactEvery calls between compactions; 0 never compacts
   * @param progress told of each step
   * @return the nanoseconds the run took; a program may leave out work that is not the allocators',
   *     such as reading its input
   */
  default long time(LongFunction<Allocator> newAllocator, long compactEvery, Progress progress) {
    long begin = System.nanoTime();
    run(newAllocator, compactEvery, progress);
    return System.nanoTime() - begin;
  }

  /**
   * Runs the program on growing allocators of {@code strategy}, measured.
   *
   * @param strategy the strategy to run
   * @param policy how the allocators grow
   * @param interval calls between samples of the chart series
   * @param compactEvery calls between full compactions, as in {@link #run(LongFunction, long,
   *     Progress)}; 0 never compacts
   * @param progress told of each step
   * @return the meter, whose {@link RunMeter#last()} is the allocator at the end
   */
  default RunMeter meter(
      AllocationStrategy strategy,
      GrowthPolicy policy,
      int interval,
      long compactEvery,
      Progress progress) {
    RunMeter meter = new RunMeter(strategy.getName(), interval);
    meter.skipped(
        run(
            capacity ->
                meter.attach(
                    Allocators.growing(
                        Allocators.create(strategy, capacity), policy, meter, meter)),
            compactEvery,
            progress));
    return meter;
  }
}
