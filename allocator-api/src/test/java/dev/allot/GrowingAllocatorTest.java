package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The growing decorator over the API tests' plain strategy, {@link TreeMapAllocator}. */
class GrowingAllocatorTest {

  private final List<String> events = new ArrayList<>();

  private final CapacityListener growthRecorder =
      (oldCapacity, newCapacity) -> events.add("grow " + oldCapacity + "->" + newCapacity);

  private final RelocationListener moveRecorder =
      (oldStart, newStart, size) ->
          events.add("move " + oldStart + "->" + newStart + " size " + size);

  private Allocator growing(long capacity, GrowthPolicy policy, CapacityListener onGrow) {
    return Allocators.growing(new TreeMapAllocator(capacity), policy, onGrow, moveRecorder);
  }

  @Test
  void doubling_answersNextPowerOfTwoAtLeastRequested() {
    GrowthPolicy doubling = GrowthPolicy.doubling();
    long[][] cases = {
      {0, 0},
      {1, 1},
      {2, 2},
      {3, 4},
      {5, 8},
      {8, 8},
      {9, 16},
      {1L << 40, 1L << 40},
      {(1L << 40) + 1, 1L << 41},
      {(1L << 62) + 1, Long.MAX_VALUE},
      {Long.MAX_VALUE, Long.MAX_VALUE}
    };
    for (long[] c : cases) {
      assertEquals(c[1], doubling.newCapacity(0, c[0]), "request " + c[0]);
    }
  }

  @Test
  void alloc_doesNotFit_listenerToldBeforeCapacityRisesThenRetried() {
    Allocator allocator = new TreeMapAllocator(4);
    Allocator growing =
        Allocators.growing(
            allocator,
            GrowthPolicy.doubling(),
            (oldCapacity, newCapacity) ->
                events.add(
                    "grow "
                        + oldCapacity
                        + "->"
                        + newCapacity
                        + " while capacity "
                        + allocator.getCapacity()),
            moveRecorder);
    assertEquals(0, growing.alloc(3));
    assertEquals(3, growing.alloc(3));
    assertEquals(List.of("grow 4->8 while capacity 4"), events);
    assertEquals(8, growing.getCapacity());
    assertEquals(List.of(new Region(0, 6)), growing.getAllocatedRegions());
  }

  @Test
  void alloc_exactPolicy_growsToRequestedCapacity() {
    Allocator growing = growing(4, GrowthPolicy.exact(), growthRecorder);
    growing.alloc(3);
    growing.alloc(3);
    assertEquals(List.of("grow 4->6"), events);
    assertEquals(0, growing.getFreeSize());
  }

  @Test
  void realloc_regionMoves_growsThenReportsRelocation() {
    Allocator growing = growing(4, GrowthPolicy.doubling(), growthRecorder);
    long first = growing.alloc(3);
    growing.alloc(1);
    assertEquals(4, growing.realloc(first, 3, 4));
    assertEquals(List.of("grow 4->8", "move 0->4 size 3"), events);
    assertEquals(List.of(new Region(3, 5)), growing.getAllocatedRegions());
  }

  @Test
  void realloc_inPlaceOrShrinkOrFromEmpty_reportsNoRelocation() {
    Allocator growing = growing(16, GrowthPolicy.doubling(), growthRecorder);
    long a = growing.alloc(4);
    assertEquals(a, growing.realloc(a, 4, 6));
    assertEquals(a, growing.realloc(a, 6, 2));
    assertEquals(2, growing.realloc(9, 0, 3));
    assertEquals(List.of(), events);
  }

  @Test
  void alloc_alignedDoesNotFit_growsToTheAlignedRequestAndRetriesAligned() {
    Allocator growing = growing(8, GrowthPolicy.exact(), growthRecorder);
    growing.alloc(5);
    assertEquals(8, growing.alloc(4, 8)); // requested up(5) + 4 = 12
    assertEquals(List.of("grow 8->12"), events);
    assertEquals(List.of(new Region(0, 5), new Region(8, 4)), growing.getAllocatedRegions());
  }

  @Test
  void realloc_alignedMoveNeedsRoom_growsThenReportsRelocation() {
    Allocator growing = growing(8, GrowthPolicy.exact(), growthRecorder);
    growing.alloc(3);
    long second = growing.alloc(3);
    assertEquals(8, growing.realloc(second, 3, 4, 4)); // 3 is not a multiple of 4: it moves
    assertEquals(List.of("grow 8->12", "move 3->8 size 3"), events);
    assertEquals(List.of(new Region(0, 3), new Region(8, 4)), growing.getAllocatedRegions());
  }

  @Test
  void realloc_alignedMoveWhileShrinking_reportsTheNewSizeToCopy() {
    Allocator growing = growing(16, GrowthPolicy.doubling(), growthRecorder);
    growing.alloc(8);
    assertEquals(8, growing.realloc(3, 5, 2, 4));
    assertEquals(List.of("move 3->8 size 2"), events);
  }

  @Test
  void realloc_alignedInPlace_reportsNoRelocation() {
    Allocator growing = growing(16, GrowthPolicy.doubling(), growthRecorder);
    assertEquals(0, growing.alloc(4, 4));
    assertEquals(0, growing.realloc(0, 4, 9, 4));
    assertEquals(0, growing.realloc(0, 9, 2, 4));
    assertEquals(List.of(), events);
  }

  @Test
  void alloc_listenerThrows_capacityNotRaisedAllocatorUnchanged() {
    RuntimeException failure = new RuntimeException("buffer resize failed");
    Allocator growing =
        growing(
            4,
            GrowthPolicy.doubling(),
            (oldCapacity, newCapacity) -> {
              throw failure;
            });
    growing.alloc(3);
    assertSame(failure, assertThrows(RuntimeException.class, () -> growing.alloc(3)));
    assertEquals(4, growing.getCapacity());
    assertEquals(List.of(new Region(0, 3)), growing.getAllocatedRegions());
  }

  @Test
  void alloc_policyAnswersLessThanRequested_illegalStateAllocatorUnchanged() {
    Allocator growing = growing(4, (current, requested) -> requested - 1, growthRecorder);
    growing.alloc(3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> growing.alloc(3));
    assertEquals(
        "GrowthPolicy.newCapacity(4, 6) returned 5, less than the requested capacity 6; a policy"
            + " must return at least the request",
        e.getMessage());
    assertEquals(4, growing.getCapacity());
    assertEquals(List.of(new Region(0, 3)), growing.getAllocatedRegions());
    assertEquals(List.of(), events);
  }

  @Test
  void alloc_negativeSize_illegalArgumentWithoutGrowth() {
    Allocator growing = growing(4, GrowthPolicy.doubling(), growthRecorder);
    assertThrows(IllegalArgumentException.class, () -> growing.alloc(-1));
    assertThrows(IllegalArgumentException.class, () -> growing.realloc(0, 2, 8));
    assertEquals(List.of(), events);
    assertEquals(4, growing.getCapacity());
  }

  @Test
  void alloc_requestNotAboveCapacity_memoryExceptionReachesCaller() {
    AllocatorMemoryException stuck = new AllocatorMemoryException(4);
    Allocator neverFits =
        new ForwardingAllocator(new TreeMapAllocator(4)) {
          @Override
          public long alloc(long size) {
            throw stuck;
          }
        };
    Allocator growing =
        Allocators.growing(neverFits, GrowthPolicy.doubling(), growthRecorder, moveRecorder);
    assertSame(stuck, assertThrows(AllocatorMemoryException.class, () -> growing.alloc(1)));
    assertEquals(List.of(), events);
  }

  @Test
  void setCapacity_rise_announcedAndLowerRejectedSilently() {
    Allocator growing = growing(4, GrowthPolicy.doubling(), growthRecorder);
    growing.setCapacity(10);
    growing.setCapacity(10);
    assertThrows(IllegalArgumentException.class, () -> growing.setCapacity(5));
    assertEquals(List.of("grow 4->10"), events);
    assertEquals(10, growing.getCapacity());
  }

  @Test
  void getters_delegate() {
    Allocator growing = growing(8, GrowthPolicy.doubling(), growthRecorder);
    growing.alloc(2);
    growing.alloc(2);
    growing.dealloc(0, 2);
    assertEquals(TreeMapAllocator.NAME, growing.getStrategyName());
    assertEquals(6, growing.getFreeSize());
    assertEquals(2, growing.getFragmentedFreeSize());
    assertEquals(4, growing.getLargestFreeHole());
    assertEquals(0.25, growing.getUsage());
    assertEquals(2.0 / 6, growing.getFragmentation());
  }
}
