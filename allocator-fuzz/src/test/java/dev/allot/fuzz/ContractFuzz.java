package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorFeature;
import dev.allot.testkit.ContractRun;
import dev.allot.testkit.ContractViolation;
import dev.allot.testkit.Invariant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Runs the calls the fuzzer's bytes spell through the conformance kit's {@link ContractRun}, which
 * checks every chosen invariant after every call against its model and throws at the first broken
 * one with the calls so far as a trace. For strategies no literal reference decides, and for
 * compaction, which the references of {@link Differential} do not make.
 */
final class ContractFuzz {

  private ContractFuzz() {}

  static void run(
      AllocationStrategy subject, Set<AllocatorFeature> features, FuzzedDataProvider data) {
    ContractRun run = new ContractRun(subject, FuzzCalls.capacity(data), invariants(features));
    boolean compaction = features.contains(AllocatorFeature.COMPACTION);
    try {
      while (data.remainingBytes() > 0) {
        run.apply(FuzzCalls.next(data, run.allocator(), compaction));
      }
      run.deallocEverythingIfChecked();
    } catch (ContractViolation violation) {
      throw new AssertionError(
          violation.getMessage() + "\nafter the trace\n" + run.trace(), violation);
    }
  }

  /**
   * Every invariant whose feature the strategy has, but the pyglet reference, which cannot compact
   * (first-fit's decisions are fuzzed against it by {@link Differential}).
   */
  private static Set<Invariant> invariants(Set<AllocatorFeature> features) {
    Set<Invariant> chosen = EnumSet.noneOf(Invariant.class);
    for (Invariant invariant : Invariant.values()) {
      AllocatorFeature feature = invariant.feature();
      if (invariant != Invariant.PYGLET_REFERENCE
          && (feature == null || features.contains(feature))) {
        chosen.add(invariant);
      }
    }
    return chosen;
  }
}
