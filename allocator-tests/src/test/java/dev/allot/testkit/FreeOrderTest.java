package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FreeOrder}: the orders a seeded program frees its pieces in. */
class FreeOrderTest {

  private static final long[] FIVE = {10, 11, 12, 13, 14};

  private static long[] of(FreeOrder order, long... values) {
    return order.of(values, new SplittableRandom(7));
  }

  @Test
  void of_fixedOrders_placeTheValuesAsNamed() {
    assertArrayEquals(FIVE, of(FreeOrder.ASCENDING, FIVE));
    assertArrayEquals(new long[] {14, 13, 12, 11, 10}, of(FreeOrder.DESCENDING, FIVE));
    assertArrayEquals(new long[] {11, 13, 10, 12, 14}, of(FreeOrder.ODD_THEN_EVEN, FIVE));
    assertArrayEquals(new long[] {12, 11, 13, 10, 14}, of(FreeOrder.MIDDLE_OUTWARDS, FIVE));
    assertArrayEquals(new long[] {12, 11, 13, 10}, of(FreeOrder.MIDDLE_OUTWARDS, 10, 11, 12, 13));
  }

  @Test
  void of_everyOrder_isAPermutationAndLeavesItsInputAlone() {
    long[] values = new long[33];
    Arrays.setAll(values, i -> 3L * i);
    long[] copy = values.clone();
    for (FreeOrder order : FreeOrder.values()) {
      long[] ordered = of(order, values);
      long[] sorted = ordered.clone();
      Arrays.sort(sorted);

      assertArrayEquals(values, sorted, order.name());
      assertArrayEquals(copy, values, order + " changed its input");
    }
  }

  @Test
  void of_shuffled_followsTheGeneratorAndMovesValues() {
    long[] values = new long[64];
    Arrays.setAll(values, i -> i);

    long[] shuffled = of(FreeOrder.SHUFFLED, values);

    assertArrayEquals(shuffled, of(FreeOrder.SHUFFLED, values), "the same seed, the same order");
    assertNotEquals(Arrays.toString(values), Arrays.toString(shuffled));
  }

  @Test
  void of_list_isTheArrayOrder() {
    List<Long> list = List.of(10L, 11L, 12L, 13L, 14L);
    for (FreeOrder order : FreeOrder.values()) {
      assertEquals(
          Arrays.stream(of(order, FIVE)).boxed().toList(),
          order.of(list, new SplittableRandom(7)),
          order.name());
    }
  }

  @Test
  void pick_drawsEveryOrder() {
    SplittableRandom random = new SplittableRandom(1);
    Set<FreeOrder> drawn = EnumSet.noneOf(FreeOrder.class);
    for (int i = 0; i < 200; i++) {
      drawn.add(FreeOrder.pick(random));
    }

    assertEquals(EnumSet.allOf(FreeOrder.class), drawn);
  }
}
