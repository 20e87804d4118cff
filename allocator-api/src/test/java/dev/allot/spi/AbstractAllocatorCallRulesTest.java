package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.AllocatorInvariants;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.UnsupportedCompactionException;
import dev.allot.fixture.TreeMapAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The skeleton's rules for alloc, dealloc and setCapacity, its counters, its refusal of what a
 * strategy does not support, and the bad-input messages it owns ({@code docs/spec/semantics.md}),
 * on a strategy that supplies only the required primitives.
 */
class AbstractAllocatorCallRulesTest {

  private static void assertUnchangedAfter(
      LoggedPrimitivesAllocator allocator,
      Class<? extends Throwable> type,
      String message,
      Executable call) {
    List<Region> before = allocator.getAllocatedRegions();
    long capacity = allocator.getCapacity();
    long free = allocator.getFreeSize();

    assertEquals(message, assertThrows(type, call).getMessage());

    assertEquals(before, allocator.getAllocatedRegions());
    assertEquals(capacity, allocator.getCapacity());
    assertEquals(free, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void create_negativeCapacity_namesTheValue() {
    assertEquals(
        "create(-5): negative number -5",
        assertThrows(IllegalArgumentException.class, () -> new LoggedPrimitivesAllocator(-5))
            .getMessage());
  }

  @Test
  void create_isEmptyWithEverythingFree() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(7);

    assertEquals(7, allocator.getCapacity());
    assertEquals(7, allocator.getFreeSize());
    assertEquals(0, allocator.getFragmentedFreeSize());
    assertTrue(allocator.isEmpty());
    assertEquals("logged[capacity=7, blocks=]", allocator.toString());
  }

  @Test
  void alloc_countsWhatItPlaces() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);

    assertEquals(0, allocator.alloc(3));
    assertEquals(3, allocator.alloc(2));
    allocator.dealloc(0, 3);

    assertEquals(List.of("place 3", "place 2", "free 0 3"), allocator.takeCalls());
    assertEquals(8, allocator.getFreeSize());
    assertEquals(3, allocator.getFragmentedFreeSize());
    assertFalse(allocator.isEmpty());
    assertEquals("logged[capacity=10, blocks=3:2]", allocator.toString());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void alloc_alignmentOne_isTheUnalignedAlloc() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);

    assertEquals(0, allocator.alloc(3, 1));
    assertEquals(3, allocator.alloc(4, 1));

    assertEquals(List.of("place 3", "place 4"), allocator.takeCalls());
    assertEquals(3, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void alloc_zero_returnsZeroWithoutPlacing() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(0);

    assertEquals(0, allocator.alloc(0));
    assertEquals(0, allocator.alloc(0, 1));

    assertEquals(List.of(), allocator.takeCalls());
    assertTrue(allocator.isEmpty());
  }

  @Test
  void alloc_noRoom_changesNothingAndNamesTheCapacityThatSuffices() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);
    allocator.alloc(7);
    allocator.dealloc(2, 3); // [0, 2) [5, 7)

    for (Executable call :
        List.<Executable>of(() -> allocator.alloc(4), () -> allocator.alloc(4, 1))) {
      AllocatorMemoryException e = assertThrows(AllocatorMemoryException.class, call);

      assertEquals(11, e.getRequestedCapacity());
      assertEquals(3, e.getLargestFreeHole());
      assertEquals(3, e.getFragmentedFreeSize());
    }
    assertEquals(List.of(new Region(0, 2), new Region(5, 2)), allocator.getAllocatedRegions());
    assertEquals(6, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void alloc_neededCapacityPastLongMax_isBadInput() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(4);
    allocator.alloc(1);

    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(9223372036854775807): 1 + 9223372036854775807 exceeds 9223372036854775807",
        () -> allocator.alloc(Long.MAX_VALUE));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(9223372036854775807, 1): 1 + 9223372036854775807 exceeds 9223372036854775807",
        () -> allocator.alloc(Long.MAX_VALUE, 1));
    assertEquals(
        Long.MAX_VALUE,
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(Long.MAX_VALUE - 1))
            .getRequestedCapacity());
  }

  @Test
  void alloc_badInput_namesTheCall() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(4);

    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(-1): negative number -1",
        () -> allocator.alloc(-1));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(-1, 2): negative number -1",
        () -> allocator.alloc(-1, 2));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(1, -2): negative number -2",
        () -> allocator.alloc(1, -2));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "alloc(1, 0): alignment 0 is below 1",
        () -> allocator.alloc(1, 0));
    assertEquals(List.of(), allocator.takeCalls());
  }

  @Test
  void alignedCalls_strategyWithoutAlignment_areRefusedNamingTheStrategy() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(16);
    allocator.alloc(4);
    allocator.takeCalls();

    assertUnchangedAfter(
        allocator,
        UnsupportedAlignmentException.class,
        "alloc(4, 2): strategy logged does not support alignment above 1",
        () -> allocator.alloc(4, 2));
    assertUnchangedAfter(
        allocator,
        UnsupportedAlignmentException.class,
        "realloc(0, 4, 6, 3): strategy logged does not support alignment above 1",
        () -> allocator.realloc(0, 4, 6, 3));
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(1, 8));
    assertEquals(LoggedPrimitivesAllocator.NAME, e.getStrategyName());
    assertEquals(List.of(), allocator.takeCalls());
  }

  @Test
  void dealloc_freesAndCounts() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);
    allocator.alloc(6);
    allocator.takeCalls();

    allocator.dealloc(1, 2);
    allocator.dealloc(Long.MAX_VALUE, 0);

    assertEquals(List.of("free 1 2"), allocator.takeCalls());
    assertEquals(List.of(new Region(0, 1), new Region(3, 3)), allocator.getAllocatedRegions());
    assertEquals(6, allocator.getFreeSize());
    assertEquals(2, allocator.getFragmentedFreeSize());
    AllocatorInvariants.check(allocator);

    allocator.dealloc(0, 1);
    allocator.dealloc(3, 3);
    assertTrue(allocator.isEmpty());
    assertEquals(10, allocator.getFreeSize());
    assertEquals(0, allocator.getFragmentedFreeSize());
  }

  @Test
  void dealloc_badInput_namesTheCallAndChangesNothing() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);
    allocator.alloc(6);

    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "dealloc(-1, 2): negative number -1",
        () -> allocator.dealloc(-1, 2));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "dealloc(1, -2): negative number -2",
        () -> allocator.dealloc(1, -2));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "dealloc(5, 3): region [5, 8) is not allocated",
        () -> allocator.dealloc(5, 3));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "dealloc(9223372036854775807, 1): 9223372036854775807 + 1 exceeds 9223372036854775807",
        () -> allocator.dealloc(Long.MAX_VALUE, 1));
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "dealloc(9223372036854775806, 1): region [9223372036854775806, 9223372036854775807) is"
            + " not allocated",
        () -> allocator.dealloc(Long.MAX_VALUE - 1, 1));
  }

  @Test
  void setCapacity_strategyFailsToMakeRoom_keepsTheOldCapacity() {
    OutOfMemoryError failure = new OutOfMemoryError("no room for high halves");
    TreeMapAllocator allocator =
        new TreeMapAllocator(4) {
          @Override
          protected void capacityRaised(long oldCapacity) {
            throw failure;
          }
        };
    allocator.alloc(3);

    assertSame(failure, assertThrows(OutOfMemoryError.class, () -> allocator.setCapacity(9)));

    assertEquals(4, allocator.getCapacity());
    assertEquals(1, allocator.getFreeSize());
    AllocatorInvariants.check(allocator);
  }

  @Test
  void setCapacity_raises_tellsTheStrategyTheOldCapacity() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(4);
    allocator.alloc(4);
    allocator.takeCalls();

    allocator.setCapacity(4);
    allocator.setCapacity(9);

    assertEquals(List.of("capacityRaised 4"), allocator.takeCalls());
    assertEquals(9, allocator.getCapacity());
    assertEquals(5, allocator.getFreeSize());
    assertEquals(4, allocator.alloc(5));
    AllocatorInvariants.check(allocator);
  }

  @Test
  void setCapacity_smaller_isRejected() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(4);

    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "setCapacity(3): capacity never shrinks; it is 4",
        () -> allocator.setCapacity(3));
    assertEquals(List.of(), allocator.takeCalls());
  }

  @Test
  void compact_strategyWithoutCompaction_refusesOnlyWhenThereIsSomethingToMove() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);
    allocator.alloc(6);

    CompactionPlan plan = allocator.compact();
    assertTrue(plan.isComplete());
    assertEquals(List.of(), plan.moves());

    allocator.dealloc(0, 2);
    assertUnchangedAfter(
        allocator,
        UnsupportedCompactionException.class,
        "compact(9223372036854775807, 1): strategy logged does not support compaction",
        allocator::compact);
    assertUnchangedAfter(
        allocator,
        IllegalArgumentException.class,
        "compact(4, 0): granularity 0 is below 1",
        () -> allocator.compact(4, 0));
  }

  @Test
  void optionalPrimitives_notSupplied_throwNamingTheStrategy() {
    LoggedPrimitivesAllocator allocator = new LoggedPrimitivesAllocator(10);

    assertEquals(
        "logged does not place aligned regions",
        assertThrows(UnsupportedOperationException.class, () -> allocator.placeAligned(4, 2))
            .getMessage());
    for (Executable primitive :
        List.<Executable>of(
            () -> allocator.firstGapEnd(1),
            () -> allocator.previousEnd(0),
            allocator::lastStart,
            () -> allocator.moveBlock(4, 2, 0))) {
      assertEquals(
          "logged does not compact",
          assertThrows(UnsupportedOperationException.class, primitive).getMessage());
    }
  }
}
