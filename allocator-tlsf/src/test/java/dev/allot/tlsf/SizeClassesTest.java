package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SizeClassesTest {

  @Test
  void of_lengthsBelow64_areTheirOwnClass() {
    for (long length = 1; length < 64; length++) {
      assertEquals(length, SizeClasses.of(length));
      assertEquals(length, SizeClasses.lowerBound((int) length));
      assertEquals(length, SizeClasses.roundedUp(length));
    }
  }

  @Test
  void of_powersOfTwoFrom64_startALevelOf32Classes() {
    for (int power = 6; power < 63; power++) {
      int sizeClass = SizeClasses.of(1L << power);
      assertEquals(0, sizeClass % SizeClasses.SUBS);
      assertEquals(1L << power, SizeClasses.lowerBound(sizeClass));
      assertEquals(
          sizeClass + SizeClasses.SUBS - 1, SizeClasses.of((1L << power) - 1 + (1L << power)));
    }
  }

  @Test
  void of_everyLength_liesInItsClass() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long length = 1 + (random.nextLong() >>> random.nextInt(64));
      if (length <= 0) {
        continue;
      }
      int sizeClass = SizeClasses.of(length);
      assertTrue(sizeClass < SizeClasses.COUNT);
      assertTrue(SizeClasses.lowerBound(sizeClass) <= length, () -> "class of " + length);
      if (sizeClass + 1 < SizeClasses.COUNT) {
        assertTrue(length < SizeClasses.lowerBound(sizeClass + 1), () -> "class of " + length);
      }
    }
  }

  @Test
  void of_largestLength_isTheTopClass() {
    assertEquals(SizeClasses.COUNT - 1, SizeClasses.of(Long.MAX_VALUE));
    assertEquals(63L << 57, SizeClasses.lowerBound(SizeClasses.COUNT - 1));
  }

  @Test
  void roundedUp_betweenBounds_isTheNextClass() {
    assertEquals(SizeClasses.of(64), SizeClasses.roundedUp(64));
    assertEquals(SizeClasses.of(64) + 1, SizeClasses.roundedUp(65));
    assertEquals(SizeClasses.of(66), SizeClasses.roundedUp(66));
    assertEquals(SizeClasses.COUNT, SizeClasses.roundedUp(Long.MAX_VALUE));
  }

  @Test
  void roundedUp_anyLength_isTheFirstClassThatSurelyHoldsIt() {
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 100_000; i++) {
      long length = 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
      int sizeClass = SizeClasses.roundedUp(length);
      if (sizeClass < SizeClasses.COUNT) {
        assertTrue(SizeClasses.lowerBound(sizeClass) >= length, () -> "rounded " + length);
      }
      int own = SizeClasses.of(length);
      assertTrue(
          sizeClass == own || (sizeClass == own + 1 && SizeClasses.lowerBound(own) < length),
          () -> "rounded " + length);
    }
  }
}
