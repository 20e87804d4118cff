package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every message of {@link AllocatorArguments} as exact text, beside the checks that pass: users and
 * the conformance corpus read these strings, so a change to one is a change of the API.
 */
class AllocatorArgumentsMessagesTest {

  private static void assertMessage(String message, Executable check) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, check).getMessage());
  }

  @Test
  void invalid_prefixesTheCallToTheReason() {
    assertEquals(
        "realloc(1, 2, 3): too odd",
        AllocatorArguments.invalid("too odd", "realloc", 1, 2, 3).getMessage());
    assertEquals("clear(): empty", AllocatorArguments.invalid("empty", "clear").getMessage());
  }

  @Test
  void requireNonNegative_fourArguments_namesTheFirstNegative() {
    AllocatorArguments.requireNonNegative("realloc", 0, 0, 0, Long.MAX_VALUE);
    assertMessage(
        "realloc(1, 2, 3, -4): negative number -4",
        () -> AllocatorArguments.requireNonNegative("realloc", 1, 2, 3, -4));
    assertMessage(
        "realloc(1, -2, 3, -4): negative number -2",
        () -> AllocatorArguments.requireNonNegative("realloc", 1, -2, 3, -4));
    assertMessage(
        "realloc(-1, 2, 3, 4): negative number -1",
        () -> AllocatorArguments.requireNonNegative("realloc", -1, 2, 3, 4));
  }

  @Test
  void requireNonNegative_anyNumberOfArguments_namesTheFirstNegative() {
    AllocatorArguments.requireNonNegative("resize", new long[] {0, 1, 2, 3, 4});
    AllocatorArguments.requireNonNegative("resize", new long[0]);
    assertMessage(
        "resize(0, 1, 2, 3, -4, -5): negative number -4",
        () -> AllocatorArguments.requireNonNegative("resize", new long[] {0, 1, 2, 3, -4, -5}));
    assertMessage(
        "dealloc(1, -1): negative number -1",
        () -> AllocatorArguments.requireNonNegative("dealloc", 1, -1));
  }

  @Test
  void requireEndFits_twoArguments_namesTheSum() {
    AllocatorArguments.requireEndFits(Long.MAX_VALUE, 0, "dealloc", Long.MAX_VALUE, 0);
    assertMessage(
        "dealloc(9223372036854775807, 1): 9223372036854775807 + 1 exceeds 9223372036854775807",
        () -> AllocatorArguments.requireEndFits(Long.MAX_VALUE, 1, "dealloc", Long.MAX_VALUE, 1));
  }

  @Test
  void requireEndFits_threeArguments_atLimitPasses() {
    AllocatorArguments.requireEndFits(5, Long.MAX_VALUE - 5, "realloc", 5, Long.MAX_VALUE - 5, 1);
    assertMessage(
        "realloc(6, 9223372036854775802, 1): 6 + 9223372036854775802 exceeds 9223372036854775807",
        () ->
            AllocatorArguments.requireEndFits(
                6, Long.MAX_VALUE - 5, "realloc", 6, Long.MAX_VALUE - 5, 1));
  }

  @Test
  void requireEndFits_anyNumberOfArguments_namesTheSum() {
    AllocatorArguments.requireEndFits(1, Long.MAX_VALUE - 1, "realloc", new long[] {1, 2, 3, 4});
    assertMessage(
        "realloc(1, 2, 3, 4): 2 + 9223372036854775806 exceeds 9223372036854775807",
        () ->
            AllocatorArguments.requireEndFits(
                2, Long.MAX_VALUE - 1, "realloc", new long[] {1, 2, 3, 4}));
  }

  @Test
  void requireAlignment_belowOne_namesTheAlignment() {
    AllocatorArguments.requireAlignment(1, "alloc", 4, 1);
    assertMessage(
        "alloc(4, 0): alignment 0 is below 1",
        () -> AllocatorArguments.requireAlignment(0, "alloc", 4, 0));
    assertMessage(
        "alloc(4, -3): alignment -3 is below 1",
        () -> AllocatorArguments.requireAlignment(-3, "alloc", 4, -3));
  }

  @Test
  void requireCompaction_negativeBudgetOrGranularityBelowOne_namesTheCall() {
    AllocatorArguments.requireCompaction(0, 1);
    AllocatorArguments.requireCompaction(Long.MAX_VALUE, Long.MAX_VALUE);
    assertMessage(
        "compact(-1, 1): negative number -1", () -> AllocatorArguments.requireCompaction(-1, 1));
    assertMessage(
        "compact(64, -2): negative number -2", () -> AllocatorArguments.requireCompaction(64, -2));
    assertMessage(
        "compact(64, 0): granularity 0 is below 1",
        () -> AllocatorArguments.requireCompaction(64, 0));
  }

  @Test
  void alignUp_roundsUpOrNamesTheOverflow() {
    assertEquals(12, AllocatorArguments.alignUp(9, 4, "alloc", 3, 4));
    assertEquals(12, AllocatorArguments.alignUp(12, 4, "alloc", 3, 4));
    assertEquals(0, AllocatorArguments.alignUp(0, 7, "alloc", 3, 7));
    assertEquals(9, AllocatorArguments.alignUp(9, 1, "alloc", 3, 1));
    assertMessage(
        "alloc(3, 4): 9223372036854775805 aligned up to 4 exceeds 9223372036854775807",
        () -> AllocatorArguments.alignUp(Long.MAX_VALUE - 2, 4, "alloc", 3, 4));
  }

  @Test
  void notAllocated_namesTheRangeNotTheArguments() {
    assertEquals(
        "realloc(5, 3, 1): region [6, 8) is not allocated",
        AllocatorArguments.notAllocated(6, 2, "realloc", 5, 3, 1).getMessage());
  }
}
