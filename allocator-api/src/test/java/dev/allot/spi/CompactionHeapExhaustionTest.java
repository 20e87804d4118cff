package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.fixture.Blocks;
import dev.allot.fixture.ChildJvm;
import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Java heap running out in the middle of a compaction pass, after blocks have moved: the moves
 * made must still reach the caller. Run in a JVM of its own with a small heap ({@link ChildJvm}),
 * which {@link HeapFiller} fills right after each move from the tenth on, so that one of the pass's
 * next allocations fails, whichever it is. Before, the plan's own bookkeeping allocated after each
 * move (a move record, a growing array, the plan's copy at the switch to the bulk path) and a
 * failure there threw the moves away.
 */
class CompactionHeapExhaustionTest {

  /** The move after which the heap is first filled. */
  private static final int MOVES_BEFORE_FULL = 10;

  @Test
  void compact_heapRunsOutAfterAMove_returnsTheMovesMade()
      throws IOException, InterruptedException {
    String out = ChildJvm.run(HeapFiller.class);

    // The heap is full after the tenth move, but a few more small allocations may still fit (in
    // what is left of the thread's allocation buffer, or in room a later collection finds), so the
    // pass may make a move or two more. Incomplete with no budget: it ended on the failure,
    // returning every move made.
    assertEquals("at-least-10-moves=true complete=false blocks-as-planned=true\n", out);
  }

  /**
   * The child process: 2,000 blocks with gaps between them, a pass that fills the heap after its
   * tenth move and again after each later one, then a check that the plan names exactly the moves
   * made. Prints one line.
   */
  static final class HeapFiller {

    private HeapFiller() {}

    /** What fills the heap; dropped once the pass returns. */
    private static @Nullable Object ballast;

    public static void main(String[] args) {
      int[] moves = {0};
      AbstractAllocator allocator =
          new TreeMapAllocator(8_000) {
            @Override
            protected void moveBlock(long from, long size, long to) {
              super.moveBlock(from, size, to);
              // Filled again after each later move: once, the pass ran to its end on the room a
              // collection found after the first fill (a CI run on 2026-11-28).
              if (++moves[0] >= MOVES_BEFORE_FULL) {
                ballast = ChildJvm.fill(ballast);
              }
            }
          };
      allocator.alloc(8_000);
      for (long start = 0; start < 8_000; start += 4) {
        allocator.dealloc(start, 2);
      }
      List<Region> before = allocator.getAllocatedRegions();
      CompactionPlan plan;
      try {
        plan = allocator.compact();
      } catch (Throwable e) {
        ballast = null;
        System.out.println("compact threw " + e);
        return;
      }
      ballast = null;
      List<Region> planned = new ArrayList<>();
      for (Region block : before) {
        planned.add(new Region(plan.translate(block.start()), block.size()));
      }
      System.out.println(
          "at-least-"
              + MOVES_BEFORE_FULL
              + "-moves="
              + (plan.moves().size() >= MOVES_BEFORE_FULL)
              + " complete="
              + plan.isComplete()
              + " blocks-as-planned="
              + Blocks.of(planned).equals(allocator.getAllocatedRegions()));
    }
  }
}
