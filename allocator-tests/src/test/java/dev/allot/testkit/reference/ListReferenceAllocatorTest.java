package dev.allot.testkit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hole each choice takes; the generic rules are the contract's (ListReference*Test). */
class ListReferenceAllocatorTest {

  /** Blocks 0:3, 8:4, 14:6 in capacity 30: holes of 5 at 3, 2 at 12, and the tail of 10 at 20. */
  private static Allocator threeBlocks(HoleChoice choice) {
    Allocator allocator = new ListReferenceStrategy(choice).create(30);
    allocator.alloc(20);
    allocator.dealloc(3, 5);
    allocator.dealloc(12, 2);
    return allocator;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FIRST, 3", "SMALLEST, 12", "LARGEST, 20"})
  void alloc_threeHoles_takesTheChosenOne(HoleChoice choice, long start) {
    assertEquals(start, threeBlocks(choice).alloc(2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FIRST, 4", "SMALLEST, 12", "LARGEST, 20"})
  void alignedAlloc_threeHoles_takesTheChosenOneAtAnAlignedStart(HoleChoice choice, long start) {
    assertEquals(start, threeBlocks(choice).alloc(2, 4));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FIRST, 4", "SMALLEST, 4", "LARGEST, 20"})
  void alignedAlloc_paddingLeavesTooLittle_holeIsPassedOver(HoleChoice choice, long start) {
    // 5 at 3 fits 4 at 4; 2 at 12 does not fit 4; the smallest hole is judged by its whole length
    assertEquals(start, threeBlocks(choice).alloc(4, 4));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"SMALLEST, 2", "LARGEST, 2"})
  void alloc_equalHoles_takesTheLowestStart(HoleChoice choice, long start) {
    Allocator allocator = new ListReferenceStrategy(choice).create(12);
    allocator.alloc(12);
    allocator.dealloc(2, 3);
    allocator.dealloc(8, 3);
    assertEquals(start, allocator.alloc(1));
  }

  @Test
  void realloc_growthFillsTheGap_mergesWithNextBlock() {
    Allocator allocator = threeBlocks(HoleChoice.SMALLEST);
    assertEquals(0, allocator.realloc(0, 3, 8));
    assertEquals(List.of(new Region(0, 12), new Region(14, 6)), allocator.getAllocatedRegions());
  }

  @Test
  void compact_threeBlocks_leavesOneBlockAtZero() {
    Allocator allocator = threeBlocks(HoleChoice.LARGEST);
    allocator.compact(Long.MAX_VALUE, 1);
    assertEquals(List.of(new Region(0, 13)), allocator.getAllocatedRegions());
    assertEquals(0, allocator.getFragmentedFreeSize());
  }

  @Test
  void strategyName_saysListAndChoice() {
    assertEquals("list-largest-fit", threeBlocks(HoleChoice.LARGEST).getStrategyName());
  }
}
