package dev.allot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.TreeMapAllocator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the growing decorator leaves behind when a listener or the policy throws, with a caller's
 * buffer kept in step by the listeners as {@link CapacityListener} and {@link RelocationListener}
 * ask: resized before the capacity rises, data copied when a region moves.
 */
class GrowingFailureTest {

  /** The caller's side: a buffer, and where it believes its region is. */
  private long[] buffer = new long[8];

  private long regionStart;

  /**
   * Blocks {@code 0:8} in capacity 8, as regions a = [0, 4) holding 1..4 and b = [4, 8) holding
   * 5..8.
   */
  private Allocator full(CapacityListener onGrow, RelocationListener onMove, GrowthPolicy policy) {
    Allocator growing = Allocators.growing(new TreeMapAllocator(8), policy, onGrow, onMove);
    regionStart = growing.alloc(4);
    growing.alloc(4);
    for (int i = 0; i < 8; i++) {
      buffer[i] = i + 1L;
    }
    return growing;
  }

  private void enlarge(long oldCapacity, long newCapacity) {
    buffer = Arrays.copyOf(buffer, (int) newCapacity);
  }

  private void moveData(long oldStart, long newStart, long size) {
    System.arraycopy(buffer, (int) oldStart, buffer, (int) newStart, (int) size);
    regionStart = newStart;
  }

  private static List<Region> blocks(Allocator allocator) {
    return allocator.getAllocatedRegions();
  }

  @Test
  void realloc_regionRelocatedThrows_moveAndGrowthStandAndBufferAgrees() {
    RuntimeException failure = new IllegalStateException("listener failed after copying");
    Allocator growing =
        full(
            this::enlarge,
            (oldStart, newStart, size) -> {
              System.arraycopy(buffer, (int) oldStart, buffer, (int) newStart, (int) size);
              regionStart =
                  newStart; // recorded before anything that may throw, as the Javadoc asks
              throw failure;
            },
            GrowthPolicy.doubling());

    // [0, 4) does not end its block: it must move, nothing fits, so the capacity doubles first
    assertSame(failure, assertThrows(IllegalStateException.class, () -> growing.realloc(0, 4, 6)));

    assertEquals(16, growing.getCapacity(), "the growth stands");
    assertEquals(16, buffer.length, "the buffer grew with it");
    assertEquals(8, regionStart, "the listener was told, and recorded, the new start");
    assertEquals(
        List.of(new Region(4, 10)),
        blocks(growing),
        "the move stands: [0, 4) free, [8, 14) allocated");
    assertArrayEquals(
        new long[] {1, 2, 3, 4},
        Arrays.copyOfRange(buffer, 8, 12),
        "the data moved with the region");
    AllocatorInvariants.check(growing);
    growing.dealloc(regionStart, 6); // the caller can go on with what it recorded
    assertEquals(List.of(new Region(4, 4)), blocks(growing));
  }

  /** The state {@link #full} builds, which every failure before the move must leave. */
  private void assertAsBuilt(Allocator growing) {
    assertEquals(8, growing.getCapacity());
    assertEquals(8, buffer.length);
    assertEquals(List.of(new Region(0, 8)), blocks(growing));
    assertEquals(0, regionStart);
    AllocatorInvariants.check(growing);
  }

  /** A full allocator whose listener cannot enlarge the buffer. */
  private Allocator refusingGrowth(RuntimeException failure) {
    return full(
        (oldCapacity, newCapacity) -> {
          throw failure;
        },
        this::moveData,
        GrowthPolicy.doubling());
  }

  @Test
  void realloc_capacityGrowingThrows_nothingChanged() {
    RuntimeException failure = new IllegalStateException("no memory for a larger buffer");
    Allocator growing = refusingGrowth(failure);
    assertSame(failure, assertThrows(IllegalStateException.class, () -> growing.realloc(0, 4, 6)));
    assertAsBuilt(growing);
  }

  @Test
  void setCapacity_capacityGrowingThrows_capacityNotRaised() {
    RuntimeException failure = new IllegalStateException("no memory for a larger buffer");
    Allocator growing = refusingGrowth(failure);
    assertSame(failure, assertThrows(IllegalStateException.class, () -> growing.setCapacity(100)));
    assertAsBuilt(growing);
  }

  @Test
  void realloc_policyThrows_listenerNotToldNothingChanged() {
    RuntimeException failure = new ArithmeticException("policy failed");
    Allocator growing =
        full(
            this::enlarge,
            this::moveData,
            (current, requested) -> {
              throw failure;
            });
    assertSame(failure, assertThrows(ArithmeticException.class, () -> growing.realloc(0, 4, 6)));
    assertAsBuilt(growing);
  }
}
