package dev.allot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allot.testkit.AllocatorFeature;
import dev.allot.tlsf.TlsfStrategy;
import java.util.Set;

/** tlsf keeps the generic contract, aligned calls included, whatever the calls. */
class TlsfFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void calls_anySequence_keepTheContract(FuzzedDataProvider data) {
    ContractFuzz.run(new TlsfStrategy(), Set.of(AllocatorFeature.ALIGNMENT), data);
  }
}
