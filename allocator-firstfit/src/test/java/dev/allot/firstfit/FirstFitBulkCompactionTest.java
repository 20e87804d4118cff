package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.CompactionPlan;
import dev.allot.testkit.CompactionDifferential;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bulk compaction path (a copy of the block list, one {@link GapTree#load}) against the step
 * path (one tree move a step): the same plans, blocks and later placements on large random states.
 */
class FirstFitBulkCompactionTest {

  /** Regions allocated before half are freed: thousands of blocks. */
  private static final int REGIONS = 6_000;

  @ParameterizedTest(name = "seed {0}, budget {1}, granularity {2}")
  @CsvSource({
    "1, 9223372036854775807, 1",
    "2, 9223372036854775807, 2",
    "3, 9223372036854775807, 16",
    "4, 20000, 1",
    "5, 20000, 16",
    "6, 3000, 1",
    "7, 3000, 2",
    "8, 0, 16"
  })
  void compact_bulkAndStepPaths_giveTheSamePlansAndBlocks(
      long seed, long budget, long granularity) {
    for (GapTree tree :
        List.of(
            new GapTree(CompactionDifferential.capacity(REGIONS)),
            new GapTree(CompactionDifferential.capacity(REGIONS), 2, 4))) {
      FirstFitAllocator stepOnly =
          new FirstFitAllocator(new GapTree(CompactionDifferential.capacity(REGIONS)), false);
      FirstFitAllocator bulk = new FirstFitAllocator(tree, true);

      List<CompactionPlan> plans =
          new CompactionDifferential(stepOnly, bulk, tree::checkInvariants)
              .run(seed, REGIONS, budget, granularity, 40);

      if (budget == Long.MAX_VALUE) { // past the switch point of n / 64 moves
        assertTrue(plans.get(0).moves().size() > REGIONS / 2 / 64, plans.get(0).toString());
      }
    }
  }
}
