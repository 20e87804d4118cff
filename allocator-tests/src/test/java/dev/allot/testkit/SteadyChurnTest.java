package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.ForwardingAllocator;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The check of {@link AllocatorFeature#ALLOCATION_FREE_CHURN} can fail: it fails a strategy that
 * allocates as it churns, and passes one that does not, at a scale small enough for the list
 * reference.
 */
class SteadyChurnTest {

  private static final SteadyChurn SMALL = new SteadyChurn(100, 2_000, 2_000);

  @Test
  void check_listReferenceMakingRegionObjects_failsNamingStrategyAndSteps() {
    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class,
            () -> SMALL.check(new ListReferenceStrategy(HoleChoice.FIRST)));
    String message = failure.getMessage();
    String expected = "list-first-fit: 2000 steps of churn at 100 live regions allocated ";
    assertEquals(expected, message.substring(0, Math.min(expected.length(), message.length())));
  }

  @Test
  void check_bumpAllocatorMakingNothing_passes() {
    assertDoesNotThrow(
        () -> SMALL.check(new TestStrategy("bump", capacity -> new BumpAllocator(capacity))));
  }

  /** Hands out fresh ranges one after another and ignores frees: allocates no object per call. */
  private static final class BumpAllocator extends ForwardingAllocator {

    private long next;

    BumpAllocator(long capacity) {
      super(new ListReferenceStrategy(HoleChoice.FIRST).create(capacity));
    }

    @Override
    public long alloc(long size) {
      long start = next;
      next += size;
      return start;
    }

    @Override
    public void dealloc(long start, long size) {}
  }
}
