package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.ForwardingAllocator;
import dev.allot.UnsupportedCompactionException;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import dev.allot.testkit.reference.MissedMergeAllocator;
import dev.allot.testkit.reference.PaddedBlockAllocator;
import dev.allot.testkit.reference.PygletReferenceAllocator;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import dev.allot.testkit.reference.TopOfHoleAlignedAllocator;
import dev.allot.testkit.reference.UnalignedTailAllocator;
import dev.allot.testkit.reference.WrappingRoundUpAllocator;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * A conformance kit that passes a broken strategy is worthless: each test runs one property against
 * a strategy broken in one way and asserts that the property fails and names the broken invariant.
 */
class BrokenStrategiesTest {

  @Test
  void placement_regionReportedOneIndexEarly_isCaught() {
    assertCaught(
        Invariant.PLACEMENT,
        Invariant.PLACEMENT,
        overReference("off-by-one", OffByOnePlacementAllocator::new));
  }

  @Test
  void blockList_touchingBlocksNotMerged_isCaught() {
    assertCaught(
        Invariant.BLOCK_LIST,
        Invariant.BLOCK_LIST,
        new TestStrategy("missed-merge", MissedMergeAllocator::new));
  }

  @Test
  void metrics_leadingGapSkippedAsInPyglet_isCaught() {
    assertCaught(
        Invariant.METRICS,
        Invariant.METRICS,
        overReference("pyglet-metrics", PygletMetricsAllocator::new));
  }

  @Test
  void failureAtomicity_reallocFreesBeforeAllocating_isCaught() {
    assertCaught(
        Invariant.FAILURE_ATOMICITY,
        Invariant.FAILURE_ATOMICITY,
        overReference("frees-first", ReallocFreesFirstAllocator::new));
  }

  @Test
  void badInput_shrinkingCapacityIgnored_isCaught() {
    assertCaught(
        Invariant.BAD_INPUT,
        Invariant.BAD_INPUT,
        overReference("lenient-capacity", LenientCapacityAllocator::new));
  }

  @Test
  void badInput_wrongExceptionType_isCaughtAsCallOutcome() {
    assertCaught(
        Invariant.BAD_INPUT,
        Invariant.CALL_OUTCOME,
        overReference("wrong-exception", WrongExceptionAllocator::new));
  }

  @Test
  void requestedCapacity_oneIndexShort_isCaught() {
    assertCaught(
        Invariant.REQUESTED_CAPACITY,
        Invariant.REQUESTED_CAPACITY,
        overReference("short-request", ShortRequestAllocator::new));
  }

  @Test
  void freeAllEmpties_singleIndexFreesLeak_isCaught() {
    assertCaught(
        Invariant.FREE_ALL_EMPTIES,
        Invariant.FREE_ALL_EMPTIES,
        overReference("unit-leak", UnitFreeLeakAllocator::new));
  }

  @Test
  void reallocKeepsOthers_oldRegionNeverFreed_isCaught() {
    assertCaught(
        Invariant.REALLOC_KEEPS_OTHERS,
        Invariant.REALLOC_KEEPS_OTHERS,
        overReference("leaky-realloc", LeakyReallocAllocator::new));
  }

  @Test
  void pygletReference_correctButNotPyglet_isCaught() {
    assertCaught(
        Invariant.PYGLET_REFERENCE,
        Invariant.PYGLET_REFERENCE,
        new ListReferenceStrategy(HoleChoice.SMALLEST));
  }

  @Test
  void smallestFit_firstFitPlacement_isCaught() {
    assertCaught(Invariant.SMALLEST_FIT, Invariant.SMALLEST_FIT, new PygletReferenceStrategy());
  }

  @Test
  void compaction_blockSplit_isCaught() {
    assertCaught(
        Invariant.COMPACTION,
        Invariant.COMPACTION,
        new TestStrategy("splitting", SplittingCompactionAllocator::new));
  }

  @Test
  void compaction_translationOffByOneAtBlockEnd_isCaught() {
    assertCaught(
        Invariant.COMPACTION,
        Invariant.COMPACTION,
        new TestStrategy("shifted-translation", ShiftedTranslationAllocator::new));
  }

  @Test
  void compaction_overlapNotSaid_isCaught() {
    assertCaught(
        Invariant.COMPACTION,
        Invariant.COMPACTION,
        new TestStrategy("hidden-overlap", HiddenOverlapAllocator::new));
  }

  @Test
  void compaction_declaredButRefused_isCaught() {
    // Only the compaction property's programs compact: its checker must fail a good call that
    // gives no plan, or a strategy that never turned compaction on passes the whole contract.
    assertCaught(
        Invariant.COMPACTION,
        Invariant.COMPACTION,
        overReference(
            "no-compaction",
            allocator ->
                new ForwardingAllocator(allocator) {
                  @Override
                  public CompactionPlan compact(long budget, long granularity) {
                    throw new UnsupportedCompactionException(
                        getStrategyName(), "compact(" + budget + ", " + granularity + ")");
                  }
                }));
  }

  @Test
  void compaction_completeWithHolesOfTheGranularityLeft_isCaught() {
    // The end state was checked at granularity 1 only.
    assertCaught(
        Invariant.COMPACTION,
        Invariant.COMPACTION,
        overReference(
            "early-end",
            allocator ->
                new ForwardingAllocator(allocator) {
                  @Override
                  public CompactionPlan compact(long budget, long granularity) {
                    return granularity > 1
                        ? CompactionPlan.empty(true)
                        : super.compact(budget, granularity);
                  }
                }));
  }

  @Test
  void strategyName_allocatorNamedOtherwise_isCaught() {
    AllocationStrategy named =
        new TestStrategy(
            "low-fit",
            capacity ->
                new ForwardingAllocator(new PygletReferenceAllocator(capacity)) {
                  @Override
                  public String getStrategyName() {
                    return "LowFit v2";
                  }
                });
    AllocatorContract contract =
        new AllocatorContract() {
          @Override
          protected AllocationStrategy strategy() {
            return named;
          }
        };

    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, contract::strategyName_ofEveryAllocator_isTheStrategysName);
    assertTrue(e.getMessage().contains("named 'low-fit', its allocator otherwise"), e.getMessage());
  }

  @Test
  void alignedCalls_supportedButNotDeclared_failsSayingWhatToDeclare() {
    AllocatorContract contract =
        new AllocatorContract() {
          @Override
          protected AllocationStrategy strategy() {
            return new PygletReferenceStrategy(); // aligns, and declares nothing here
          }
        };

    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            contract::alignedCalls_withoutAlignment_throwUnsupportedAlignmentAndChangeNothing);
    assertTrue(
        e.getMessage()
            .startsWith(
                "an aligned call above 1 did not throw UnsupportedAlignmentException (blocks 0:1):"
                    + " a strategy that takes aligned calls declares ALIGNMENT or ALIGNED_CALLS"),
        e.getMessage());
  }

  @Test
  void alignment_tailStartNotRounded_isCaught() {
    assertCaughtAligned(new TestStrategy("unaligned-tail", UnalignedTailAllocator::new));
  }

  @Test
  void placement_alignedCallsAtNonMultipleUnderAlignedCalls_isCaught() {
    // A strategy declaring only ALIGNED_CALLS is not held to the spec's placement, but a start
    // that is no multiple of the alignment breaks what every aligned call owes: PLACEMENT says so.
    assertCaught(
        Invariant.PLACEMENT,
        () ->
            ContractProperties.check(
                Invariant.PLACEMENT,
                new TestStrategy("unaligned-tail", UnalignedTailAllocator::new),
                Set.of(AllocatorFeature.ALIGNED_CALLS)));
  }

  @Test
  void alignment_topOfHolePlacementDeclaredAsAlignment_isCaught() {
    // Correct under ALIGNED_CALLS (TopOfHoleAlignedContractTest), but ALIGNMENT still promises the
    // spec's placement at the aligned start of the hole, and the kit still holds it to that.
    assertCaughtAligned(new TestStrategy("top-of-hole", TopOfHoleAlignedAllocator::new));
  }

  @Test
  void alignment_paddingAllocatedWithTheBlock_isCaught() {
    assertCaughtAligned(new TestStrategy("padded-block", PaddedBlockAllocator::new));
  }

  @Test
  void alignment_roundingWrapsNearLongMax_isCaught() {
    assertCaughtAligned(new TestStrategy("wrapping-round-up", WrappingRoundUpAllocator::new));
  }

  @Test
  void alignment_alignmentOneNotTheUnalignedCall_isCaught() {
    // first-fit with the spec's aligned rules at every alignment, pyglet's quirks dropped at 1
    assertCaughtAligned(
        new TestStrategy(
            "quirkless-one",
            capacity ->
                new ForwardingAllocator(new PygletReferenceAllocator(capacity)) {
                  @Override
                  public long alloc(long size, long alignment) {
                    return alignment == 1 ? super.alloc(size, 2) : super.alloc(size, alignment);
                  }
                }));
  }

  @Test
  void placement_startsTruncatedToInt_isCaughtPast2To31() {
    assertCaught(
        Invariant.PLACEMENT,
        Invariant.PLACEMENT,
        overReference("int-starts", IntStartAllocator::new));
  }

  @Test
  void metrics_largestHoleStalePast64Blocks_isCaught() {
    assertCaught(
        Invariant.METRICS,
        Invariant.METRICS,
        overReference("stale-summary", StaleSummaryAllocator::new));
  }

  @Test
  void badInput_freeAcrossHoleBetweenBlocks_isCaught() {
    assertCaught(
        Invariant.BAD_INPUT,
        Invariant.BAD_INPUT,
        overReference("hole-spanning-free", HoleSpanningFreeAllocator::new));
  }

  @Test
  void blockList_ownMutableListHandedOut_isCaught() {
    assertCaught(
        Invariant.BLOCK_LIST,
        Invariant.BLOCK_LIST,
        overReference("shared-list", SharedListAllocator::new));
  }

  @Test
  void realloc_growthOverTheNextRegion_isCaught() {
    // The blocks after the call are the union they should be, so comparing block lists alone
    // passed it: the realloc property must also see that the grown region overlaps a neighbour.
    assertCaught(
        Invariant.REALLOC_KEEPS_OTHERS,
        Invariant.REALLOC_KEEPS_OTHERS,
        new TestStrategy(
            "neighbour-eating",
            capacity ->
                new NeighbourEatingReallocAllocator(
                    new ListReferenceStrategy(HoleChoice.FIRST).create(capacity))));
  }

  @Test
  void blockList_liveViewHandedOut_isCaught() {
    // An unmodifiable view refuses the probe's append, so only a list kept across calls shows that
    // it is no snapshot: the caller's earlier list changes when the allocator does.
    assertCaught(
        Invariant.BLOCK_LIST,
        Invariant.BLOCK_LIST,
        overReference("live-view", LiveViewAllocator::new));
  }

  @Test
  void metrics_memoryFailureReportsFreeSizeAsLargestHole_isCaught() {
    assertCaught(
        Invariant.METRICS,
        Invariant.METRICS,
        overReference("wrong-memory-figures", WrongMemoryFiguresAllocator::new));
  }

  private static AllocationStrategy overReference(String name, UnaryOperator<Allocator> breaker) {
    return new TestStrategy(
        name, capacity -> breaker.apply(new PygletReferenceAllocator(capacity)));
  }

  /** The strategy, declaring {@link AllocatorFeature#ALIGNMENT}, breaks that invariant. */
  private static void assertCaughtAligned(AllocationStrategy strategy) {
    assertCaught(
        Invariant.ALIGNMENT,
        () ->
            ContractProperties.check(
                Invariant.ALIGNMENT, strategy, Set.of(AllocatorFeature.ALIGNMENT)));
  }

  private static void assertCaught(
      Invariant property, Invariant broken, AllocationStrategy strategy) {
    assertCaught(broken, () -> ContractProperties.check(property, strategy));
  }

  private static void assertCaught(Invariant broken, Executable check) {
    ContractFailure failure = assertThrows(ContractFailure.class, check);
    String message = failure.getMessage();
    assertEquals(broken, failure.invariant(), message);
    assertTrue(message.contains("breaks " + broken), message);
    assertTrue(message.contains("[" + broken + "]"), message);
    assertTrue(message.contains(failure.trace()), message);
    assertTrue(
        message.contains("-D" + ContractSettings.SEED_PROPERTY + "=" + failure.seed()), message);
  }
}
