package dev.allot.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import dev.allot.Region;
import dev.allot.testkit.Program;
import dev.allot.testkit.Programs;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import io.kotest.property.Arb;
import io.kotest.property.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Placement decisions of the example strategy, and the same decisions as the kit's plain list
 * reference of the largest hole on generated programs; the generic contract is
 * WorstFitContractTest.
 */
class WorstFitAllocatorTest {

  /** Generated programs replayed on both strategies. */
  private static final int PROGRAMS = 300;

  /** Blocks 0:3, 8:4, 14:6 in capacity 30: holes of 5 at 3, 2 at 12 and the tail of 10 at 20. */
  private static Allocator threeBlocks() {
    Allocator allocator = Allocators.create("worst-fit", 30);
    allocator.alloc(20);
    allocator.dealloc(3, 5);
    allocator.dealloc(12, 2);
    return allocator;
  }

  @Test
  void alloc_severalHoles_takesTheLargest() {
    Allocator allocator = threeBlocks();
    assertEquals(20, allocator.alloc(4));
    assertEquals(
        24, allocator.alloc(2), "the tail left (6) is still larger than the hole at 3 (5)");
    assertEquals(
        List.of(new Region(0, 3), new Region(8, 4), new Region(14, 12)),
        allocator.getAllocatedRegions());
  }

  @Test
  void alloc_equalHoles_takesTheLowestStart() {
    Allocator allocator = Allocators.create("worst-fit", 12);
    allocator.alloc(12);
    allocator.dealloc(2, 3);
    allocator.dealloc(8, 3);
    assertEquals(2, allocator.alloc(1));
  }

  @Test
  void realloc_holeAfterLargeEnough_growsInPlace() {
    Allocator allocator = threeBlocks();
    assertEquals(0, allocator.realloc(0, 3, 8));
    assertEquals(List.of(new Region(0, 12), new Region(14, 6)), allocator.getAllocatedRegions());
  }

  @Test
  void realloc_noRoomAfter_movesToLargestHoleAndFreesOld() {
    Allocator allocator = threeBlocks();
    assertEquals(20, allocator.realloc(8, 4, 7));
    assertEquals(List.of(new Region(0, 3), new Region(14, 13)), allocator.getAllocatedRegions());
  }

  @Test
  void alloc_nothingFits_requestedCapacitySufficesAndNothingChanged() {
    Allocator allocator = threeBlocks();
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(11));
    assertEquals(31, e.getRequestedCapacity());
    assertEquals(10, e.getLargestFreeHole());
    assertEquals(
        List.of(new Region(0, 3), new Region(8, 4), new Region(14, 6)),
        allocator.getAllocatedRegions());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(20, allocator.alloc(11));
  }

  @Test
  void metrics_followSpecDefinitions() {
    Allocator allocator = threeBlocks();
    assertEquals(17, allocator.getFreeSize());
    assertEquals(7, allocator.getFragmentedFreeSize());
    assertEquals(10, allocator.getLargestFreeHole());
  }

  @Test
  void badInput_namesCallAndLeavesAllocatorUnchanged() {
    Allocator allocator = threeBlocks();
    List<Region> before = allocator.getAllocatedRegions();
    assertEquals(
        "dealloc(3, 2): region [3, 5) is not allocated",
        assertThrows(IllegalArgumentException.class, () -> allocator.dealloc(3, 2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> allocator.realloc(Long.MAX_VALUE, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> allocator.setCapacity(29));
    assertEquals(before, allocator.getAllocatedRegions());
  }

  @Test
  void strategy_registeredBelowTheShippedOnes() {
    assertEquals(-10, Allocators.strategy("worst-fit").getPriority());
    assertEquals("first-fit", Allocators.defaultStrategy().getName());
  }

  @Test
  void generatedPrograms_replayLikeListReferenceOfLargestHole() {
    RandomSource random = RandomSource.Companion.seeded(1);
    Arb<Program> programs = Programs.programs();
    for (int i = 0; i < PROGRAMS; i++) {
      String trace =
          programs.sample(random).getValue().run(new WorstFitStrategy(), Set.of()).trace();
      assertEquals(
          replay(trace, new ListReferenceStrategy(HoleChoice.LARGEST)),
          replay(trace, new WorstFitStrategy()),
          trace);
    }
  }

  /** The replay lines of a trace: each call's result, blocks and figures. */
  private static List<String> replay(String trace, AllocationStrategy strategy) {
    List<String> lines = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), strategy, false, lines::add);
    return lines;
  }
}
