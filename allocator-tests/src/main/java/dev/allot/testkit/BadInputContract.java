package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.AllocatorInvariants;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.UnsupportedAlignmentException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bad-input table of {@code docs/spec/semantics.md} as JUnit 5 tests, with exact messages:
 * subclass it and return a fresh allocator from {@link #create(long)}. Every case makes one bad
 * call on a known allocator and checks the {@link IllegalArgumentException}'s whole message and
 * that the allocator compares equal to its state before the call, block for block and figure for
 * figure.
 *
 * <pre>{@code
 * class MyBadInputTest extends BadInputContract {
 *   @Override
 *   protected Allocator create(long capacity) {
 *     return new MyStrategy().create(capacity);
 *   }
 * }
 * }</pre>
 *
 * <p>The messages are the shipped strategies' ({@link dev.allot.spi.AllocatorArguments}); a custom
 * strategy that words its messages differently checks them with {@link AllocatorContract} instead,
 * which asks only that the message name the call.
 *
 * <p>Where {@link AllocatorContract} finds bad input among generated programs, this table pins the
 * edge cases a generator rarely reaches: sums one past {@link Long#MAX_VALUE}, a requested capacity
 * of exactly {@link Long#MAX_VALUE}, ranges that overlap a hole by one index.
 *
 * @since 0.1.0
 */
public abstract class BadInputContract {

  /** Shorthand for the boundary every overflow case sits on. */
  private static final long MAX = Long.MAX_VALUE;

  /** The capacity of {@link #sample()}. */
  private static final long SAMPLE_CAPACITY = 20;

  /** For subclasses. */
  protected BadInputContract() {}

  /**
   * Creates an empty allocator under test.
   *
   * @param capacity the capacity, possibly negative (then the call must reject it)
   * @return a new allocator
   */
  protected abstract Allocator create(long capacity);

  /**
   * Tells whether the allocator throws {@link AllocatorMemoryException} when nothing fits. A
   * decorator that grows instead returns {@code false}, which skips the memory cases.
   *
   * @return {@code true} by default
   */
  protected boolean failsForMemory() {
    return true;
  }

  /**
   * Tells whether the allocator places regions at an alignment above 1. When not, the aligned
   * overflow cases are skipped and aligned calls must throw {@link UnsupportedAlignmentException}
   * instead, changing nothing.
   *
   * @return {@code true} by default
   */
  protected boolean supportsAlignment() {
    return true;
  }

  /**
   * Blocks {@code 0:4, 6:4, 12:2} in capacity 20: a hole between blocks, another one, and a tail.
   *
   * <pre>
   *   index  0    4 6    10 12 14     20
   *          |####--####--##------|
   * </pre>
   */
  private Allocator sample() {
    Allocator allocator = create(SAMPLE_CAPACITY);
    allocator.alloc(14);
    allocator.dealloc(4, 2);
    allocator.dealloc(10, 2);
    return allocator;
  }

  private void assertRejected(String message, Consumer<Allocator> call) {
    assertRejected(sample(), message, call);
  }

  private static void assertRejected(
      Allocator allocator, String message, Consumer<Allocator> call) {
    Observation before = Observation.of(allocator);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> call.accept(allocator));
    assertEquals(message, e.getMessage());
    assertEquals(before, Observation.of(allocator), () -> "state after " + message);
    AllocatorInvariants.check(allocator);
  }

  private static AllocatorMemoryException assertMemoryFailure(
      Allocator allocator, Consumer<Allocator> call) {
    Observation before = Observation.of(allocator);
    AllocatorMemoryException e =
        assertThrows(AllocatorMemoryException.class, () -> call.accept(allocator));
    assertEquals(before, Observation.of(allocator), "state after a memory failure");
    AllocatorInvariants.check(allocator);
    return e;
  }

  /** Rejects {@code alloc(-1)}. */
  @Test
  public void alloc_negative_isRejected() {
    assertRejected("alloc(-1): negative number -1", a -> a.alloc(-1));
    assertRejected(
        "alloc(" + Long.MIN_VALUE + "): negative number " + Long.MIN_VALUE,
        a -> a.alloc(Long.MIN_VALUE));
  }

  /**
   * Rejects an {@code alloc} whose needed capacity, last end plus size, passes {@link
   * Long#MAX_VALUE}.
   */
  @Test
  public void alloc_neededCapacityOnePastLong_isRejectedNotWrapped() {
    assertRejected(
        "alloc(9223372036854775807): 14 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.alloc(MAX));
    assertRejected(
        "alloc(9223372036854775794): 14 + 9223372036854775794 exceeds 9223372036854775807",
        a -> a.alloc(MAX - 13));
  }

  /**
   * Fails for memory, not bad input, when the needed capacity is exactly {@link Long#MAX_VALUE}.
   */
  @Test
  public void alloc_neededCapacityExactlyLongMax_isMemoryFailure() {
    Assumptions.assumeTrue(failsForMemory(), "the allocator grows instead of failing");
    AllocatorMemoryException e = assertMemoryFailure(sample(), a -> a.alloc(MAX - 14));
    assertEquals(MAX, e.getRequestedCapacity());
    e = assertMemoryFailure(create(0), a -> a.alloc(MAX));
    assertEquals(MAX, e.getRequestedCapacity());
  }

  /** Rejects a size that does not fit behind a last block ending at {@link Long#MAX_VALUE}. */
  @Test
  public void alloc_fullCapacityOfLongMax_nextIsRejectedNotWrapped() {
    Allocator allocator = create(MAX);
    assertEquals(0, allocator.alloc(MAX - 1));
    assertEquals(MAX - 1, allocator.alloc(1));
    assertEquals(0, allocator.getFreeSize());
    assertRejected(
        allocator,
        "alloc(1): 9223372036854775807 + 1 exceeds 9223372036854775807",
        a -> a.alloc(1));
    allocator.dealloc(0, MAX);
    assertEquals(MAX, allocator.getFreeSize());
    assertEquals(MAX, allocator.getLargestFreeHole());
  }

  /** Rejects negative numbers in {@code dealloc}. */
  @Test
  public void dealloc_negative_isRejected() {
    assertRejected("dealloc(-1, 2): negative number -1", a -> a.dealloc(-1, 2));
    assertRejected("dealloc(0, -1): negative number -1", a -> a.dealloc(0, -1));
    assertRejected("dealloc(-1, 0): negative number -1", a -> a.dealloc(-1, 0));
  }

  /** Rejects freeing a hole. */
  @Test
  public void dealloc_hole_isRejected() {
    assertRejected("dealloc(4, 2): region [4, 6) is not allocated", a -> a.dealloc(4, 2));
    assertRejected("dealloc(14, 6): region [14, 20) is not allocated", a -> a.dealloc(14, 6));
  }

  /** Rejects a range that overlaps a hole by as little as one index, on either side of a block. */
  @Test
  public void dealloc_partialOverlapWithHole_isRejected() {
    assertRejected("dealloc(2, 3): region [2, 5) is not allocated", a -> a.dealloc(2, 3));
    assertRejected("dealloc(5, 2): region [5, 7) is not allocated", a -> a.dealloc(5, 2));
    assertRejected("dealloc(12, 3): region [12, 15) is not allocated", a -> a.dealloc(12, 3));
    assertRejected("dealloc(3, 8): region [3, 11) is not allocated", a -> a.dealloc(3, 8));
  }

  /** Rejects a range beyond the capacity. */
  @Test
  public void dealloc_beyondCapacity_isRejected() {
    assertRejected("dealloc(20, 1): region [20, 21) is not allocated", a -> a.dealloc(20, 1));
  }

  /** Rejects the second free of the same region. */
  @Test
  public void dealloc_twice_secondIsRejected() {
    Allocator allocator = sample();
    allocator.dealloc(6, 4);
    assertRejected(
        allocator, "dealloc(6, 4): region [6, 10) is not allocated", a -> a.dealloc(6, 4));
  }

  /** Rejects any free on an empty allocator. */
  @Test
  public void dealloc_onEmpty_isRejected() {
    assertRejected(
        create(8), "dealloc(0, 1): region [0, 1) is not allocated", a -> a.dealloc(0, 1));
  }

  /** Rejects a range whose end passes {@link Long#MAX_VALUE}. */
  @Test
  public void dealloc_endPastLong_isRejectedNotWrapped() {
    assertRejected(
        "dealloc(9223372036854775807, 1): 9223372036854775807 + 1 exceeds 9223372036854775807",
        a -> a.dealloc(MAX, 1));
    assertRejected(
        "dealloc(1, 9223372036854775807): 1 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.dealloc(1, MAX));
  }

  /** Accepts size 0 anywhere, even at {@link Long#MAX_VALUE}: nothing happens. */
  @Test
  public void dealloc_sizeZeroAnywhere_changesNothing() {
    Allocator allocator = sample();
    Observation before = Observation.of(allocator);
    allocator.dealloc(MAX, 0);
    allocator.dealloc(5, 0);
    assertEquals(before, Observation.of(allocator));
  }

  /** Rejects negative numbers in {@code realloc}, whatever the other arguments. */
  @Test
  public void realloc_negative_isRejected() {
    assertRejected("realloc(-1, 2, 3): negative number -1", a -> a.realloc(-1, 2, 3));
    assertRejected("realloc(0, -1, 3): negative number -1", a -> a.realloc(0, -1, 3));
    assertRejected("realloc(0, 4, -3): negative number -3", a -> a.realloc(0, 4, -3));
    assertRejected("realloc(-1, 0, 0): negative number -1", a -> a.realloc(-1, 0, 0));
  }

  /** Rejects resizing, freeing or shrinking a range that is not allocated. */
  @Test
  public void realloc_notAllocated_isRejected() {
    assertRejected("realloc(4, 2, 3): region [4, 6) is not allocated", a -> a.realloc(4, 2, 3));
    assertRejected("realloc(4, 2, 0): region [4, 6) is not allocated", a -> a.realloc(4, 2, 0));
    assertRejected("realloc(2, 4, 3): region [5, 6) is not allocated", a -> a.realloc(2, 4, 3));
    assertRejected("realloc(8, 4, 4): region [8, 12) is not allocated", a -> a.realloc(8, 4, 4));
    assertRejected("realloc(20, 1, 2): region [20, 21) is not allocated", a -> a.realloc(20, 1, 2));
  }

  /** Rejects a region or a relocation target whose end passes {@link Long#MAX_VALUE}. */
  @Test
  public void realloc_endPastLong_isRejectedNotWrapped() {
    assertRejected(
        "realloc(9223372036854775807, 2, 1): 9223372036854775807 + 2 exceeds 9223372036854775807",
        a -> a.realloc(MAX, 2, 1));
    assertRejected(
        "realloc(9223372036854775807, 2, 0): 9223372036854775807 + 2 exceeds 9223372036854775807",
        a -> a.realloc(MAX, 2, 0));
    assertRejected(
        "realloc(12, 2, 9223372036854775807): 14 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.realloc(12, 2, MAX));
    assertRejected(
        "realloc(0, 0, 9223372036854775807): 14 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.realloc(0, 0, MAX));
  }

  /** Rejects a lower capacity, a negative one included; the current value is accepted. */
  @Test
  public void setCapacity_belowCurrent_isRejected() {
    assertRejected("setCapacity(19): capacity never shrinks; it is 20", a -> a.setCapacity(19));
    assertRejected("setCapacity(-1): capacity never shrinks; it is 20", a -> a.setCapacity(-1));
    Allocator allocator = sample();
    Observation before = Observation.of(allocator);
    allocator.setCapacity(SAMPLE_CAPACITY);
    assertEquals(before, Observation.of(allocator));
  }

  /** Accepts a capacity of {@link Long#MAX_VALUE} and places into it. */
  @Test
  public void setCapacity_longMax_isAccepted() {
    Allocator allocator = sample();
    allocator.setCapacity(MAX);
    assertEquals(MAX - 14 + 4, allocator.getFreeSize());
    assertEquals(14, allocator.alloc(MAX - 14));
    assertEquals(2, allocator.getLargestFreeHole());
  }

  /** Rejects a negative capacity at creation. */
  @Test
  public void create_negativeCapacity_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(-5));
    assertEquals("create(-5): negative number -5", e.getMessage());
  }

  /** Rejects an alignment of 0 or below, for any size, a free by realloc included. */
  @Test
  public void alignedCalls_alignmentBelowOne_areRejected() {
    assertRejected("alloc(1, 0): alignment 0 is below 1", a -> a.alloc(1, 0));
    assertRejected("alloc(0, 0): alignment 0 is below 1", a -> a.alloc(0, 0));
    assertRejected("alloc(3, -1): negative number -1", a -> a.alloc(3, -1));
    assertRejected(
        "alloc(3, " + Long.MIN_VALUE + "): negative number " + Long.MIN_VALUE,
        a -> a.alloc(3, Long.MIN_VALUE));
    assertRejected("realloc(0, 4, 8, 0): alignment 0 is below 1", a -> a.realloc(0, 4, 8, 0));
    assertRejected("realloc(0, 4, 0, 0): alignment 0 is below 1", a -> a.realloc(0, 4, 0, 0));
    assertRejected("realloc(0, 4, 8, -2): negative number -2", a -> a.realloc(0, 4, 8, -2));
    assertRejected("realloc(-1, 4, 8, 2): negative number -1", a -> a.realloc(-1, 4, 8, 2));
  }

  /**
   * Rejects an aligned resize of a range that is not allocated; a shrink at an aligned start checks
   * only the freed suffix (as the unaligned call does), one at an unaligned start the whole range.
   */
  @Test
  public void realloc_alignedNotAllocated_isRejected() {
    // Without alignment, Allocator's default passes alignment 1 on to the unaligned call, whose
    // message names that call; above 1 it refuses before looking at the range.
    Assumptions.assumeTrue(supportsAlignment(), "the allocator does not support alignment");
    assertRejected(
        "realloc(4, 2, 3, 1): region [4, 6) is not allocated", a -> a.realloc(4, 2, 3, 1));
    assertRejected(
        "realloc(2, 4, 3, 2): region [5, 6) is not allocated", a -> a.realloc(2, 4, 3, 2));
    assertRejected(
        "realloc(3, 4, 3, 2): region [3, 7) is not allocated", a -> a.realloc(3, 4, 3, 2));
  }

  /**
   * Rejects an aligned {@code alloc} or relocation whose needed capacity, {@code up(end(last)) +
   * size}, passes {@link Long#MAX_VALUE}: both when the rounding passes it and when the sum does.
   */
  @Test
  public void alignedCalls_neededCapacityPastLong_areRejectedNotWrapped() {
    Assumptions.assumeTrue(supportsAlignment(), "the allocator does not support alignment");
    assertRejected(
        "alloc(1, 9223372036854775807): 9223372036854775807 + 1 exceeds 9223372036854775807",
        a -> a.alloc(1, MAX));
    assertRejected(
        "realloc(12, 2, 3, 9223372036854775807): 9223372036854775807 + 3 exceeds"
            + " 9223372036854775807",
        a -> a.realloc(12, 2, 3, MAX));
    long half = (1L << 62) + 1;
    Allocator full = create(half + 1);
    full.alloc(half + 1);
    assertRejected(
        full,
        "alloc(1, 4611686018427387905): 4611686018427387906 aligned up to 4611686018427387905"
            + " exceeds 9223372036854775807",
        a -> a.alloc(1, half));
    assertRejected(
        full,
        "realloc(0, 0, 1, 4611686018427387905): 4611686018427387906 aligned up to"
            + " 4611686018427387905 exceeds 9223372036854775807",
        a -> a.realloc(0, 0, 1, half));
  }

  /** Fails for memory when the aligned needed capacity is exactly {@link Long#MAX_VALUE}. */
  @Test
  public void alloc_alignedNeededCapacityExactlyLongMax_isMemoryFailure() {
    Assumptions.assumeTrue(supportsAlignment(), "the allocator does not support alignment");
    Assumptions.assumeTrue(failsForMemory(), "the allocator grows instead of failing");
    AllocatorMemoryException e = assertMemoryFailure(sample(), a -> a.alloc(MAX - 20, 20));
    assertEquals(MAX, e.getRequestedCapacity()); // up(14) = 20
  }

  /**
   * An allocator without alignment refuses every aligned call above 1 by name, changing nothing;
   * alignment 1 is the unaligned call.
   */
  @Test
  public void alignedCalls_unsupported_throwNamingTheStrategy() {
    Assumptions.assumeFalse(supportsAlignment(), "the allocator supports alignment");
    Allocator allocator = sample();
    Observation before = Observation.of(allocator);
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(2, 4));
    assertEquals(allocator.getStrategyName(), e.getStrategyName());
    assertThrows(UnsupportedAlignmentException.class, () -> allocator.alloc(0, 4));
    assertThrows(UnsupportedAlignmentException.class, () -> allocator.realloc(0, 4, 2, 8));
    assertEquals(before, Observation.of(allocator));
    assertEquals(14, allocator.alloc(2, 1));
  }

  /** A memory failure changes nothing, and its requested capacity suffices. */
  @Test
  public void alloc_nothingFits_memoryFailureChangesNothing() {
    Assumptions.assumeTrue(failsForMemory(), "the allocator grows instead of failing");
    Allocator allocator = sample();
    AllocatorMemoryException e = assertMemoryFailure(allocator, a -> a.alloc(7));
    assertEquals(21, e.getRequestedCapacity());
    assertEquals(6, e.getLargestFreeHole());
    assertEquals(4, e.getFragmentedFreeSize());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(14, allocator.alloc(7));
  }

  /**
   * A {@code realloc} that must move and finds no room fails for memory with the old region still
   * allocated and nothing else changed.
   */
  @Test
  public void realloc_relocationFindsNoRoom_memoryFailureChangesNothing() {
    Assumptions.assumeTrue(failsForMemory(), "the allocator grows instead of failing");
    Allocator allocator = sample();
    AllocatorMemoryException e = assertMemoryFailure(allocator, a -> a.realloc(0, 2, 9));
    assertEquals(23, e.getRequestedCapacity());
    e =
        assertMemoryFailure(
            allocator, a -> a.realloc(12, 2, 9)); // ends the last block; the tail is short
    assertEquals(23, e.getRequestedCapacity());
    allocator.setCapacity(e.getRequestedCapacity());
    assertEquals(14, allocator.realloc(0, 2, 9));
    assertEquals(
        List.of(new Region(2, 2), new Region(6, 4), new Region(12, 11)),
        allocator.getAllocatedRegions());
  }
}
