package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import dev.allot.Allocator;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link CallOutcome}: how a call ended, as the text two allocators must agree on. */
class CallOutcomeTest {

  private static Allocator firstFit(long capacity) {
    return new PygletReferenceStrategy().create(capacity);
  }

  @Test
  void of_callReturns_isOkWithTheValue() {
    Allocator allocator = firstFit(16);
    allocator.alloc(5);
    CallOutcome outcome = CallOutcome.of(allocator, a -> a.alloc(3));
    assertEquals("ok 5", outcome.toString());
    assertEquals(CallOutcome.Kind.OK, outcome.kind());
    assertEquals(5L, outcome.value());
    assertEquals(5, outcome.start());
    assertEquals(8, allocator.getFreeSize(), "the call was made");
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, outcome::requestedCapacity);
    assertEquals("not MEMORY: ok 5", thrown.getMessage());
  }

  @Test
  void of_callReturnsNull_isOkNull() {
    CallOutcome outcome = CallOutcome.of(firstFit(4), a -> null);
    assertEquals("ok null", outcome.toString());
    assertNull(outcome.value());
    IllegalStateException thrown = assertThrows(IllegalStateException.class, outcome::start);
    assertEquals("the call returned no start: ok null", thrown.getMessage());
  }

  @Test
  void of_memoryFailure_givesTheThreeFiguresTheExceptionReports() {
    Allocator allocator = firstFit(10);
    allocator.alloc(4);
    allocator.alloc(2);
    allocator.dealloc(0, 4);
    // Holes [0, 4) and [6, 10): the largest 4, the one before the tail 4; end 6 + size 5 needed.
    CallOutcome outcome = CallOutcome.of(allocator, a -> a.alloc(5));
    assertEquals("memory requested=11 hole=4 fragmented=4", outcome.toString());
    assertEquals(CallOutcome.Kind.MEMORY, outcome.kind());
    assertEquals(11, outcome.requestedCapacity());
    assertThrows(IllegalStateException.class, outcome::value);
  }

  @Test
  void of_badInput_isInvalidWithTheMessage() {
    Allocator allocator = firstFit(10);
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> allocator.dealloc(2, 3));
    CallOutcome outcome = CallOutcome.of(allocator, a -> dealloc(a, 2, 3));
    assertEquals("invalid " + thrown.getMessage(), outcome.toString());
    assertEquals(CallOutcome.Kind.INVALID, outcome.kind());
    assertThrows(IllegalStateException.class, outcome::start);
  }

  @Test
  void of_sameCallOnAllocatorsThatDisagree_differs() {
    Function<Allocator, Object> call = a -> a.alloc(2);
    Allocator first = firstFit(12);
    Allocator best = new ListReferenceStrategy(HoleChoice.SMALLEST).create(12);
    for (Allocator allocator : new Allocator[] {first, best}) {
      allocator.alloc(4);
      allocator.alloc(1);
      allocator.alloc(2);
      allocator.alloc(1);
      allocator.dealloc(0, 4);
      allocator.dealloc(5, 2);
    }
    // Holes of 4 at 0, of 2 at 5 and the tail of 4 at 8: best-fit takes the one at 5.
    CallOutcome fromFirst = CallOutcome.of(first, call);
    CallOutcome fromBest = CallOutcome.of(best, call);
    assertEquals(List.of(0L, 5L), List.of(fromFirst.start(), fromBest.start()));
    assertNotEquals(fromFirst, fromBest);
  }

  @Test
  void equals_sameText_isEqualWithTheSameHash() {
    Function<Allocator, Object> call = a -> a.alloc(3);
    CallOutcome one = CallOutcome.of(firstFit(8), call);
    CallOutcome other = CallOutcome.of(new ListReferenceStrategy(HoleChoice.FIRST).create(8), call);
    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
    assertNotEquals(one, CallOutcome.of(firstFit(8), a -> 1L));
    assertNotEquals(one, (Object) "ok 0");
  }

  @Test
  void of_anyOtherException_propagates() {
    IllegalStateException failure = new IllegalStateException("broken");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                CallOutcome.of(
                    firstFit(4),
                    a -> {
                      throw failure;
                    }));
    assertSame(failure, thrown);
  }

  @Test
  void of_nullArguments_areRejected() {
    new NullPointerTester()
        .setDefault(Allocator.class, firstFit(4))
        .testAllPublicStaticMethods(CallOutcome.class);
  }

  private static Object dealloc(Allocator allocator, long start, long size) {
    allocator.dealloc(start, size);
    return "freed";
  }
}
