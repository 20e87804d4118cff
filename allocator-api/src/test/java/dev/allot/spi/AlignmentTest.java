package dev.allot.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AlignmentTest {

  private static final long MAX = Long.MAX_VALUE;

  @Test
  void up_roundsToTheNextMultiple_anyAlignment() {
    assertEquals(0, Alignment.up(0, 256));
    assertEquals(256, Alignment.up(1, 256));
    assertEquals(256, Alignment.up(256, 256));
    assertEquals(9, Alignment.up(7, 3));
    assertEquals(7, Alignment.up(7, 1));
  }

  @Test
  void up_pastLongMax_isOverflowNotWrapped() {
    assertEquals(MAX, Alignment.up(MAX, 1));
    assertEquals(MAX, Alignment.up(5, MAX));
    assertEquals(Alignment.OVERFLOW, Alignment.up(MAX - 1, 1L << 62));
    assertEquals(Alignment.OVERFLOW, Alignment.up(MAX, 2));
    assertEquals(MAX - 1, Alignment.up(MAX - 2, 2));
  }

  @Test
  void up_powersOfTwoAndOthers_matchExactArithmetic() {
    SplittableRandom random = new SplittableRandom(11);
    BigInteger max = BigInteger.valueOf(MAX);
    for (int i = 0; i < 200_000; i++) {
      long alignment =
          switch (i % 4) {
            case 0 -> 1L << random.nextInt(63);
            case 1 -> 1 + random.nextLong(1 << 12);
            case 2 -> MAX - random.nextInt(4);
            default -> (1L << random.nextInt(1, 63)) + random.nextInt(-1, 2);
          };
      long nearMax = MAX - random.nextLong(Math.min(alignment, 1L << 40) + 2);
      long value = random.nextBoolean() ? random.nextLong(MAX) : nearMax;
      BigInteger step = BigInteger.valueOf(alignment);
      BigInteger exact =
          BigInteger.valueOf(value).add(step).subtract(BigInteger.ONE).divide(step).multiply(step);
      long expected = exact.compareTo(max) > 0 ? Alignment.OVERFLOW : exact.longValueExact();
      assertEquals(expected, Alignment.up(value, alignment), value + " up to " + alignment);
    }
  }

  @Test
  void fits_comparesTheAlignedEndWithTheHoleEnd() {
    assertTrue(Alignment.fits(5, 12, 4, 4)); // [8, 12)
    assertFalse(Alignment.fits(5, 11, 4, 4)); // long enough, but the padding leaves 3
    assertTrue(Alignment.fits(MAX - 1, MAX, 1, 1));
    assertFalse(Alignment.fits(MAX - 1, MAX, 1, 4)); // up(MAX - 1) passes MAX
    assertFalse(Alignment.fits(1, 4, 8, 1)); // shorter than the size
    assertTrue(Alignment.fits(0, MAX, MAX, 3));
  }

  @Test
  void isAligned_isAMultiple() {
    assertTrue(Alignment.isAligned(0, 7));
    assertTrue(Alignment.isAligned(21, 7));
    assertFalse(Alignment.isAligned(22, 7));
    assertTrue(Alignment.isAligned(MAX, 1));
  }

  @Test
  void requireAlignment_belowOne_namesTheCall() {
    AllocatorArguments.requireAlignment(1, "alloc", 3, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AllocatorArguments.requireAlignment(0, "alloc", 3, 0));
    assertEquals("alloc(3, 0): alignment 0 is below 1", e.getMessage());
  }

  @Test
  void alignUp_roundsOrRejectsPastLongMax() {
    assertEquals(16, AllocatorArguments.alignUp(9, 8, "alloc", 1, 8));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AllocatorArguments.alignUp(MAX - 1, 4, "alloc", 1, 4));
    assertEquals(
        "alloc(1, 4): 9223372036854775806 aligned up to 4 exceeds 9223372036854775807",
        e.getMessage());
  }
}
