package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AllocatorArgumentsTest {

  @Test
  void describe_rendersCallWithArguments() {
    assertEquals("realloc(0, 4, 8)", AllocatorArguments.describe("realloc", 0, 4, 8));
    assertEquals("isEmpty()", AllocatorArguments.describe("isEmpty"));
  }

  @Test
  void requireNonNegative_negativeArgument_namesCallAndValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AllocatorArguments.requireNonNegative("dealloc", 3, -2));
    assertEquals("dealloc(3, -2): negative number -2", e.getMessage());
  }

  @Test
  void requireNonNegative_zeroAndPositive_pass() {
    AllocatorArguments.requireNonNegative("alloc", 0);
    AllocatorArguments.requireNonNegative("alloc", Long.MAX_VALUE);
  }

  @Test
  void requireEndFits_atLimit_passesAndPastLimit_fails() {
    AllocatorArguments.requireEndFits(Long.MAX_VALUE - 5, 5, "dealloc", Long.MAX_VALUE - 5, 5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AllocatorArguments.requireEndFits(
                    Long.MAX_VALUE - 5, 6, "dealloc", Long.MAX_VALUE - 5, 6));
    assertEquals(
        "dealloc(9223372036854775802, 6): 9223372036854775802 + 6 exceeds 9223372036854775807",
        e.getMessage());
  }

  @Test
  void notAllocated_namesRange() {
    assertEquals(
        "dealloc(5, 3): region [5, 8) is not allocated",
        AllocatorArguments.notAllocated(5, 3, "dealloc", 5, 3).getMessage());
  }

  @Test
  void sum_atLimit_addsAndPastLimit_failsNamingCall() {
    assertEquals(Long.MAX_VALUE, AllocatorArguments.sum(Long.MAX_VALUE - 5, 5, "alloc", 5));
    assertEquals(7, AllocatorArguments.sum(3, 4, "alloc", 4));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AllocatorArguments.sum(Long.MAX_VALUE - 5, 6, "alloc", 6));
    assertEquals("alloc(6): 9223372036854775802 + 6 exceeds 9223372036854775807", e.getMessage());
  }

  @Test
  void requireNoShrink_sameOrLarger_passesAndSmaller_fails() {
    AllocatorArguments.requireNoShrink(20, 20);
    AllocatorArguments.requireNoShrink(20, 21);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AllocatorArguments.requireNoShrink(20, 19));
    assertEquals("setCapacity(19): capacity never shrinks; it is 20", e.getMessage());
  }

  @Test
  void requireNonNegative_fixedArities_nameCallAndFirstNegative() {
    AllocatorArguments.requireNonNegative("alloc", 0);
    AllocatorArguments.requireNonNegative("realloc", 0, 1, Long.MAX_VALUE);
    assertEquals(
        "alloc(-7): negative number -7",
        assertThrows(
                IllegalArgumentException.class,
                () -> AllocatorArguments.requireNonNegative("alloc", -7))
            .getMessage());
    assertEquals(
        "dealloc(-1, 3): negative number -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> AllocatorArguments.requireNonNegative("dealloc", -1, 3))
            .getMessage());
    assertEquals(
        "realloc(1, 2, -3): negative number -3",
        assertThrows(
                IllegalArgumentException.class,
                () -> AllocatorArguments.requireNonNegative("realloc", 1, 2, -3))
            .getMessage());
    assertEquals(
        "realloc(-1, -2, 3): negative number -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> AllocatorArguments.requireNonNegative("realloc", -1, -2, 3))
            .getMessage());
  }

  @Test
  void requireEndFits_threeArguments_atLimitPassesAndPastLimitFails() {
    AllocatorArguments.requireEndFits(Long.MAX_VALUE - 2, 2, "realloc", Long.MAX_VALUE - 2, 2, 5);
    assertEquals(
        "realloc(9223372036854775807, 2, 1): 9223372036854775807 + 2 exceeds 9223372036854775807",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    AllocatorArguments.requireEndFits(
                        Long.MAX_VALUE, 2, "realloc", Long.MAX_VALUE, 2, 1))
            .getMessage());
  }
}
