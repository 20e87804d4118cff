package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The allocator contract as JUnit 5 tests: subclass it, return your strategy, and every invariant
 * of {@link Invariant} is checked by a property-based test over generated programs of {@code
 * alloc}, {@code dealloc} (whole and partial), {@code realloc} (shrink, grow, same size, to and
 * from zero), {@code setCapacity} and bad calls, after every step, with shrinking.
 *
 * <pre>{@code
 * class MyStrategyContractTest extends AllocatorContract {
 *   @Override
 *   protected AllocationStrategy strategy() {
 *     return new MyStrategy();
 *   }
 * }
 * }</pre>
 *
 * <p>A failure is a {@link ContractFailure} whose message names the broken invariant, shows the
 * shrunk program as a trace to paste into a regression test, and gives the seed to run it again.
 * System properties: {@value ContractSettings#ITERATIONS_PROPERTY} sets the programs per property
 * (default {@value ContractSettings#DEFAULT_ITERATIONS}; raise it for a soak), {@value
 * ContractSettings#SEED_PROPERTY} fixes the seed.
 *
 * <p>Declare {@link #features()} to add strategy-specific oracles; a property whose feature is not
 * declared is skipped (reported as aborted), not passed.
 *
 * <p>Tagged {@code slow} (inherited by every subclass): each property runs hundreds of programs, so
 * a quick loop or a mutation run can leave the contract out with {@code excludedGroups=slow}.
 *
 * @since 0.1.0
 */
@Tag("slow")
public abstract class AllocatorContract {

  /** Steps of the program that checks the refusal of aligned calls by a strategy without them. */
  private static final int UNSUPPORTED_STEPS = 40;

  /** For subclasses. */
  protected AllocatorContract() {}

  /**
   * Returns the strategy under test. Called once per property.
   *
   * @return the strategy
   */
  protected abstract AllocationStrategy strategy();

  /**
   * Returns the promises the strategy makes beyond the contract.
   *
   * @return the features; none by default
   */
  protected Set<AllocatorFeature> features() {
    return Set.of();
  }

  /** Checks {@link Invariant#PLACEMENT}. */
  @Test
  public void placement_everyStep_liesInCapacityAndOverlapsNoLiveRegion() {
    check(Invariant.PLACEMENT);
  }

  /** Checks {@link Invariant#BLOCK_LIST}. */
  @Test
  public void blockList_everyStep_isSortedCoalescedAndEqualsModel() {
    check(Invariant.BLOCK_LIST);
  }

  /** Checks {@link Invariant#METRICS}. */
  @Test
  public void metrics_everyStep_followSpecDefinitions() {
    check(Invariant.METRICS);
  }

  /** Checks {@link Invariant#FAILURE_ATOMICITY}. */
  @Test
  public void failedCall_badInputOrMemory_leavesStateUnchanged() {
    check(Invariant.FAILURE_ATOMICITY);
  }

  /** Checks {@link Invariant#BAD_INPUT}. */
  @Test
  public void badInput_everyKind_throwsIllegalArgumentNamingCall() {
    check(Invariant.BAD_INPUT);
  }

  /** Checks {@link Invariant#REQUESTED_CAPACITY}. */
  @Test
  public void memoryFailure_setCapacityToRequested_retrySucceeds() {
    check(Invariant.REQUESTED_CAPACITY);
  }

  /** Checks {@link Invariant#FREE_ALL_EMPTIES}. */
  @Test
  public void deallocEverything_afterAnyProgram_leavesAllocatorEmpty() {
    check(Invariant.FREE_ALL_EMPTIES);
  }

  /** Checks {@link Invariant#REALLOC_KEEPS_OTHERS}. */
  @Test
  public void realloc_anyOutcome_changesOnlyItsOwnRegion() {
    check(Invariant.REALLOC_KEEPS_OTHERS);
  }

  /**
   * Checks {@link Invariant#PYGLET_REFERENCE}, for strategies declaring {@link
   * AllocatorFeature#PYGLET_FIRST_FIT}.
   */
  @Test
  public void pygletFirstFit_everyStep_matchesReference() {
    check(Invariant.PYGLET_REFERENCE);
  }

  /**
   * Checks {@link Invariant#SMALLEST_FIT}, for strategies declaring {@link
   * AllocatorFeature#SMALLEST_FIT}.
   */
  @Test
  public void smallestFit_everyPlacement_takesSmallestFittingHole() {
    check(Invariant.SMALLEST_FIT);
  }

  /**
   * Checks {@link Invariant#COMPACTION}, for strategies declaring {@link
   * AllocatorFeature#COMPACTION}: programs compact now and then with random budgets and
   * granularities, and the kit copies each plan in a simulated buffer.
   */
  @Test
  public void compaction_anyBudgetAndGranularity_movesWholeBlocksAndKeepsEveryRegion() {
    check(Invariant.COMPACTION);
  }

  /**
   * Checks {@link Invariant#ALIGNMENT}, for strategies declaring {@link
   * AllocatorFeature#ALIGNMENT}: programs make aligned calls (alignments 1 to near {@link
   * Long#MAX_VALUE}, powers of two and not), and a twin of the strategy makes the alignment-1 ones
   * unaligned.
   */
  @Test
  public void alignment_alignedCalls_placeAtAlignedHoleStartsAndLeavePaddingFree() {
    check(Invariant.ALIGNMENT);
  }

  /**
   * For a strategy that declares neither {@link AllocatorFeature#ALIGNMENT} nor {@link
   * AllocatorFeature#ALIGNED_CALLS}: after each step of a short program of allocs (half of them
   * aligned at 1, which must work as the unaligned call) and frees, aligned calls above 1 throw
   * {@link UnsupportedAlignmentException} naming the strategy and change nothing.
   */
  @Test
  public void alignedCalls_withoutAlignment_throwUnsupportedAlignmentAndChangeNothing() {
    Assumptions.assumeFalse(
        features().contains(AllocatorFeature.ALIGNMENT)
            || features().contains(AllocatorFeature.ALIGNED_CALLS),
        "the strategy declares ALIGNMENT or ALIGNED_CALLS");
    AllocationStrategy strategy = strategy();
    ContractRun run = new ContractRun(strategy, 64, Set.of(Invariant.BLOCK_LIST));
    for (int step = 0; step < UNSUPPORTED_STEPS; step++) {
      run.apply(
          step % 2 == 0
              ? TraceOperation.of(OperationKind.ALLOC, 0, 1 + step % 7)
              : TraceOperation.of(OperationKind.ALIGNED_ALLOC, 0, 1 + step % 7, 1));
      if (step % 3 == 2) {
        Region live = run.model().liveRegions().get(0);
        run.apply(TraceOperation.of(OperationKind.DEALLOC, 0, live.start(), live.size()));
      }
      Allocator allocator = run.allocator();
      Observation before = Observation.of(allocator);
      Region region = run.model().liveRegions().get(0);
      long size = 1L + step;
      for (Executable call :
          List.<Executable>of(
              () -> allocator.alloc(size, 1 + size),
              () -> allocator.alloc(0, 4),
              () -> allocator.realloc(region.start(), region.size(), region.size() + 1, 8),
              () -> allocator.realloc(region.start(), region.size(), 0, 3))) {
        UnsupportedAlignmentException e =
            Assertions.assertThrows(
                UnsupportedAlignmentException.class,
                call,
                "an aligned call above 1 did not throw UnsupportedAlignmentException (blocks "
                    + RegionText.of(before.blocks())
                    + "): a strategy that takes aligned calls declares ALIGNMENT or ALIGNED_CALLS");
        Assertions.assertEquals(strategy.getName(), e.getStrategyName());
        Assertions.assertTrue(
            before.agreesWith(Observation.of(allocator)), () -> "state after " + e.getMessage());
      }
    }
  }

  /**
   * The allocators a strategy makes report its name ({@code getStrategyName()}, which messages,
   * traces and discovery use), at capacity 0 and at 64.
   */
  @Test
  public void strategyName_ofEveryAllocator_isTheStrategysName() {
    AllocationStrategy strategy = strategy();
    for (long capacity : new long[] {0, 64}) {
      Assertions.assertEquals(
          strategy.getName(),
          strategy.create(capacity).getStrategyName(),
          () -> "the strategy is named '" + strategy.getName() + "', its allocator otherwise");
    }
  }

  /**
   * For strategies declaring {@link AllocatorFeature#ALLOCATION_FREE_CHURN}: after a million steps
   * of churn at 10,000 live regions, the next million allocate under 1 KiB on this thread.
   */
  @Test
  public void churn_onceWarm_allocatesNoHeapMemory() {
    Assumptions.assumeTrue(
        features().contains(AllocatorFeature.ALLOCATION_FREE_CHURN),
        "the strategy does not declare ALLOCATION_FREE_CHURN");
    SteadyChurn.CONTRACT.check(strategy());
  }

  private void check(Invariant invariant) {
    AllocatorFeature feature = invariant.feature();
    Assumptions.assumeTrue(
        feature == null || features().contains(feature),
        () -> "the strategy does not declare " + feature);
    ContractProperties.check(invariant, strategy(), features());
  }
}
