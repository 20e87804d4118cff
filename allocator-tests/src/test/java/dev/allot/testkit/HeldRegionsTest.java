package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link HeldRegions}: what a caller holds, in an order a seeded program can draw from. */
class HeldRegionsTest {

  private static HeldRegions holding(Region... regions) {
    HeldRegions held = new HeldRegions();
    for (Region region : regions) {
      held.add(region.start(), region.size());
    }
    return held;
  }

  @Test
  void add_sizeZero_holdsNothing() {
    HeldRegions held = holding(new Region(0, 4));
    held.add(9, 0);
    assertEquals(List.of(new Region(0, 4)), held.regions());
    assertEquals(1, held.size());
  }

  @Test
  void add_negativeSize_throwsAndHoldsNothing() {
    HeldRegions held = new HeldRegions();
    assertThrows(IllegalArgumentException.class, () -> held.add(3, -1));
    assertTrue(held.isEmpty());
  }

  @Test
  void pick_seededGenerator_drawsOneIndexAsTheListWould() {
    HeldRegions held = holding(new Region(0, 1), new Region(5, 2), new Region(9, 3));
    SplittableRandom random = new SplittableRandom(7);
    SplittableRandom twin = new SplittableRandom(7);
    for (int i = 0; i < 20; i++) {
      assertEquals(twin.nextInt(3), held.pick(random));
    }
    assertEquals(twin.nextLong(), random.nextLong(), "one draw per pick");
  }

  @Test
  void pick_nothingHeld_throwsIllegalState() {
    assertThrows(IllegalStateException.class, () -> new HeldRegions().pick(new SplittableRandom()));
  }

  @Test
  void deallocCall_runOnBothAllocators_freesOnEachAndTrimsOnlyForTheSubject() {
    Allocator subject = new PygletReferenceStrategy().create(32);
    Allocator other = new PygletReferenceStrategy().create(32);
    HeldRegions held = new HeldRegions();
    held.add(subject.alloc(10), 10);
    other.alloc(10);
    Function<Allocator, Long> call = held.deallocCall(subject, 0, 3, 4);

    assertEquals(0L, call.apply(other));
    assertEquals(List.of(new Region(0, 10)), held.regions());
    assertEquals(0L, call.apply(subject));

    List<Region> left = List.of(new Region(0, 3), new Region(7, 3));
    assertEquals(left, other.getAllocatedRegions());
    assertEquals(left, subject.getAllocatedRegions());
    assertEquals(left, held.regions());
  }

  @Test
  void deallocCall_freeRefused_keepsTheHeldRegion() {
    Allocator subject = new PygletReferenceStrategy().create(32);
    HeldRegions held = holding(new Region(4, 6)); // never allocated: the free is bad input
    Function<Allocator, Long> call = held.deallocCall(subject, 0, 0, 6);

    assertThrows(IllegalArgumentException.class, () -> call.apply(subject));

    assertEquals(List.of(new Region(4, 6)), held.regions());
  }

  @Test
  void trim_middle_leavesHeadAndTailAtTheEnd() {
    HeldRegions held = holding(new Region(0, 10), new Region(20, 5));
    held.trim(0, 3, 4);
    assertEquals(List.of(new Region(20, 5), new Region(0, 3), new Region(7, 3)), held.regions());
  }

  @Test
  void trim_prefixSuffixOrWhole_leavesOnlyWhatIsLeft() {
    HeldRegions held = holding(new Region(0, 10), new Region(20, 5), new Region(30, 2));
    held.trim(2, 0, 2);
    held.trim(1, 2, 3);
    held.trim(0, 0, 4);
    assertEquals(List.of(new Region(20, 2), new Region(4, 6)), held.regions());
  }

  @Test
  void trim_sizeZero_keepsTheRegionInItsPlace() {
    HeldRegions held = holding(new Region(0, 10), new Region(20, 5));
    held.trim(0, 4, 0);
    assertEquals(List.of(new Region(0, 10), new Region(20, 5)), held.regions());
  }

  @Test
  void trim_twoEqualRegions_trimsTheOneAtTheIndex() {
    HeldRegions held = holding(new Region(0, 4), new Region(8, 2), new Region(0, 4));
    held.trim(2, 0, 4);
    assertEquals(List.of(new Region(0, 4), new Region(8, 2)), held.regions());
  }

  @Test
  void trim_rangePastTheRegionOrIndexOutOfRange_throwsAndChangesNothing() {
    HeldRegions held = holding(new Region(0, 10));
    assertThrows(IllegalArgumentException.class, () -> held.trim(0, 8, 3));
    assertThrows(IllegalArgumentException.class, () -> held.trim(0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> held.trim(0, 2, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> held.trim(1, 0, 1));
    assertEquals(List.of(new Region(0, 10)), held.regions());
  }

  @Test
  void replace_reallocatedRegion_holdsTheResultAtTheEnd() {
    HeldRegions held = holding(new Region(0, 4), new Region(8, 2));
    held.replace(0, 12, 6);
    assertEquals(List.of(new Region(8, 2), new Region(12, 6)), held.regions());
  }

  @Test
  void replace_toSizeZero_dropsTheRegion() {
    HeldRegions held = holding(new Region(0, 4), new Region(8, 2));
    held.replace(1, 0, 0);
    assertEquals(List.of(new Region(0, 4)), held.regions());
  }

  @Test
  void replace_badRangeOrIndexOutOfRange_throwsAndChangesNothing() {
    HeldRegions held = holding(new Region(0, 4));
    assertThrows(IllegalArgumentException.class, () -> held.replace(0, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> held.replace(1, 8, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> held.replace(-1, 8, 0));
    assertEquals(List.of(new Region(0, 4)), held.regions());
  }

  @Test
  void translate_planMovingOneBlock_movesEveryRegionInsideItInPlace() {
    // one block [10, 16) holding two regions, and a region before it that stays
    HeldRegions held = holding(new Region(0, 2), new Region(12, 4), new Region(10, 2));
    CompactionPlan plan = CompactionPlan.builder().add(10, 2, 6).build(true);
    held.translate(plan);
    assertEquals(List.of(new Region(0, 2), new Region(4, 4), new Region(2, 2)), held.regions());
  }

  @Test
  void regions_afterLaterChanges_staysAsItWas() {
    HeldRegions held = holding(new Region(0, 4));
    List<Region> before = held.regions();
    held.add(4, 4);
    assertEquals(List.of(new Region(0, 4)), before);
    assertThrows(UnsupportedOperationException.class, () -> before.add(new Region(9, 1)));
  }
}
