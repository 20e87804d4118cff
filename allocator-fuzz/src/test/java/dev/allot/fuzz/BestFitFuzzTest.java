package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allot.bestfit.BestFitStrategy;
import dev.allot.testkit.AllocatorFeature;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import java.util.Set;

/** Best-fit on its trees makes the decisions of the list reference that takes the smallest hole. */
class BestFitFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void calls_anySequence_matchSmallestHoleReference(FuzzedDataProvider data) {
    Differential.run(new BestFitStrategy(), new ListReferenceStrategy(HoleChoice.SMALLEST), data);
  }

  /** Compaction mixed in, checked by the conformance kit's invariants. */
  @FuzzTest(maxDuration = "10m")
  void callsAndCompactions_anySequence_keepTheContract(FuzzedDataProvider data) {
    ContractFuzz.run(
        new BestFitStrategy(),
        Set.of(
            AllocatorFeature.SMALLEST_FIT, AllocatorFeature.COMPACTION, AllocatorFeature.ALIGNMENT),
        data);
  }
}
