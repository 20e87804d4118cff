package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allot.firstfit.FirstFitStrategy;
import dev.allot.testkit.AllocatorFeature;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.Set;

/** First-fit makes pyglet's decisions: every call and every state equal the literal reference. */
class FirstFitFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void calls_anySequence_matchPygletReference(FuzzedDataProvider data) {
    Differential.run(new FirstFitStrategy(), new PygletReferenceStrategy(), data);
  }

  /** Compaction mixed in, checked by the conformance kit's invariants. */
  @FuzzTest(maxDuration = "10m")
  void callsAndCompactions_anySequence_keepTheContract(FuzzedDataProvider data) {
    ContractFuzz.run(
        new FirstFitStrategy(),
        Set.of(AllocatorFeature.COMPACTION, AllocatorFeature.ALIGNMENT),
        data);
  }
}
