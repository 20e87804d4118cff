package dev.allot.cli;

import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;

/** Traces for the command tests, recorded from a text workload (it grows regions, so they move). */
final class RecordedTraces {

  private RecordedTraces() {}

  /**
   * Records {@code steps} steps of the text workload over 100 live regions, first-fit, doubling.
   */
  static void record(Appendable out, int steps, long seed) {
    record(out, WorkloadKind.TEXT, 1, steps, seed);
  }

  /**
   * Records {@code steps} steps of a workload at an alignment over 100 live regions, first-fit,
   * doubling.
   */
  static void record(Appendable out, WorkloadKind kind, long alignment, int steps, long seed) {
    Workload workload =
        kind.create(
            Allocators.growing(
                Allocators.recording(Allocators.create("first-fit", 1024), out),
                GrowthPolicy.doubling(),
                (oldCapacity, newCapacity) -> {},
                (oldStart, newStart, size) -> {}),
            seed,
            alignment);
    workload.fill(100);
    for (int step = 0; step < steps; step++) {
      workload.step();
    }
  }
}
