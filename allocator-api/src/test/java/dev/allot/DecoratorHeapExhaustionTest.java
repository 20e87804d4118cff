package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.fixture.Blocks;
import dev.allot.fixture.ChildJvm;
import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The decorators when the Java heap is full at the moment they must report a failure: each child
 * program fills a 32 MiB heap ({@link ChildJvm}) and keeps it full, as another thread's data would,
 * then fails. What the caller must still get is what the failure's contract promises.
 */
class DecoratorHeapExhaustionTest {

  /**
   * A growing allocator's relocation listener that ran the heap out on the second move of a
   * compaction: the caller gets the {@link IncompleteCompactionException} with the plan the blocks
   * followed. Before, making the exception failed too, and the caller got a bare {@link
   * OutOfMemoryError} and no plan.
   */
  @Test
  void growingCompact_listenerRunsTheHeapOut_exceptionStillCarriesThePlan()
      throws IOException, InterruptedException {
    assertEquals(
        "IncompleteCompactionException copied=1 moves=2 blocks-as-planned=true\n",
        ChildJvm.run(ListenerFillsTheHeap.class));
  }

  /** The child program of the growing allocator's test. Prints one line. */
  static final class ListenerFillsTheHeap {

    /** What fills the heap; dropped once the decorator answered. */
    @SuppressWarnings("unused") // written to keep the heap full, never read
    private static @Nullable Object ballast;

    private ListenerFillsTheHeap() {}

    public static void main(String[] args) {
      RuntimeException failed =
          new IllegalStateException("listener failed"); // before the heap fills
      int[] calls = {0};
      GrowingAllocator allocator =
          Allocators.growing(
              new TreeMapAllocator(100),
              GrowthPolicy.doubling(),
              (oldCapacity, newCapacity) -> {},
              (from, to, size) -> {
                if (++calls[0] == 2) {
                  ballast = ChildJvm.fill(null);
                  throw failed;
                }
              });
      for (int i = 0; i < 10; i++) {
        allocator.alloc(10);
      }
      for (long start = 10; start < 100; start += 20) {
        allocator.dealloc(start, 10);
      }
      List<Region> before = allocator.getAllocatedRegions();
      try {
        allocator.compact();
        ballast = null;
        System.out.println("compact returned");
      } catch (IncompleteCompactionException e) {
        ballast = null;
        List<Region> planned = new ArrayList<>();
        for (Region block : before) {
          planned.add(new Region(e.getPlan().translate(block.start()), block.size()));
        }
        System.out.println(
            "IncompleteCompactionException copied="
                + e.getCopiedMoves()
                + " moves="
                + e.getPlan().moves().size()
                + " blocks-as-planned="
                + Blocks.of(planned).equals(allocator.getAllocatedRegions()));
      } catch (Throwable e) {
        ballast = null;
        System.out.println("compact threw " + e.getClass().getSimpleName());
      }
    }
  }
}
