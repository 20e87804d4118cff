package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The skeleton's bulk compaction path against its step path: the same strategy with and without the
 * bulk primitives, the same fragmented state, the same passes; every pass must plan the same moves
 * and leave the same blocks, and the state must serve allocations the same way afterwards. Hundreds
 * of blocks, so that a pass switches to the bulk path after its first moves.
 */
class AbstractAllocatorBulkCompactionTest {

  /** Regions allocated before half of them are freed. */
  private static final int REGIONS = 600;

  @ParameterizedTest(name = "budget {0}, granularity {1}, seed {2}")
  @CsvSource({
    "9223372036854775807, 1, 1",
    "9223372036854775807, 2, 2",
    "9223372036854775807, 16, 3",
    "0, 1, 4",
    "64, 1, 5",
    "2000, 1, 6",
    "2000, 3, 7",
    "5000, 16, 8",
  })
  void compact_bulkAndStepPaths_planTheSameMovesAndLeaveTheSameBlocks(
      long budget, long granularity, long seed) {
    long capacity = 64L * REGIONS;
    TreeMapAllocator step = new TreeMapAllocator(capacity, false);
    TreeMapAllocator bulk = new TreeMapAllocator(capacity, true);
    SplittableRandom random = new SplittableRandom(seed);
    List<long[]> held = new ArrayList<>();
    for (int i = 0; i < REGIONS; i++) {
      allocate(step, bulk, held, random);
    }
    for (int i = held.size() - 1; i >= 0; i--) {
      if (random.nextBoolean()) {
        long[] region = held.remove(i);
        step.dealloc(region[0], region[1]);
        bulk.dealloc(region[0], region[1]);
      }
    }
    int passes = 0;
    boolean complete = false;
    while (!complete && passes < 1000) {
      CompactionPlan want = step.compact(budget, granularity);
      CompactionPlan got = bulk.compact(budget, granularity);
      String call = "pass " + passes + " of compact(" + budget + ", " + granularity + ")";
      assertEquals(want.moves(), got.moves(), call);
      assertEquals(want.movedIndices(), got.movedIndices(), call);
      assertEquals(want.isComplete(), got.isComplete(), call);
      assertEquals(step.getAllocatedRegions(), bulk.getAllocatedRegions(), call);
      assertEquals(step.getFreeSize(), bulk.getFreeSize(), call);
      for (long[] region : held) {
        region[0] = got.translate(region[0]);
      }
      complete = got.isComplete();
      passes++;
    }
    assertTrue(complete, "passes: " + passes);
    if (granularity == 1) {
      assertEquals(0, bulk.getFragmentedFreeSize());
    }
    for (int i = 0; i < REGIONS / 4; i++) {
      allocate(step, bulk, held, random);
    }
    for (long[] region : held) {
      bulk.dealloc(region[0], region[1]); // every translated start is still a live region
    }
    assertEquals(List.<Region>of(), bulk.getAllocatedRegions());
  }

  @ParameterizedTest(name = "budget {0}")
  @CsvSource({"200", "9223372036854775807"})
  void compact_manyBlocks_takesMoreThanOnePassOnlyWhenTheBudgetEndsIt(long budget) {
    TreeMapAllocator bulk = new TreeMapAllocator(64L * REGIONS, true);
    for (int i = 0; i < REGIONS; i++) {
      bulk.alloc(3);
    }
    for (int i = 0; i < REGIONS; i += 2) {
      bulk.dealloc(3L * i, 3);
    }
    CompactionPlan plan = bulk.compact(budget, 1);
    assertEquals(budget == Long.MAX_VALUE, plan.isComplete());
    if (plan.isComplete()) {
      assertEquals(List.of(new Region(0, 3L * REGIONS / 2)), bulk.getAllocatedRegions());
    } else {
      assertTrue(plan.movedIndices() <= budget, "moved " + plan.movedIndices());
      assertFalse(bulk.getFragmentedFreeSize() == 0);
    }
  }

  private static void allocate(
      TreeMapAllocator step, TreeMapAllocator bulk, List<long[]> held, SplittableRandom random) {
    long size = 1L + random.nextInt(48);
    long start = step.alloc(size);
    assertEquals(start, bulk.alloc(size), "alloc(" + size + ")");
    held.add(new long[] {start, size});
  }
}
