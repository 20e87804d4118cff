package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.AllocatorInvariants;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.fixture.TreeMapAllocator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The skeleton's realloc rules ({@code docs/spec/semantics.md}, first-fit rules 1-7 and best-fit's
 * same-size rule) in their order, seen through the primitives a plain strategy is asked for: each
 * rule either answers without asking for a later step or hands over to the next one.
 */
class AbstractAllocatorReallocTest {

  private static void assertBlocks(LoggedPrimitivesAllocator allocator, Region... blocks) {
    assertEquals(List.of(blocks), allocator.getAllocatedRegions());
    AllocatorInvariants.check(allocator);
  }

  /** One block [0, 6) in capacity {@code capacity}, with the calls that made it forgotten. */
  private static LoggedPrimitivesAllocator blockOfSix(long capacity) {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(capacity);
    allocator.alloc(6);
    allocator.takeCalls();
    return allocator;
  }

  @Test
  void realloc_newSizeZero_freesTheRegionAndReturnsZero() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(0, allocator.realloc(2, 2, 0));

    assertEquals(List.of("free 2 2"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 2), new Region(4, 2));
    assertEquals(6, allocator.getFreeSize());
  }

  @Test
  void realloc_newSizeZeroAndSizeZero_changesNothingWhateverTheStart() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(0, allocator.realloc(Long.MAX_VALUE, 0, 0));

    assertEquals(List.of(), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 6));
  }

  @Test
  void realloc_sizeZero_allocatesIgnoringTheStart() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(6, allocator.realloc(Long.MAX_VALUE, 0, 3));

    assertEquals(List.of("place 3"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 9));
    assertEquals(1, allocator.getFreeSize());
  }

  @Test
  void realloc_shrink_freesTheSuffixWithoutLookingForTheBlock() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(1, allocator.realloc(1, 4, 2));

    assertEquals(List.of("free 3 2"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 3), new Region(5, 1));
    assertEquals(6, allocator.getFreeSize());
  }

  @Test
  void realloc_sameSize_staysOnceTheBlockIsFound() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(2, allocator.realloc(2, 3, 3));

    assertEquals(List.of("blockEnd 2 3"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 6));
  }

  @Test
  void realloc_sameSizeWhereTheStrategyDoesNotKeepIt_growsByNothingOrMoves() {
    TreeMapAllocator allocator =
        new TreeMapAllocator(12) {
          @Override
          protected boolean keepsSameSizeInPlace() {
            return false;
          }
        };
    allocator.alloc(6);

    assertEquals(2, allocator.realloc(2, 4, 4)); // ends its block: grows in place by 0
    assertEquals(6, allocator.realloc(0, 2, 2)); // does not: moves, as pyglet does

    assertEquals(List.of(new Region(2, 6)), allocator.getAllocatedRegions());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void realloc_growAtTheBlockEnd_growsInPlace() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(2, allocator.realloc(2, 4, 7));

    assertEquals(List.of("blockEnd 2 4", "growInPlace 6 3 1"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 9));
    assertEquals(1, allocator.getFreeSize());
  }

  @Test
  void realloc_growInsideTheBlock_placesTheNewRegionBeforeFreeingTheOld() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    // Freeing first would let the new region start at 0, over the data still to be copied.
    assertEquals(6, allocator.realloc(0, 2, 3));

    assertEquals(List.of("blockEnd 0 2", "place 3", "free 0 2"), allocator.takeCalls());
    assertBlocks(allocator, new Region(2, 7));
    assertEquals(3, allocator.getFreeSize());
  }

  @Test
  void realloc_growInPlaceRefused_relocates() {
    LoggedPrimitivesAllocator allocator = blockOfSix(16);
    allocator.dealloc(4, 1); // [0, 4) [5, 6): one free index after the first block
    allocator.takeCalls();

    assertEquals(6, allocator.realloc(0, 4, 6));

    assertEquals(
        List.of("blockEnd 0 4", "growInPlace 4 2 1", "place 6", "free 0 4"), allocator.takeCalls());
    assertBlocks(allocator, new Region(5, 7));
    assertEquals(9, allocator.getFreeSize());
  }

  @Test
  void realloc_explicitAlignmentOne_followsTheUnalignedRules() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertEquals(2, allocator.realloc(2, 4, 7, 1));
    assertEquals(0, allocator.realloc(0, 9, 5, 1));
    assertEquals(5, allocator.realloc(0, 2, 3, 1));

    assertEquals(
        List.of(
            "blockEnd 2 4", "growInPlace 6 3 1", "free 5 4", "blockEnd 0 2", "place 3", "free 0 2"),
        allocator.takeCalls());
    assertBlocks(allocator, new Region(2, 6));
  }

  @Test
  void realloc_relocationFindsNoRoom_changesNothingAndNamesTheCapacityThatSuffices() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);
    allocator.alloc(8);
    allocator.dealloc(1, 1); // [0, 1) [2, 8)
    allocator.takeCalls();

    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(2, 3, 5));

    assertEquals(13, e.getRequestedCapacity());
    assertEquals(2, e.getLargestFreeHole());
    assertEquals(1, e.getFragmentedFreeSize());
    assertEquals(List.of("blockEnd 2 3", "place 5"), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 1), new Region(2, 6));
    assertEquals(3, allocator.getFreeSize());
  }

  @Test
  void realloc_growthPastLongMaxAtTheBlockEnd_neverAsksToGrowInPlace() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    // 6 + (MAX - 4) overflows: no block can grow there, and a strategy that compared end + growth
    // with its limit would see a negative end and grow. The relocation fails as bad input, since
    // no capacity holds MAX indices after the last block.
    assertThrows(IllegalArgumentException.class, () -> allocator.realloc(2, 4, Long.MAX_VALUE));

    assertEquals(List.of("blockEnd 2 4", "place " + Long.MAX_VALUE), allocator.takeCalls());
    assertBlocks(allocator, new Region(0, 6));
  }

  @Test
  void realloc_sizeZeroFindsNoRoom_namesTheCapacityThatSuffices() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(0, 0, 5));

    assertEquals(11, e.getRequestedCapacity());
    assertBlocks(allocator, new Region(0, 6));
  }

  private static void assertRejected(
      LoggedPrimitivesAllocator allocator, String message, Executable call) {
    List<Region> before = allocator.getAllocatedRegions();
    long free = allocator.getFreeSize();
    allocator.takeCalls();

    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());

    assertEquals(before, allocator.getAllocatedRegions());
    assertEquals(free, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void realloc_regionNotAllocated_namesTheCallAsMadeAndTheRange() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertRejected(
        allocator,
        "realloc(5, 3, 0): region [5, 8) is not allocated",
        () -> allocator.realloc(5, 3, 0));
    assertRejected(
        allocator,
        "realloc(5, 3, 0, 1): region [5, 8) is not allocated",
        () -> allocator.realloc(5, 3, 0, 1));
    assertRejected(
        allocator,
        "realloc(5, 3, 1): region [6, 8) is not allocated",
        () -> allocator.realloc(5, 3, 1));
    assertRejected(
        allocator,
        "realloc(5, 3, 1, 1): region [6, 8) is not allocated",
        () -> allocator.realloc(5, 3, 1, 1));
    assertRejected(
        allocator,
        "realloc(5, 3, 4): region [5, 8) is not allocated",
        () -> allocator.realloc(5, 3, 4));
    assertRejected(
        allocator,
        "realloc(5, 3, 4, 1): region [5, 8) is not allocated",
        () -> allocator.realloc(5, 3, 4, 1));
    assertRejected(
        allocator,
        "realloc(5, 3, 3): region [5, 8) is not allocated",
        () -> allocator.realloc(5, 3, 3));
  }

  @Test
  void realloc_regionEndPastLongMax_isRejectedOnEveryPath() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);
    long max = Long.MAX_VALUE;

    assertRejected(
        allocator,
        "realloc(9223372036854775807, 2, 0): 9223372036854775807 + 2 exceeds 9223372036854775807",
        () -> allocator.realloc(max, 2, 0));
    assertRejected(
        allocator,
        "realloc(9223372036854775807, 2, 1): 9223372036854775807 + 2 exceeds 9223372036854775807",
        () -> allocator.realloc(max, 2, 1));
    assertRejected(
        allocator,
        "realloc(9223372036854775806, 2, 5, 1): 9223372036854775806 + 2 exceeds"
            + " 9223372036854775807",
        () -> allocator.realloc(max - 1, 2, 5, 1));
    assertRejected(
        allocator,
        "realloc(9223372036854775805, 2, 0, 1): region [9223372036854775805, 9223372036854775807)"
            + " is not allocated",
        () -> allocator.realloc(max - 2, 2, 0, 1));
  }

  @Test
  void realloc_negativeOrBadAlignment_isRejectedFirst() {
    LoggedPrimitivesAllocator allocator = blockOfSix(10);

    assertRejected(
        allocator, "realloc(-1, 2, 3): negative number -1", () -> allocator.realloc(-1, 2, 3));
    assertRejected(
        allocator, "realloc(0, -2, 3): negative number -2", () -> allocator.realloc(0, -2, 3));
    assertRejected(
        allocator, "realloc(0, 2, -3): negative number -3", () -> allocator.realloc(0, 2, -3));
    assertRejected(
        allocator,
        "realloc(0, 2, 3, -1): negative number -1",
        () -> allocator.realloc(0, 2, 3, -1));
    assertRejected(
        allocator,
        "realloc(0, 2, 3, 0): alignment 0 is below 1",
        () -> allocator.realloc(0, 2, 3, 0));
    assertEquals(List.of(), allocator.takeCalls());
  }

  /**
   * A tree-map strategy whose free of {@code [failStart, failStart + failSize)} throws {@code
   * failure} (as a strategy's free can when a cut needs a node and the heap is out), and whose free
   * of {@code [undoStart, ...)} throws {@code undoFailure} when that is not null.
   */
  private static final class FailingFreeAllocator extends TreeMapAllocator {
    private final long failStart;
    private final Error failure;
    private final long undoStart;
    private final @Nullable Error undoFailure;

    FailingFreeAllocator(
        long capacity, long failStart, Error failure, long undoStart, @Nullable Error undoFailure) {
      super(capacity);
      this.failStart = failStart;
      this.failure = failure;
      this.undoStart = undoStart;
      this.undoFailure = undoFailure;
    }

    @Override
    protected boolean free(long start, long size) {
      if (start == failStart) {
        throw failure;
      }
      if (start == undoStart && undoFailure != null) {
        throw undoFailure;
      }
      return super.free(start, size);
    }
  }

  @Test
  void realloc_freeOfTheOldRegionFailsAfterThePlacement_takesThePlacementBackAndRethrows() {
    OutOfMemoryError failure = new OutOfMemoryError("no node for the cut");
    // Blocks [0, 6) and [8, 10) after freeing [6, 8): moving [2, 4) to 3 indices places it at 10
    // (the hole [6, 8) is too small), then frees [2, 4), a cut of [0, 6).
    FailingFreeAllocator allocator = new FailingFreeAllocator(16, 2, failure, -1, null);
    allocator.alloc(10);
    allocator.dealloc(6, 2);
    List<Region> before = allocator.getAllocatedRegions();

    assertSame(failure, assertThrows(OutOfMemoryError.class, () -> allocator.realloc(2, 2, 3)));

    assertEquals(before, allocator.getAllocatedRegions());
    assertEquals(8, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void realloc_undoOfThePlacementFailsToo_addsItAsSuppressedAndKeepsThePlacement() {
    OutOfMemoryError failure = new OutOfMemoryError("no node for the cut");
    OutOfMemoryError undoFailure = new OutOfMemoryError("no node for the undo");
    FailingFreeAllocator allocator = new FailingFreeAllocator(16, 2, failure, 10, undoFailure);
    allocator.alloc(10);
    allocator.dealloc(6, 2);

    assertSame(failure, assertThrows(OutOfMemoryError.class, () -> allocator.realloc(2, 2, 3)));

    assertEquals(List.of(undoFailure), List.of(failure.getSuppressed()));
    assertEquals(List.of(new Region(0, 6), new Region(8, 5)), allocator.getAllocatedRegions());
    assertEquals(5, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }
}
