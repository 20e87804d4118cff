package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.ForwardingAllocator;
import dev.allot.testkit.reference.PygletReferenceAllocator;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared workloads on first-fit and on the reference: the same seed gives the same program, so
 * both must end with the same blocks and counters, and the allocator must hold exactly what the
 * workload's live regions add up to.
 */
class WorkloadOnFirstFitTest {

  @ParameterizedTest
  @EnumSource(value = WorkloadKind.class, names = "UNIFORM", mode = EnumSource.Mode.EXCLUDE)
  void steps_sameSeed_leaveFirstFitAndReferenceIdentical(WorkloadKind kind) {
    Workload fast = kind.create(new FirstFitStrategy().create(0), 7);
    Workload reference = kind.create(new PygletReferenceAllocator(0), 7);
    fast.fill(500);
    reference.fill(500);
    for (int i = 0; i < 5_000; i++) {
      fast.step();
      reference.step();
      assertHoldsLiveRegions(fast);
    }
    assertEquals(
        reference.allocator().getAllocatedRegions(), fast.allocator().getAllocatedRegions());
    assertEquals(reference.relocations(), fast.relocations());
    assertEquals(reference.operations(), fast.operations());
    assertEquals(reference.growths(), fast.growths());
    assertEquals(reference.peakCapacity(), fast.peakCapacity());
    assertEquals(500, fast.live());
    // a step is a free and an alloc (2 calls), or for text sometimes one growing realloc
    if (kind == WorkloadKind.TEXT) {
      assertTrue(
          fast.operations() >= 5_000 && fast.operations() < 10_000,
          "operations " + fast.operations());
      assertTrue(fast.relocations() > 0, "growing text must move some regions");
    } else {
      assertEquals(10_000, fast.operations());
    }
  }

  @ParameterizedTest
  @CsvSource({"UNIFORM, 1", "UNIFORM, 3", "CHURN, 16", "TEXT, 8", "SPRITES, 256"})
  void steps_aligned_askEveryPlacementForItsAlignmentAndGetAMultiple(
      WorkloadKind kind, long alignment) {
    Map<Long, Integer> placements = new TreeMap<>();
    Allocator checked =
        new ForwardingAllocator(new FirstFitStrategy().create(0)) {
          @Override
          public long alloc(long size, long alignment) {
            return aligned(super.alloc(size, alignment), alignment);
          }

          @Override
          public long realloc(long start, long size, long newSize, long alignment) {
            return aligned(super.realloc(start, size, newSize, alignment), alignment);
          }

          private long aligned(long start, long alignment) {
            assertEquals(0, start % alignment, "start " + start + " at alignment " + alignment);
            placements.merge(alignment, 1, Integer::sum);
            return start;
          }
        };
    Workload workload = kind.create(checked, 5, alignment);
    assertEquals(alignment, workload.alignment());
    workload.fill(500);
    for (int i = 0; i < 5_000; i++) {
      workload.step();
    }
    assertHoldsLiveRegions(workload);
    Set<Long> expected = new TreeSet<>();
    if (alignment > 1) {
      expected.add(alignment);
    }
    if (kind == WorkloadKind.UNIFORM) {
      expected.add(256L);
    }
    assertEquals(expected, placements.keySet(), "alignments asked for: " + placements);
  }

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void create_alignmentBelowOne_isRejected(WorkloadKind kind) {
    Allocator allocator = new FirstFitStrategy().create(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> kind.create(allocator, 1, 0));
    assertEquals("Workload(" + kind + ", 0): alignment below 1", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void byName_anyCase_findsKindByItsName(WorkloadKind kind) {
    assertEquals(kind, WorkloadKind.byName(kind.workloadName().toUpperCase(java.util.Locale.ROOT)));
    assertEquals(kind.workloadName(), kind.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkloadKind.byName("nope"));
    assertEquals("Unknown workload 'nope'; known: churn, sprites, text, uniform", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void fill_fromCapacityZero_growsAndHoldsEveryRegion(WorkloadKind kind) {
    Workload workload = kind.create(new FirstFitStrategy().create(0), 1);
    workload.fill(2_000);
    assertHoldsLiveRegions(workload);
    assertTrue(workload.growths() > 0);
    assertEquals(workload.allocator().getCapacity(), workload.peakCapacity());
    assertEquals(0, workload.operations());
  }

  @ParameterizedTest
  @EnumSource(WorkloadKind.class)
  void step_withoutLiveRegions_isRejected(WorkloadKind kind) {
    Workload workload = kind.create(new FirstFitStrategy().create(16), 1);
    assertThrows(IllegalStateException.class, workload::step);
    assertThrows(IllegalArgumentException.class, () -> workload.fill(-1));
  }

  private static void assertHoldsLiveRegions(Workload workload) {
    Allocator allocator = workload.allocator();
    assertEquals(workload.liveIndices(), allocator.getCapacity() - allocator.getFreeSize());
  }
}
