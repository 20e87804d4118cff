package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allot.firstfit.FirstFitStrategy;
import dev.allot.testkit.reference.PygletReferenceStrategy;

/** First-fit makes pyglet's decisions: every call and every state equal the literal reference. */
class FirstFitFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void calls_anySequence_matchPygletReference(FuzzedDataProvider data) {
    Differential.run(new FirstFitStrategy(), new PygletReferenceStrategy(), data);
  }
}
