package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocatorInvariantsTest {

  /** An allocator that reports whatever it is given, for breaking one invariant at a time. */
  record Reported(long getCapacity, List<Region> getAllocatedRegions, long getFreeSize, long getFragmentedFreeSize,
      boolean isEmpty) implements Allocator {

    /** A consistent allocator of capacity 20 with blocks 2:3 and 8:4. */
    static Reported healthy() {
      return new Reported(20, List.of(new Region(2, 3), new Region(8, 4)), 13, 5, false);
    }

    @Override
    public long alloc(long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void dealloc(long start, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long realloc(long start, long size, long newSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setCapacity(long capacity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getStrategyName() {
      return "reported";
    }
  }

  private static Optional<String> violation(Allocator allocator) {
    return AllocatorInvariants.firstViolation(allocator);
  }

  @Test
  void check_consistentAllocator_passes() {
    AllocatorInvariants.check(Reported.healthy());
    assertEquals(Optional.empty(), violation(new Reported(0, List.of(), 0, 0, true)));
  }

  @Test
  void check_negativeCapacity_isNamed() {
    assertEquals(Optional.of("capacity -1 is negative"), violation(new Reported(-1, List.of(), -1, 0, true)));
  }

  @Test
  void check_emptyBlock_isNamed() {
    assertEquals(Optional.of("block 0 (3:0) is empty"),
        violation(new Reported(10, List.of(new Region(3, 0)), 10, 0, false)));
  }

  @Test
  void check_touchingBlocks_areNamed() {
    assertEquals(Optional.of("block 1 (5:1) starts at or before the end 5 of block 0 (2:3): blocks must be sorted"
            + " and apart"),
        violation(new Reported(10, List.of(new Region(2, 3), new Region(5, 1)), 6, 2, false)));
  }

  @Test
  void check_blockPastCapacity_isNamed() {
    assertEquals(Optional.of("the last block ends at 12, beyond the capacity 10"),
        violation(new Reported(10, List.of(new Region(8, 4)), 6, 8, false)));
  }

  @Test
  void check_isEmptyDisagrees_isNamed() {
    assertEquals(Optional.of("isEmpty() is true with 2 block(s)"),
        violation(new Reported(20, Reported.healthy().getAllocatedRegions(), 13, 5, true)));
  }

  @Test
  void check_wrongFreeSize_isNamed() {
    assertEquals(Optional.of("freeSize 14 is not capacity 20 minus the allocated 7 = 13"),
        violation(new Reported(20, Reported.healthy().getAllocatedRegions(), 14, 5, false)));
  }

  @Test
  void check_fragmentedSkippingLeadingGap_isNamed() {
    assertEquals(Optional.of("fragmentedFreeSize 3 is not the free space 5 before the end 12 of the last block"),
        violation(new Reported(20, Reported.healthy().getAllocatedRegions(), 13, 3, false)));
  }

  @Test
  void check_throwsNamingStrategyAndViolation() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AllocatorInvariants.check(new Reported(-1, List.of(), -1, 0, true)));
    assertEquals("reported allocator is corrupt: capacity -1 is negative", e.getMessage());
  }

  @Test
  void defaultMetrics_followFromSizes() {
    Reported healthy = Reported.healthy();
    assertEquals(8, healthy.getLargestFreeHole());
    assertEquals(7.0 / 20, healthy.getUsage(), 1e-12);
    assertEquals(5.0 / 13, healthy.getFragmentation(), 1e-12);
  }
}
