package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.UnsupportedCompactionException;
import dev.allot.fixture.Blocks;
import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The skeleton's compaction rules (fill, slide, budget, granularity) on a plain strategy. */
class AbstractAllocatorCompactionTest {

  /** Blocks [0,2) [4,6) [9,12) [17,20) in capacity 24. */
  private static AbstractAllocator fragmented() {
    return fragment(new TreeMapAllocator(24));
  }

  /** Makes fragmented()'s blocks in an empty allocator of capacity 24 or more. */
  private static AbstractAllocator fragment(AbstractAllocator allocator) {
    allocator.alloc(20);
    allocator.dealloc(2, 2);
    allocator.dealloc(6, 3);
    allocator.dealloc(12, 5);
    return allocator;
  }

  @Test
  void compact_full_fillsWhereTheLastBlockFitsAndSlidesOtherwise() {
    AbstractAllocator allocator = fragmented();

    CompactionPlan plan = allocator.compact();

    assertEquals(
        List.of(
            CompactionMove.of(4, 2, 2), CompactionMove.of(17, 4, 3), CompactionMove.of(9, 7, 3)),
        plan.moves());
    assertEquals(8, plan.movedIndices());
    assertTrue(plan.isComplete());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
    assertEquals(14, allocator.getFreeSize());
    assertEquals(0, allocator.getFragmentedFreeSize());
  }

  /**
   * {@link AbstractAllocator#blockEnd} may answer, for a range that does not end its block, any
   * index past the range inside the block instead of the end (as tlsf's does). A slide must still
   * move the whole block: with budget 0 the one move of {@code [2, 8)} takes all of it, so that the
   * region the caller holds there, translated, is allocated.
   */
  @Test
  void compact_blockEndAnswersAnIndexShortOfTheEnd_slidesTheWholeBlock() {
    AbstractAllocator allocator =
        new TreeMapAllocator(20) {
          @Override
          protected long blockEnd(long start, long size) {
            long end = super.blockEnd(start, size);
            return end == NO_BLOCK || end == start + size ? end : start + size + 1;
          }
        };
    allocator.alloc(2);
    long region = allocator.alloc(6); // [2, 8), held by the caller
    allocator.dealloc(0, 2);

    CompactionPlan plan = allocator.compact(0, 1);

    assertEquals(List.of(CompactionMove.of(2, 0, 6)), plan.moves());
    assertEquals(List.of(new Region(0, 6)), allocator.getAllocatedRegions());
    allocator.dealloc(plan.translate(region), 6);
    assertTrue(allocator.isEmpty());
  }

  /**
   * A primitive may fail, changing nothing (a strategy that cannot make room for a moved block). A
   * failure after the pass has moved blocks must not reach the caller without those moves: the
   * blocks have moved, so the caller would copy nothing and keep stale starts. The pass ends there
   * with the moves made, as at the budget; the next call, which fails before any move, throws and
   * changes nothing.
   */
  @Test
  void compact_moveBlockFailsAfterTheFirstMove_returnsTheMovesMadeAndTheNextCallThrows() {
    int[] moves = {0};
    AbstractAllocator allocator =
        fragment(
            new TreeMapAllocator(24) {
              @Override
              protected void moveBlock(long from, long size, long to) {
                if (++moves[0] > 1) {
                  throw new IllegalStateException("no room for a moved block");
                }
                super.moveBlock(from, size, to);
              }
            });

    CompactionPlan plan = allocator.compact();

    assertEquals(List.of(CompactionMove.of(4, 2, 2)), plan.moves());
    assertFalse(plan.isComplete());
    List<Region> after =
        List.of(new Region(0, 4), new Region(9, 3), new Region(17, 3)); // what the plan says
    assertEquals(after, allocator.getAllocatedRegions());
    assertThrows(IllegalStateException.class, allocator::compact);
    assertEquals(after, allocator.getAllocatedRegions());
  }

  /**
   * Every primitive the pass calls after a move may fail, not only moveBlock, and with an Error as
   * well (a strategy short of heap): the moves made still come back, and the failure is logged.
   * Before, only moveBlock's failure was caught, and the others threw the moves away.
   */
  @Test
  void compact_anyPrimitiveFailsAfterTheFirstMove_returnsTheMovesMadeAndLogsWhy() {
    Logger logger = (Logger) LoggerFactory.getLogger(AbstractAllocator.class);
    Level configured = logger.getLevel(); // off in logback-test.xml, against the other tests' noise
    logger.setLevel(Level.WARN);
    logger.setAdditive(false); // to the list only
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      List<Throwable> failures =
          List.of(
              new IllegalStateException("injected in firstGapEnd"),
              new OutOfMemoryError("injected in previousEnd"),
              new StackOverflowError("injected in lastStart"));
      for (Throwable failure : failures) {
        String primitive = failure.getMessage().substring("injected in ".length());
        AbstractAllocator allocator = failingOnSecondCall(primitive, failure);

        CompactionPlan plan = allocator.compact();

        assertEquals(List.of(CompactionMove.of(4, 2, 2)), plan.moves(), primitive);
        assertFalse(plan.isComplete(), primitive);
        assertEquals(
            List.of(new Region(0, 4), new Region(9, 3), new Region(17, 3)),
            allocator.getAllocatedRegions(),
            primitive);
        ILoggingEvent event = logged.list.get(logged.list.size() - 1);
        assertEquals(
            "compact on tree-map ended after 1 moves, returned as an incomplete plan: " + failure,
            event.getFormattedMessage());
        assertEquals(Level.WARN, event.getLevel());
        assertEquals(failure.getClass().getName(), event.getThrowableProxy().getClassName());
      }
      assertEquals(3, logged.list.size());
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(configured);
      logger.setAdditive(true);
    }
  }

  /** The same failure before any move: the call throws it and changes nothing. */
  @Test
  void compact_primitiveFailsBeforeAnyMove_throwsItAndChangesNothing() {
    IllegalStateException failure = new IllegalStateException("injected");
    AbstractAllocator allocator =
        fragment(
            new TreeMapAllocator(24) {
              @Override
              protected long lastStart() {
                throw failure;
              }
            });
    List<Region> before = allocator.getAllocatedRegions();

    assertSame(failure, assertThrows(IllegalStateException.class, allocator::compact));
    assertEquals(before, allocator.getAllocatedRegions());
  }

  /** fragmented()'s blocks, whose primitive named {@code primitive} throws on its second call. */
  private static AbstractAllocator failingOnSecondCall(String primitive, Throwable failure) {
    int[] calls = {0};
    Runnable call =
        () -> {
          if (++calls[0] == 2) {
            throwUnchecked(failure);
          }
        };
    return fragment(
        new TreeMapAllocator(24) {
          @Override
          protected long firstGapEnd(long minGap) {
            if (primitive.equals("firstGapEnd")) {
              call.run();
            }
            return super.firstGapEnd(minGap);
          }

          @Override
          protected long previousEnd(long start) {
            if (primitive.equals("previousEnd")) {
              call.run();
            }
            return super.previousEnd(start);
          }

          @Override
          protected long lastStart() {
            if (primitive.equals("lastStart")) {
              call.run();
            }
            return super.lastStart();
          }
        });
  }

  private static void throwUnchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    throw (RuntimeException) failure;
  }

  /**
   * Primitives that contradict each other (here previousEnd answering the block's own start) point
   * at a move that is not down: the pass stops there instead of repeating it until the budget runs
   * out, or forever with none.
   */
  @Test
  void compact_primitivesPointAtAMoveThatIsNotDown_throwsNamingIt() {
    AbstractAllocator allocator =
        fragment(
            new TreeMapAllocator(24) {
              @Override
              protected long previousEnd(long start) {
                return start;
              }
            });
    List<Region> before = allocator.getAllocatedRegions();

    IllegalStateException e = assertThrows(IllegalStateException.class, allocator::compact);

    assertEquals(
        "tree-map: compaction's primitives point at a move of the block at 4 to 4, not down"
            + " (firstGapEnd, previousEnd, lastStart, lastEnd or blockEnd is wrong)",
        e.getMessage());
    assertEquals(before, allocator.getAllocatedRegions());
  }

  /** The same for the bulk path: a failure there leaves the moves of the step path, returned. */
  @Test
  void compact_bulkPathFails_returnsTheStepPathsMoves() {
    AbstractAllocator allocator =
        new TreeMapAllocator(200, true) {
          @Override
          protected void replaceBlocks(long[] starts, long[] ends, int count) {
            throw new IllegalStateException("no room for the new block list");
          }
        };
    allocator.alloc(200);
    for (long start = 0; start < 200; start += 5) {
      allocator.dealloc(start, 2); // 40 blocks of 3 after gaps of 2: the pass goes bulk at 16
    }
    List<Region> before = allocator.getAllocatedRegions();

    CompactionPlan plan = allocator.compact();

    assertEquals(16, plan.moves().size());
    assertFalse(plan.isComplete());
    List<Region> moved = new ArrayList<>(); // each block where the plan puts it
    for (Region block : before) {
      moved.add(new Region(plan.translate(block.start()), block.size()));
    }
    assertEquals(Blocks.of(moved), allocator.getAllocatedRegions());
  }

  @Test
  void compact_lastBlockFillsTheHoleExactly_movesItThere() {
    AbstractAllocator allocator = new TreeMapAllocator(20);
    allocator.alloc(10);
    allocator.dealloc(2, 3); // [0,2) [5,10)
    allocator.alloc(5); // [0,2) [5,15): the hole is 3
    allocator.dealloc(10, 2); // [0,2) [5,10) [12,15)

    CompactionPlan plan = allocator.compact();

    assertEquals(List.of(CompactionMove.of(12, 2, 3)), plan.moves());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_holeStartNotAMultipleOfTheGranularity_fillsAtTheCongruentStartInsideIt() {
    AbstractAllocator allocator = new TreeMapAllocator(20);
    allocator.alloc(14);
    allocator.dealloc(1, 4);
    allocator.dealloc(7, 5); // [0,1) [5,7) [12,14): in the hole [1,5), 3 is congruent to 12 mod 3

    CompactionPlan plan = allocator.compact(Long.MAX_VALUE, 3);

    assertEquals(List.of(CompactionMove.of(12, 3, 2)), plan.moves());
    assertEquals(List.of(new Region(0, 1), new Region(3, 4)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_leadingGap_slidesTheFirstBlockToZero() {
    AbstractAllocator allocator = new TreeMapAllocator(20);
    allocator.alloc(9);
    allocator.dealloc(0, 4);

    CompactionPlan plan = allocator.compact(Long.MAX_VALUE, 3);

    assertEquals(List.of(new CompactionMove(4, 1, 5, true)), plan.moves());
    assertTrue(plan.isComplete());
    assertEquals(1, allocator.getFragmentedFreeSize()); // the gap of 1 is below the granularity
  }

  @Test
  void compact_granularity_fillsAtTheLowestCongruentStart() {
    AbstractAllocator allocator = fragmented();

    CompactionPlan plan = allocator.compact(Long.MAX_VALUE, 2);

    assertEquals(List.of(CompactionMove.of(4, 2, 2), CompactionMove.of(17, 5, 3)), plan.moves());
    assertEquals(
        List.of(new Region(0, 4), new Region(5, 3), new Region(9, 3)),
        allocator.getAllocatedRegions());
  }

  @Test
  void compact_budget_countsEveryMoveAndAlwaysMakesTheFirst() {
    AbstractAllocator allocator = fragmented();

    CompactionPlan first = allocator.compact(1, 1);
    CompactionPlan second = allocator.compact(6, 1);
    CompactionPlan third = allocator.compact(6, 1);

    assertEquals(List.of(CompactionMove.of(4, 2, 2)), first.moves()); // 2 > 1, made anyway
    assertFalse(first.isComplete());
    assertEquals(6, second.movedIndices()); // 3 + 3 = 6: exactly the budget
    assertTrue(second.isComplete());
    assertEquals(List.of(), third.moves());
    assertTrue(third.isComplete());
  }

  @Test
  void compact_budgetBelowTheSecondMove_stopsAfterTheFirst() {
    AbstractAllocator allocator = fragmented();

    CompactionPlan plan = allocator.compact(4, 1);

    assertEquals(List.of(CompactionMove.of(4, 2, 2)), plan.moves()); // 2 + 3 would pass 4
    assertFalse(plan.isComplete());
  }

  @Test
  void compact_keepsTheCounters() {
    AbstractAllocator allocator = fragmented();

    allocator.compact(0, 1);

    assertEquals(14, allocator.getFreeSize());
    assertEquals(10, allocator.getFragmentedFreeSize()); // a slide moves a hole up, not away
    assertFalse(allocator.isEmpty());
  }

  @Test
  void compact_badInput_namesTheCallAndChangesNothing() {
    AbstractAllocator allocator = fragmented();

    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> allocator.compact(-3, 1));

    assertEquals("compact(-3, 1): negative number -3", thrown.getMessage());
    assertEquals(4, allocator.getAllocatedRegions().size());
  }

  @Test
  void compact_strategyWithoutPrimitives_refusesOnlyWhenFragmented() {
    AbstractAllocator plain =
        new TreeMapAllocator(10) {
          @Override
          protected boolean supportsCompaction() {
            return false;
          }
        };
    plain.alloc(4);
    assertTrue(plain.compact().isComplete());
    plain.dealloc(0, 1);

    UnsupportedCompactionException thrown =
        assertThrows(UnsupportedCompactionException.class, () -> plain.compact(9, 1));

    assertEquals(
        "compact(9, 1): strategy tree-map does not support compaction", thrown.getMessage());
  }
}
