package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import dev.allot.Allocator;
import dev.allot.Region;
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
  void of_alignedCallWithoutAlignment_isUnsupportedAlignment() {
    Allocator allocator = new WithoutAlignmentOrCompaction(firstFit(16), "plain");
    CallOutcome outcome = CallOutcome.of(allocator, a -> a.alloc(4, 16));
    assertEquals("unsupported alignment", outcome.toString());
    assertEquals(CallOutcome.Kind.UNSUPPORTED, outcome.kind());
    assertEquals(
        "unsupported alignment", CallOutcome.of(allocator, a -> a.realloc(0, 0, 4, 8)).toString());
    assertEquals(16, allocator.getFreeSize(), "nothing changed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, outcome::value);
    assertEquals("not OK: unsupported alignment", thrown.getMessage());
    assertThrows(IllegalStateException.class, outcome::requestedCapacity);
    assertEquals("ok 0", CallOutcome.of(allocator, a -> a.alloc(4, 1)).toString());
  }

  @Test
  void of_compactionWithoutCompaction_isUnsupportedCompactionWhenThereIsSomethingToMove() {
    Allocator allocator = new WithoutAlignmentOrCompaction(firstFit(16), "plain");
    assertEquals(CallOutcome.Kind.OK, CallOutcome.of(allocator, Allocator::compact).kind());
    allocator.alloc(4);
    allocator.alloc(4);
    allocator.dealloc(0, 4);
    CallOutcome outcome = CallOutcome.of(allocator, Allocator::compact);
    assertEquals("unsupported compaction", outcome.toString());
    assertEquals(CallOutcome.Kind.UNSUPPORTED, outcome.kind());
    assertEquals(List.of(new Region(4, 4)), allocator.getAllocatedRegions(), "nothing moved");
  }

  @Test
  void equals_twoStrategiesRefusingTheSameCall_areEqual() {
    // The refusals name their strategies; the outcome does not, so that a differential test of two
    // strategies without alignment sees them agree.
    Function<Allocator, Object> call = a -> a.alloc(2, 4);
    CallOutcome one = CallOutcome.of(new WithoutAlignmentOrCompaction(firstFit(8), "one"), call);
    CallOutcome other =
        CallOutcome.of(new WithoutAlignmentOrCompaction(firstFit(8), "other"), call);
    assertEquals(one, other);
    assertNotEquals(one, CallOutcome.of(firstFit(8), call));
  }

  @Test
  void of_otherUnsupportedOperation_propagates() {
    // Only the two refusals the contract asks of a strategy without the feature are outcomes: any
    // other UnsupportedOperationException is a bug to see, not an answer to compare.
    UnsupportedOperationException failure = new UnsupportedOperationException("List.add");
    UnsupportedOperationException thrown =
        assertThrows(
            UnsupportedOperationException.class,
            () ->
                CallOutcome.of(
                    firstFit(4),
                    a -> {
                      throw failure;
                    }));
    assertSame(failure, thrown);
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

  /**
   * An allocator of a strategy written before alignment and compaction: it implements only the
   * methods {@link Allocator} leaves abstract, so its aligned calls and {@code compact} are the
   * interface's defaults, which refuse them.
   */
  private static final class WithoutAlignmentOrCompaction extends FaultInjectingAllocator {
    private final String name;

    WithoutAlignmentOrCompaction(Allocator delegate, String name) {
      super(delegate);
      this.name = name;
    }

    @Override
    public String getStrategyName() {
      return name;
    }
  }

  private static Object dealloc(Allocator allocator, long start, long size) {
    allocator.dealloc(start, size);
    return "freed";
  }
}
