package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {

  @Test
  void end_isStartPlusSize() {
    assertEquals(12, new Region(4, 8).end());
  }

  @Test
  void constructor_negativeOrOverflowing_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Region(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> new Region(1, -2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Region(Long.MAX_VALUE, 1));
    assertTrue(e.getMessage().startsWith("Region(9223372036854775807, 1): "), e.getMessage());
    assertEquals(Long.MAX_VALUE, new Region(Long.MAX_VALUE - 1, 1).end());
  }

  @Test
  void contains_insideAndEdges_true_outside_false() {
    Region region = new Region(4, 8);
    assertTrue(region.contains(4, 8));
    assertTrue(region.contains(11, 1));
    assertTrue(region.contains(6, 0));
    assertFalse(region.contains(3, 2));
    assertFalse(region.contains(11, 2));
    assertFalse(region.contains(12, 1));
  }
}
