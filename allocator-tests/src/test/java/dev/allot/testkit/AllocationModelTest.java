package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Region;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationModelTest {

  /** capacity 16, callers hold [0,3) [3,5) [9,12): blocks 0:5 and 9:3. */
  private static AllocationModel sample() {
    AllocationModel model = new AllocationModel(16);
    model.record(call("alloc 3"), 0);
    model.record(call("alloc 2"), 3);
    model.record(call("alloc 3"), 9);
    return model;
  }

  private static TraceOperation call(String line) {
    return TraceParser.parse(line).get(0);
  }

  @Test
  void blocks_touchingRegions_areCoalesced() {
    assertEquals(List.of(new Region(0, 5), new Region(9, 3)), sample().blocks());
  }

  @Test
  void holes_gapsAndTail_areListedInAddressOrder() {
    assertEquals(List.of(new Region(5, 4), new Region(12, 4)), sample().holes());
  }

  @Test
  void metrics_sample_followSpecDefinitions() {
    AllocationModel model = sample();
    assertEquals(8, model.freeSize());
    assertEquals(4, model.fragmentedFreeSize());
    assertEquals(4, model.largestFreeHole());
  }

  @Test
  void fragmentedFreeSize_leadingGap_counts() {
    AllocationModel model = sample();
    model.record(call("dealloc 0 3"), 0);
    assertEquals(7, model.fragmentedFreeSize());
  }

  @Test
  void record_reallocShrinksOverAFreedHead_freesOnlyTheTail() {
    AllocationModel model = new AllocationModel(20);
    model.record(call("alloc 10"), 0);
    model.record(call("dealloc 0 1"), 0);
    TraceOperation shrink = call("realloc 0 10 4");

    assertEquals(CallValidity.VALID, model.validity(shrink)); // only the tail must lie in a block
    model.record(shrink, 0);

    assertEquals(List.of(new Region(1, 3)), model.blocks()); // index 0 stays free, as the spec says
    assertEquals(List.of(new Region(1, 3)), model.liveRegions());
  }

  @Test
  void replay_reallocShrinksOverAFreedHead_keepsTheContract() {
    String trace = "capacity 20\nalloc 10\ndealloc 0 1\nrealloc 0 10 4\n";

    ContractRun run =
        ContractRun.replay(
            new PygletReferenceStrategy(),
            trace,
            EnumSet.of(Invariant.REALLOC_KEEPS_OTHERS, Invariant.BLOCK_LIST, Invariant.METRICS));

    assertEquals(List.of(new Region(1, 3)), run.allocator().getAllocatedRegions());
  }

  @Test
  void record_middleOfRegionFreed_splitsTheCallersRegion() {
    AllocationModel model = new AllocationModel(10);
    model.record(call("alloc 6"), 0);
    model.record(call("dealloc 2 2"), 0);
    assertEquals(List.of(new Region(0, 2), new Region(4, 2)), model.liveRegions());
  }

  @Test
  void record_reallocShrunkInPlace_keepsOneLiveRegion() {
    AllocationModel model = new AllocationModel(10);
    model.record(call("alloc 6"), 0);
    model.record(call("realloc 0 6 2"), 0);
    assertEquals(List.of(new Region(0, 2)), model.liveRegions());
    assertEquals(List.of(new Region(0, 2)), model.blocks());
  }

  @Test
  void record_reallocMoved_freesOldRangeAndTakesNewOne() {
    AllocationModel model = sample();
    model.record(call("realloc 3 2 4"), 5);
    assertEquals(
        List.of(new Region(0, 3), new Region(9, 3), new Region(5, 4)), model.liveRegions());
    assertEquals(List.of(new Region(0, 3), new Region(5, 7)), model.blocks());
  }

  @Test
  void validity_badInput_isInvalid() {
    AllocationModel model = sample();
    for (String line :
        List.of(
            "alloc -1",
            "dealloc 5 1",
            "dealloc 4 2",
            "dealloc 9223372036854775807 2",
            "realloc 5 2 8",
            "realloc 5 2 1",
            "realloc 5 2 0",
            "realloc 0 -1 3",
            "set_capacity 15")) {
      assertEquals(CallValidity.INVALID, model.validity(call(line)), line);
    }
  }

  @Test
  void validity_goodInput_isValid() {
    AllocationModel model = sample();
    for (String line :
        List.of(
            "alloc 0",
            "alloc 100",
            "dealloc 1 3",
            "dealloc 99 0",
            "realloc 99 0 4",
            "realloc 3 2 1",
            "realloc 0 5 9",
            "set_capacity 16")) {
      assertEquals(CallValidity.VALID, model.validity(call(line)), line);
    }
  }

  @Test
  void validity_sizeNeedingCapacityPastLongMax_isUndecided() {
    assertEquals(CallValidity.UNDECIDED, sample().validity(call("alloc 9223372036854775800")));
  }

  /**
   * A call whose needed capacity may pass Long.MAX_VALUE is still good input when a hole holds it
   * at an aligned start: only index 0 is a multiple of Long.MAX_VALUE below it, and [0, 3) is free.
   */
  @Test
  void validity_hugeAlignmentThatAHoleHolds_isValid() {
    AllocationModel model = new AllocationModel(16);
    model.record(call("alloc 5"), 0);
    model.record(call("dealloc 0 3"), 0); // holes [0, 3) and [5, 16)

    assertEquals(CallValidity.VALID, model.validity(call("alloc 3 9223372036854775807")));
    assertEquals(CallValidity.UNDECIDED, model.validity(call("alloc 4 9223372036854775807")));
    assertEquals(CallValidity.VALID, model.validity(call("realloc 3 2 3 9223372036854775807")));
  }

  @Test
  void validity_capacityLine_isNotACall() {
    assertThrows(IllegalArgumentException.class, () -> sample().validity(call("capacity 3")));
  }

  @Test
  void overlapsAllocated_ownRangeExcepted_isFalse() {
    AllocationModel model = sample();
    assertTrue(model.overlapsAllocated(4, 2, new Region(0, 0)));
    assertFalse(model.overlapsAllocated(3, 4, new Region(3, 2)));
  }
}
