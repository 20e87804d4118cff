package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.ReportedAllocator;
import org.junit.jupiter.api.Test;

/** The aligned defaults of {@link Allocator}, for strategies written before alignment existed. */
class AllocatorDefaultsTest {

  /** Its unaligned calls throw {@link UnsupportedOperationException}, so each default is seen. */
  private final Allocator old = ReportedAllocator.healthy();

  @Test
  void alignedAlloc_aboveOne_isRefusedNamingTheStrategyAndCall() {
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> old.alloc(96, 256));
    assertEquals("reported", e.getStrategyName());
    assertEquals(
        "alloc(96, 256): strategy reported does not support alignment above 1", e.getMessage());
    assertThrows(UnsupportedAlignmentException.class, () -> old.alloc(0, 2)); // size 0 too
  }

  @Test
  void alignedRealloc_aboveOne_isRefusedNamingTheStrategyAndCall() {
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> old.realloc(2, 3, 0, 3));
    assertEquals(
        "realloc(2, 3, 0, 3): strategy reported does not support alignment above 1",
        e.getMessage());
  }

  @Test
  void alignmentOne_isTheUnalignedCall() {
    UnsupportedOperationException alloc =
        assertThrows(UnsupportedOperationException.class, () -> old.alloc(3, 1));
    assertEquals(UnsupportedOperationException.class, alloc.getClass());
    UnsupportedOperationException realloc =
        assertThrows(UnsupportedOperationException.class, () -> old.realloc(2, 3, 4, 1));
    assertEquals(UnsupportedOperationException.class, realloc.getClass());
  }

  @Test
  void badAlignment_isBadInputBeforeAnythingElse() {
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> old.alloc(3, 0));
    assertEquals("alloc(3, 0): alignment 0 is below 1", zero.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> old.realloc(2, 3, 4, -1));
    assertEquals("realloc(2, 3, 4, -1): negative number -1", negative.getMessage());
    IllegalArgumentException size =
        assertThrows(IllegalArgumentException.class, () -> old.alloc(-3, 4));
    assertEquals("alloc(-3, 4): negative number -3", size.getMessage());
    IllegalArgumentException realloc0 =
        assertThrows(IllegalArgumentException.class, () -> old.realloc(2, 3, 4, 0));
    assertEquals("realloc(2, 3, 4, 0): alignment 0 is below 1", realloc0.getMessage());
  }
}
