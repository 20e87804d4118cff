package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisTest {

  @Test
  void upTo_roundsToOneTwoOrFiveTimesPowerOfTen() {
    assertEquals(new Axis(20_000, 5_000), Axis.upTo(20_000));
    assertEquals(new Axis(300_000, 100_000), Axis.upTo(262_144));
    assertEquals(new Axis(10, 2), Axis.upTo(9));
    assertEquals(new Axis(1, 0.2), Axis.upTo(1));
  }

  @Test
  void exactly_endsAtValueWithRoundTicksInside() {
    Axis axis = Axis.exactly(302_000);
    assertEquals(302_000, axis.max());
    assertEquals(100_000, axis.step());
    assertEquals(3, axis.steps());
  }

  @Test
  void label_compactsLargeIntegers() {
    assertEquals("5000", Axis.label(5000));
    assertEquals("65.5K", Axis.label(65_536));
    assertEquals("300K", Axis.label(300_000));
    assertEquals("2M", Axis.label(2_000_000));
    assertEquals("1.5M", Axis.label(1_500_000));
    assertEquals("0.25", Axis.label(0.25));
  }

  @Test
  void scale_mapsZeroAndMaxOntoTheEnds() {
    Axis axis = new Axis(100, 20);
    assertEquals(300.0, axis.scale(0, 300, 100));
    assertEquals(100.0, axis.scale(100, 300, 100));
    assertEquals(5, axis.steps());
  }
}
