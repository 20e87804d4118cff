package dev.allot.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.GrowthPolicy;
import dev.allot.fixture.TreeMapAllocator;
import org.junit.jupiter.api.Test;

/** The workload grows as {@code compare} does by default, so bench, JMH and compare agree. */
class WorkloadTest {

  @Test
  void fill_fromCapacityZero_growsAsGrowthPolicyDoubling() {
    for (long seed = 1; seed <= 20; seed++) {
      Workload workload = WorkloadKind.CHURN.create(new TreeMapAllocator(0), seed);
      workload.fill(1);
      assertEquals(1, workload.growths(), "seed " + seed);
      assertEquals(
          GrowthPolicy.doubling().newCapacity(0, workload.liveIndices()),
          workload.peakCapacity(),
          "seed " + seed + ", first size " + workload.liveIndices());
    }
  }
}
