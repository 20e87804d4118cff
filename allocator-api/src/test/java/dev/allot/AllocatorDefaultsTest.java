package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.LegacyAllocator;
import dev.allot.fixture.ReportedAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Allocator}'s default methods, as a strategy that implements only the abstract ones gets
 * them: the derived metrics ({@code docs/spec/semantics.md}, "Metrics") and the aligned calls,
 * which serve alignment 1 and refuse any larger one.
 */
class AllocatorDefaultsTest {

  private static ReportedAllocator reporting(long capacity, long freeSize, Region... blocks) {
    long last = blocks.length == 0 ? 0 : blocks[blocks.length - 1].end();
    long allocated = capacity - freeSize;
    return new ReportedAllocator(
        capacity, List.of(blocks), freeSize, last - allocated, blocks.length == 0);
  }

  @Test
  void getLargestFreeHole_countsTheLeadingGapTheGapsBetweenAndTheTail() {
    assertEquals(8, reporting(20, 13, new Region(2, 3), new Region(8, 4)).getLargestFreeHole());
    assertEquals(5, reporting(12, 6, new Region(5, 3), new Region(9, 3)).getLargestFreeHole());
    assertEquals(4, reporting(12, 6, new Region(0, 1), new Region(5, 5)).getLargestFreeHole());
    assertEquals(7, reporting(7, 7).getLargestFreeHole());
    assertEquals(0, reporting(4, 0, new Region(0, 4)).getLargestFreeHole());
  }

  @Test
  void getUsage_isTheUsedShareOfTheCapacity() {
    assertEquals(0.35, reporting(20, 13, new Region(2, 3), new Region(8, 4)).getUsage(), 1e-12);
    assertEquals(1.0, reporting(4, 0, new Region(0, 4)).getUsage());
    assertEquals(0.0, reporting(4, 4).getUsage());
    assertEquals(0.0, reporting(0, 0).getUsage());
  }

  @Test
  void getFragmentation_isTheFragmentedShareOfTheFreeSpace() {
    assertEquals(
        5.0 / 13, reporting(20, 13, new Region(2, 3), new Region(8, 4)).getFragmentation(), 1e-12);
    assertEquals(0.0, reporting(10, 6, new Region(0, 4)).getFragmentation());
    assertEquals(0.0, reporting(4, 0, new Region(0, 4)).getFragmentation());
    assertEquals(0.0, reporting(0, 0).getFragmentation());
  }

  @Test
  void alloc_alignmentOne_isTheUnalignedAlloc() {
    LegacyAllocator allocator = new LegacyAllocator(10);

    assertEquals(0, allocator.alloc(3, 1));
    assertEquals(3, allocator.alloc(4, 1));

    assertEquals(List.of(new Region(0, 7)), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_sizeZero_returnsZeroAtAlignmentOneAndIsRefusedAbove() {
    LegacyAllocator allocator = new LegacyAllocator(10);

    assertEquals(0, allocator.alloc(0, 1));
    // As the skeleton does: a strategy without alignment never answers an aligned call.
    assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(0, 64));

    assertEquals(List.of(), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_alignmentOne_isTheUnalignedRealloc() {
    LegacyAllocator allocator = new LegacyAllocator(10);
    allocator.alloc(6);

    assertEquals(6, allocator.realloc(0, 2, 3, 1));

    assertEquals(List.of(new Region(2, 7)), allocator.getAllocatedRegions());
  }

  private static void assertRefused(
      LegacyAllocator allocator, Class<? extends Throwable> type, String message, Executable call) {
    List<Region> before = allocator.getAllocatedRegions();

    assertEquals(message, assertThrows(type, call).getMessage());

    assertEquals(before, allocator.getAllocatedRegions());
  }

  @Test
  void alignedCalls_alignmentAboveOne_areRefusedNamingTheStrategy() {
    LegacyAllocator allocator = new LegacyAllocator(16);
    allocator.alloc(4);

    assertRefused(
        allocator,
        UnsupportedAlignmentException.class,
        "alloc(4, 2): strategy legacy does not support alignment above 1",
        () -> allocator.alloc(4, 2));
    assertRefused(
        allocator,
        UnsupportedAlignmentException.class,
        "realloc(0, 4, 6, 3): strategy legacy does not support alignment above 1",
        () -> allocator.realloc(0, 4, 6, 3));
    assertRefused(
        allocator,
        UnsupportedAlignmentException.class,
        "realloc(0, 4, 0, 2): strategy legacy does not support alignment above 1",
        () -> allocator.realloc(0, 4, 0, 2));
    assertEquals(
        LegacyAllocator.NAME,
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(1, 8))
            .getStrategyName());
  }

  @Test
  void alignedCalls_badInput_isRejectedBeforeTheRefusal() {
    LegacyAllocator allocator = new LegacyAllocator(16);
    allocator.alloc(4);

    assertRefused(
        allocator,
        IllegalArgumentException.class,
        "alloc(-1, 2): negative number -1",
        () -> allocator.alloc(-1, 2));
    assertRefused(
        allocator,
        IllegalArgumentException.class,
        "alloc(4, 0): alignment 0 is below 1",
        () -> allocator.alloc(4, 0));
    assertRefused(
        allocator,
        IllegalArgumentException.class,
        "realloc(0, 4, -6, 2): negative number -6",
        () -> allocator.realloc(0, 4, -6, 2));
    assertRefused(
        allocator,
        IllegalArgumentException.class,
        "realloc(0, 4, 6, 0): alignment 0 is below 1",
        () -> allocator.realloc(0, 4, 6, 0));
  }
}
