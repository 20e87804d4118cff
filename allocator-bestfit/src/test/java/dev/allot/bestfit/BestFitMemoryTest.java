package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Region;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts the bytes of the index arrays per live block (array lengths, not use: pools and free nodes
 * included) against the budget of 48. Deterministic: nothing here is timed.
 */
class BestFitMemoryTest {

  /** The per-block memory budget of the performance requirements. */
  private static final double BUDGET_BYTES_PER_BLOCK = 48;

  /** Live blocks in each measurement. */
  private static final int BLOCKS = 200_000;

  @Test
  void footprint_everyOtherUnitFreedLeftToRight_staysWithinBudget() {
    BestFitAllocator allocator = new BestFitAllocator(2L * BLOCKS);
    allocator.alloc(2L * BLOCKS);
    for (long i = 1; i < 2L * BLOCKS; i += 2) {
      allocator.dealloc(i, 1);
    }
    assertWithinBudget("ascending frees", allocator);
  }

  @Test
  void footprint_randomFreesThenChurn_staysWithinBudget() {
    int regions = 2 * BLOCKS;
    BestFitAllocator allocator = new BestFitAllocator(64L * regions);
    SplittableRandom random = new SplittableRandom(11);
    long[] starts = new long[regions];
    long[] sizes = new long[regions];
    fill(allocator, random, starts, sizes, 1);
    int live = regions;
    for (int call = 0; call < 2 * regions; call++) {
      if (call >= regions / 2 && call % 2 == 1) { // after freeing a quarter, alternate
        sizes[live] = 1L + random.nextInt(64);
        starts[live] = allocator.alloc(sizes[live]);
        live++;
      } else {
        int victim = random.nextInt(live);
        allocator.dealloc(starts[victim], sizes[victim]);
        live--;
        starts[victim] = starts[live];
        sizes[victim] = sizes[live];
      }
    }
    assertTrue(
        allocator.getAllocatedRegions().size() > BLOCKS / 8,
        () -> "the churn must fragment: " + allocator.getAllocatedRegions().size());
    assertWithinBudget("random frees then churn", allocator);
  }

  @ParameterizedTest
  // the last: past the 2^17 blocks from which the block tree keeps leaf hints
  @CsvSource({"2000, 1, true", "2000, 16, true", "150000, 1, true", "200000, 16, false"})
  void footprintBytes_afterChurn_isTheBytesOfTheArraysItReaches(
      int regions, long alignment, boolean someUnaligned) {
    BestFitAllocator allocator = new BestFitAllocator(256L * regions);
    SplittableRandom random = new SplittableRandom(13);
    long[] starts = new long[regions];
    long[] sizes = new long[regions];
    fill(allocator, random, starts, sizes, alignment);
    for (int call = 0; call < regions; call++) { // free one at random, allocate one
      int victim = random.nextInt(regions);
      allocator.dealloc(starts[victim], sizes[victim]);
      sizes[victim] = 1L + random.nextInt(64);
      starts[victim] =
          allocator.alloc(sizes[victim], someUnaligned && random.nextBoolean() ? 1 : alignment);
    }
    if (!someUnaligned) {
      assertTrue(allocator.getAllocatedRegions().size() > LongPairTree.HINT_FROM);
    }

    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes());
  }

  /** Allocates a region of 1 to 64 indices at {@code alignment} for each slot of the arrays. */
  private static void fill(
      BestFitAllocator allocator,
      SplittableRandom random,
      long[] starts,
      long[] sizes,
      long alignment) {
    for (int i = 0; i < starts.length; i++) {
      sizes[i] = 1L + random.nextInt(64);
      starts[i] = allocator.alloc(sizes[i], alignment);
    }
  }

  private static void assertWithinBudget(String workload, BestFitAllocator allocator) {
    int blocks = allocator.getAllocatedRegions().size();
    double perBlock = (double) allocator.footprintBytes() / blocks;
    System.out.printf(
        "best-fit memory, %s: %d blocks, %.1f bytes per block%n", workload, blocks, perBlock);
    assertTrue(perBlock <= BUDGET_BYTES_PER_BLOCK, workload + ": " + perBlock + " bytes per block");
    // honest only if it counts at least the two 32-bit halves of an entry in each index (a block
    // and about one hole)
    assertTrue(
        perBlock >= 4 * Integer.BYTES,
        workload + ": " + perBlock + " bytes per block cannot hold the keys");
    assertEquals(blocks, allocator.getAllocatedRegions().size());
  }

  /**
   * The calls that rebuild structures rather than change them: an aligned call's reload of the hole
   * index (trees loaded empty forget their nodes), the bulk compaction's loads, and the widening
   * past 2^32 - 1, after which no narrow array may stay reachable uncounted.
   */
  @Test
  void footprintBytes_afterReloadsCompactionAndWidening_isTheBytesOfTheArraysItReaches() {
    BestFitAllocator allocator = new BestFitAllocator(60_000);
    allocator.alloc(30_000);
    for (long i = 1; i < 20_000; i += 2) { // holes of 1: the arrays overflow into a tree of 1
      allocator.dealloc(i, 1);
    }
    for (long i = 20_000; i < 30_000; i += 100) { // holes of 3 and of 70
      allocator.dealloc(i, i % 200 == 0 ? 3 : 70);
    }
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "fragmented");

    allocator.alloc(5, 16); // reloads the holes that hold a multiple of 16: none of 1
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "aligned reload");
    allocator.alloc(1); // every hole again
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "second reload");
    allocator.compact(5_000, 1); // bulk: both indexes loaded
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "compaction");

    allocator.setCapacity((1L << 32) + 10); // widens every keys array
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "widened");
    Region last = allocator.getAllocatedRegions().get(allocator.getAllocatedRegions().size() - 1);
    allocator.dealloc(last.start(), 1);
    allocator.alloc(1L << 31); // in the tail, which is longer than 2^32 - 1 less the blocks
    assertEquals(ReachableArrays.bytes(allocator), allocator.footprintBytes(), "after widening");
  }

  /**
   * Keys arrays are narrow while every value fits 32 bits unsigned, up to a capacity of 2^32 - 1
   * itself: the same arrays then as at any smaller capacity.
   */
  @Test
  void footprintBytes_capacityOfTwoToThe32MinusOne_isThatOfASmallCapacity() {
    assertEquals(
        new BestFitAllocator(1_000).footprintBytes(),
        new BestFitAllocator(KeyArrays.LOW_BITS).footprintBytes());

    BestFitAllocator raised = new BestFitAllocator(1_000);
    BestFitAllocator raisedLess = new BestFitAllocator(1_000);
    raised.alloc(10);
    raisedLess.alloc(10);
    raised.setCapacity(KeyArrays.LOW_BITS);
    raisedLess.setCapacity(KeyArrays.LOW_BITS - 1);
    assertEquals(raisedLess.footprintBytes(), raised.footprintBytes());
    raised.setCapacity(KeyArrays.LOW_BITS + 1); // now the keys must widen
    assertTrue(raised.footprintBytes() > raisedLess.footprintBytes());
  }
}
