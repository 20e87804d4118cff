package dev.allot.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.ForwardingAllocator;
import dev.allot.UnsupportedAlignmentException;
import org.junit.jupiter.api.Test;

/**
 * The custom strategy was written before alignment and implements no aligned placement: it still
 * compiles and works, alignment 1 is its plain call, and above 1 it refuses by name, directly and
 * through decorators, changing nothing.
 */
class WorstFitAlignmentTest {

  @Test
  void alignedCall_aboveOne_refusedNamingTheStrategy() {
    Allocator allocator = new WorstFitStrategy().create(8);
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(2, 4));
    assertEquals("worst-fit", e.getStrategyName());
    assertEquals(
        "alloc(2, 4): strategy worst-fit does not support alignment above 1", e.getMessage());
    assertThrows(UnsupportedAlignmentException.class, () -> allocator.realloc(0, 0, 2, 3));
    assertEquals(0, allocator.getAllocatedRegions().size());
    assertEquals(0, allocator.alloc(2, 1));
  }

  @Test
  void alignedCall_throughDecorators_refusedByTheDelegate() {
    Allocator forwarding = new ForwardingAllocator(new WorstFitStrategy().create(8)) {};
    Allocator synchronizedOne = Allocators.synchronizedAllocator(forwarding);
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> synchronizedOne.alloc(2, 4));
    assertEquals("worst-fit", e.getStrategyName());
    assertEquals(0, synchronizedOne.alloc(2, 1));
  }
}
