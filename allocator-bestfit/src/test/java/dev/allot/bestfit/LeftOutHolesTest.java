package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link LeftOutHoles} against a sorted multiset of lengths. */
class LeftOutHolesTest {

  @Test
  void largest_empty_isZero() {
    LeftOutHoles holes = new LeftOutHoles();
    assertEquals(0, holes.largest());
    holes.reset(16);
    assertEquals(0, holes.largest());
  }

  @Test
  void remove_oneOfTwoEqualLengths_keepsThatLength() {
    LeftOutHoles holes = new LeftOutHoles();
    holes.reset(256);
    holes.add(63);
    holes.add(64);
    holes.add(64);

    assertEquals(64, holes.largest());
    holes.remove(64);
    assertEquals(64, holes.largest());
    holes.remove(64);
    assertEquals(63, holes.largest());
  }

  @Test
  void reset_forgetsEveryHole() {
    LeftOutHoles holes = new LeftOutHoles();
    holes.reset(4096);
    holes.add(4095);
    holes.reset(4096);
    assertEquals(0, holes.largest());
    holes.add(1);
    assertEquals(1, holes.largest());
    holes.reset(8);
    holes.add(7);
    assertEquals(7, holes.largest());
    assertEquals(2 * 16 + 8 * Integer.BYTES + Long.BYTES, holes.footprintBytes());
    holes.reset(4096);
    assertEquals(2 * 16 + 4096 * Integer.BYTES + 64 * Long.BYTES, holes.footprintBytes());
  }

  @Test
  void randomChanges_matchSortedCounts() {
    LeftOutHoles holes = new LeftOutHoles();
    holes.reset(300);
    TreeMap<Long, Integer> model = new TreeMap<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      long length = 1L + random.nextInt(299);
      if (random.nextBoolean() || !model.containsKey(length)) {
        holes.add(length);
        model.merge(length, 1, Integer::sum);
      } else {
        holes.remove(length);
        model.computeIfPresent(length, (key, count) -> count == 1 ? null : count - 1);
      }
      assertEquals(model.isEmpty() ? 0 : model.lastKey(), holes.largest());
    }
  }

  @Test
  void reset_sameBound_forgetsTheCounts() {
    LeftOutHoles holes = new LeftOutHoles();
    holes.reset(16);
    holes.add(5);
    holes.add(5);

    holes.reset(16);

    assertEquals(0, holes.count(5));
    assertEquals(0, holes.total());
    holes.add(5);
    assertEquals(5, holes.largest());
  }

  @Test
  void count_lengthsOutsideTheTable_areZero() {
    LeftOutHoles holes = new LeftOutHoles();
    holes.reset(16);
    holes.add(15);

    assertEquals(1, holes.count(15));
    assertEquals(0, holes.count(16));
    assertEquals(0, holes.count(0));
  }
}
