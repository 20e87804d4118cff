package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad call names itself and its values, and leaves the allocator exactly as it was. */
class FirstFitBadInputTest {

  private static final long MAX = Long.MAX_VALUE;

  /** Blocks {@code 0:4, 6:4, 12:2} in capacity 20: holes before, between and after blocks. */
  private static Allocator sample() {
    Allocator allocator = new FirstFitStrategy().create(20);
    allocator.alloc(14);
    allocator.dealloc(4, 2);
    allocator.dealloc(10, 2);
    return allocator;
  }

  private static String state(Allocator allocator) {
    return allocator.getAllocatedRegions() + " capacity=" + allocator.getCapacity() + " free="
        + allocator.getFreeSize() + " fragmented=" + allocator.getFragmentedFreeSize();
  }

  private static void assertRejected(String message, Consumer<Allocator> call) {
    assertRejected(sample(), message, call);
  }

  private static void assertRejected(Allocator allocator, String message, Consumer<Allocator> call) {
    String before = state(allocator);
    Executable executable = () -> call.accept(allocator);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertEquals(message, e.getMessage());
    assertEquals(before, state(allocator));
  }

  @Test
  void alloc_negative_isRejected() {
    assertRejected("alloc(-1): negative number -1", a -> a.alloc(-1));
  }

  @Test
  void alloc_neededCapacityBeyondLong_isRejectedNotWrapped() {
    assertRejected("alloc(9223372036854775807): 14 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.alloc(MAX));
  }

  @Test
  void alloc_hugeOnEmpty_isMemoryRequestingExactlyIt() {
    AllocatorMemoryException e = assertThrows(AllocatorMemoryException.class,
        () -> new FirstFitStrategy().create(0).alloc(MAX));
    assertEquals(MAX, e.getRequestedCapacity());
  }

  @Test
  void dealloc_negatives_areRejected() {
    assertRejected("dealloc(-1, 2): negative number -1", a -> a.dealloc(-1, 2));
    assertRejected("dealloc(0, -1): negative number -1", a -> a.dealloc(0, -1));
  }

  @Test
  void dealloc_hole_isRejected() {
    assertRejected("dealloc(4, 2): region [4, 6) is not allocated", a -> a.dealloc(4, 2));
  }

  @Test
  void dealloc_overlappingAHole_isRejected() {
    assertRejected("dealloc(2, 4): region [2, 6) is not allocated", a -> a.dealloc(2, 4));
    assertRejected("dealloc(12, 4): region [12, 16) is not allocated", a -> a.dealloc(12, 4));
  }

  @Test
  void dealloc_twice_secondIsRejected() {
    Allocator allocator = sample();
    allocator.dealloc(6, 4);
    assertRejected(allocator, "dealloc(6, 4): region [6, 10) is not allocated", a -> a.dealloc(6, 4));
  }

  @Test
  void dealloc_endBeyondLong_isRejectedNotWrapped() {
    assertRejected("dealloc(9223372036854775807, 1): 9223372036854775807 + 1 exceeds 9223372036854775807",
        a -> a.dealloc(MAX, 1));
  }

  @Test
  void dealloc_onEmpty_isRejected() {
    Allocator allocator = new FirstFitStrategy().create(8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> allocator.dealloc(0, 1));
    assertEquals("dealloc(0, 1): region [0, 1) is not allocated", e.getMessage());
  }

  @Test
  void realloc_negatives_areRejected() {
    assertRejected("realloc(0, -1, 3): negative number -1", a -> a.realloc(0, -1, 3));
    assertRejected("realloc(0, 4, -3): negative number -3", a -> a.realloc(0, 4, -3));
  }

  @Test
  void realloc_notAllocated_isRejected() {
    assertRejected("realloc(4, 2, 3): region [4, 6) is not allocated", a -> a.realloc(4, 2, 3));
    assertRejected("realloc(4, 2, 0): region [4, 6) is not allocated", a -> a.realloc(4, 2, 0));
    assertRejected("realloc(2, 4, 3): region [5, 6) is not allocated", a -> a.realloc(2, 4, 3));
  }

  @Test
  void realloc_endBeyondLong_isRejectedNotWrapped() {
    assertRejected("realloc(9223372036854775807, 2, 1): 9223372036854775807 + 2 exceeds 9223372036854775807",
        a -> a.realloc(MAX, 2, 1));
    assertRejected("realloc(12, 2, 9223372036854775807): 14 + 9223372036854775807 exceeds 9223372036854775807",
        a -> a.realloc(12, 2, MAX));
  }

  @Test
  void setCapacity_smaller_isRejected() {
    assertRejected("setCapacity(19): capacity never shrinks; it is 20", a -> a.setCapacity(19));
    assertRejected("setCapacity(-1): capacity never shrinks; it is 20", a -> a.setCapacity(-1));
  }

  @Test
  void create_negativeCapacity_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FirstFitStrategy().create(-5));
    assertEquals("create(-5): negative number -5", e.getMessage());
  }

  @Test
  void memoryFailures_changeNothing() {
    Allocator allocator = sample();
    String before = state(allocator);
    assertThrows(AllocatorMemoryException.class, () -> allocator.alloc(7));
    assertEquals(before, state(allocator));
    AllocatorMemoryException e = assertThrows(AllocatorMemoryException.class, () -> allocator.realloc(0, 2, 9));
    assertEquals(23, e.getRequestedCapacity());
    assertEquals(before, state(allocator));
  }
}
