package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.ReportedAllocator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocatorInvariantsTest {

  private static Optional<String> violation(Allocator allocator) {
    return AllocatorInvariants.firstViolation(allocator);
  }

  @Test
  void check_consistentAllocator_passes() {
    AllocatorInvariants.check(ReportedAllocator.healthy());
    assertEquals(Optional.empty(), violation(new ReportedAllocator(0, List.of(), 0, 0, true)));
  }

  @Test
  void check_blockAtZero_passes() {
    assertEquals(
        Optional.empty(),
        violation(
            new ReportedAllocator(10, List.of(new Region(0, 3), new Region(5, 2)), 5, 2, false)));
  }

  @Test
  void check_negativeCapacity_isNamed() {
    assertEquals(
        Optional.of("capacity -1 is negative"),
        violation(new ReportedAllocator(-1, List.of(), -1, 0, true)));
  }

  @Test
  void check_emptyBlock_isNamed() {
    assertEquals(
        Optional.of("block 0 (3:0) is empty"),
        violation(new ReportedAllocator(10, List.of(new Region(3, 0)), 10, 0, false)));
  }

  @Test
  void check_touchingBlocks_areNamed() {
    assertEquals(
        Optional.of(
            "block 1 (5:1) starts at or before the end 5 of block 0 (2:3): blocks must be sorted"
                + " and apart"),
        violation(
            new ReportedAllocator(10, List.of(new Region(2, 3), new Region(5, 1)), 6, 2, false)));
  }

  @Test
  void check_blockPastCapacity_isNamed() {
    assertEquals(
        Optional.of("the last block ends at 12, beyond the capacity 10"),
        violation(new ReportedAllocator(10, List.of(new Region(8, 4)), 6, 8, false)));
  }

  @Test
  void check_isEmptyDisagrees_isNamed() {
    assertEquals(
        Optional.of("isEmpty() is true with 2 block(s)"),
        violation(
            new ReportedAllocator(
                20, ReportedAllocator.healthy().getAllocatedRegions(), 13, 5, true)));
  }

  @Test
  void check_wrongFreeSize_isNamed() {
    assertEquals(
        Optional.of("freeSize 14 is not capacity 20 minus the allocated 7 = 13"),
        violation(
            new ReportedAllocator(
                20, ReportedAllocator.healthy().getAllocatedRegions(), 14, 5, false)));
  }

  @Test
  void check_fragmentedSkippingLeadingGap_isNamed() {
    assertEquals(
        Optional.of(
            "fragmentedFreeSize 3 is not the free space 5 before the end 12 of the last block"),
        violation(
            new ReportedAllocator(
                20, ReportedAllocator.healthy().getAllocatedRegions(), 13, 3, false)));
  }

  @Test
  void check_throwsNamingStrategyAndViolation() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> AllocatorInvariants.check(new ReportedAllocator(-1, List.of(), -1, 0, true)));
    assertEquals("reported allocator is corrupt: capacity -1 is negative", e.getMessage());
  }

  @Test
  void defaultMetrics_followFromSizes() {
    ReportedAllocator healthy = ReportedAllocator.healthy();
    assertEquals(8, healthy.getLargestFreeHole());
    assertEquals(7.0 / 20, healthy.getUsage(), 1e-12);
    assertEquals(5.0 / 13, healthy.getFragmentation(), 1e-12);
  }

  /** Forwards to the healthy allocator but reports one derived figure of its own. */
  private static Allocator misreporting(long largestHole, double usage, double fragmentation) {
    return new ForwardingAllocator(ReportedAllocator.healthy()) {
      @Override
      public long getLargestFreeHole() {
        return largestHole;
      }

      @Override
      public double getUsage() {
        return usage;
      }

      @Override
      public double getFragmentation() {
        return fragmentation;
      }
    };
  }

  @Test
  void check_wrongDerivedFigures_areNamed() {
    assertEquals(
        Optional.of("largestFreeHole 7 is not the longest gap 8"),
        violation(misreporting(7, 0.35, 5.0 / 13)));
    assertEquals(
        Optional.of("usage 0.36 is not 1 - 13 / 20"), violation(misreporting(8, 0.36, 5.0 / 13)));
    assertEquals(
        Optional.of("fragmentation 0.4 is not 5 / 13"), violation(misreporting(8, 0.35, 0.4)));
    assertEquals(Optional.empty(), violation(misreporting(8, 0.35 + 1e-12, 5.0 / 13 - 1e-12)));
  }
}
