package dev.allot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compaction through the decorators: the growing allocator's relocation listener copies each move,
 * and what a listener that throws half-way leaves; the recorder writes the trace line; the
 * synchronized and forwarding allocators pass the call on.
 */
class DecoratorCompactionTest {

  /** The caller's buffer, capacity 20: each index holds the id of the region it belongs to. */
  private final long[] buffer = new long[20];

  /** Regions a = [0,2), b = [4,6), c = [9,12), d = [17,20) with ids 1 to 4, the rest freed. */
  private static final long[][] REGIONS = {{0, 2, 1}, {4, 2, 2}, {9, 3, 3}, {17, 3, 4}};

  private Allocator fragmented(Allocator allocator) {
    allocator.alloc(20);
    allocator.dealloc(2, 2);
    allocator.dealloc(6, 3);
    allocator.dealloc(12, 5);
    for (long[] region : REGIONS) {
      for (long i = region[0]; i < region[0] + region[1]; i++) {
        buffer[(int) i] = region[2];
      }
    }
    return allocator;
  }

  private void copy(long from, long to, long size) {
    System.arraycopy(buffer, (int) from, buffer, (int) to, (int) size);
  }

  private GrowingAllocator growing(RelocationListener onMove) {
    return Allocators.growing(
        new TreeMapAllocator(20), GrowthPolicy.doubling(), (o, n) -> {}, onMove);
  }

  @Test
  void growingCompact_listenerCopiesEachMove_regionsKeepTheirData() {
    GrowingAllocator allocator = growing(this::copy);
    fragmented(allocator);

    CompactionPlan plan = allocator.compact();

    for (long[] region : REGIONS) {
      long start = plan.translate(region[0]);
      for (long i = start; i < start + region[1]; i++) {
        assertEquals(region[2], buffer[(int) i], "index " + i);
      }
    }
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
  }

  @Test
  void growingCompact_listenerThrowsOnSecondMove_allocatorAppliedThePlanAndSaysWhatWasCopied() {
    RuntimeException failure = new IllegalStateException("copy failed");
    List<Long> copied = new ArrayList<>();
    GrowingAllocator allocator =
        growing(
            (from, to, size) -> {
              if (!copied.isEmpty()) {
                throw failure;
              }
              copy(from, to, size);
              copied.add(from);
            });
    fragmented(allocator);

    IncompleteCompactionException thrown =
        assertThrows(IncompleteCompactionException.class, allocator::compact);

    assertSame(failure, thrown.getCause());
    assertEquals(1, thrown.getCopiedMoves());
    assertEquals(3, thrown.getPlan().moves().size());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions()); // the whole plan
    // Recovery as documented: copy the moves from getCopiedMoves() on, then translate.
    List<CompactionMove> moves = thrown.getPlan().moves();
    for (int i = thrown.getCopiedMoves(); i < moves.size(); i++) {
      copy(moves.get(i).from(), moves.get(i).to(), moves.get(i).size());
    }
    assertArrayEquals(
        new long[] {1, 1, 2, 2, 4, 4, 4, 3, 3, 3}, java.util.Arrays.copyOf(buffer, 10));
    assertEquals(4, thrown.getPlan().translate(17));
  }

  @Test
  void recordingCompact_writesTheLineBeforeTheCall_evenWhenRejected() {
    StringBuilder trace = new StringBuilder();
    Allocator allocator = fragmented(Allocators.recording(new TreeMapAllocator(20), trace));

    allocator.compact(4, 2);
    allocator.compact();
    assertThrows(IllegalArgumentException.class, () -> allocator.compact(4, 0));

    assertEquals(
        """
        capacity 20
        alloc 20
        dealloc 2 2
        dealloc 6 3
        dealloc 12 5
        compact 4 2
        compact 9223372036854775807 1
        compact 4 0
        """,
        trace.toString());
    assertEquals(List.of(new Region(0, 10)), allocator.getAllocatedRegions());
  }

  @Test
  void synchronizedCompact_passesTheCallOn() {
    Allocator allocator = fragmented(Allocators.synchronizedAllocator(new TreeMapAllocator(20)));

    CompactionPlan plan = allocator.compact(0, 1);

    assertEquals(List.of(CompactionMove.of(4, 2, 2)), plan.moves());
  }
}
