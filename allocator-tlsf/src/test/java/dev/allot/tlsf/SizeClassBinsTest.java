package dev.allot.tlsf;

import static dev.allot.tlsf.Chunks.NIL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The size-class lists and their maps, which end every list at {@link Chunks#LIST_END} and set the
 * map bits without a test: removals from the head, the middle and the end of a list, and the maps
 * emptied level by level.
 */
class SizeClassBinsTest {

  /** Free chunks of lengths 10, 10, 10, 40, 3000, one after the other from 0, then a used one. */
  private final Chunks chunks = new Chunks(1 << 20);

  private final int[] ids = new int[5];
  private final long[] lengths = {10, 10, 10, 40, 3000};
  private final SizeClassBins bins = new SizeClassBins(chunks);

  SizeClassBinsTest() {
    int after = Chunks.SENTINEL;
    long start = 0;
    for (int i = 0; i < ids.length; i++) {
      chunks.reserve();
      after = chunks.insertAfter(after, start, false);
      ids[i] = after;
      start += lengths[i];
    }
    chunks.reserve();
    chunks.insertAfter(after, start, true); // ends the last free chunk at its length
    for (int i = 0; i < ids.length; i++) {
      bins.insert(ids[i], lengths[i]);
    }
  }

  @Test
  void firstAtLeast_eachClass_findsTheNewestChunkAtOrAbove() {
    assertEquals(ids[2], bins.firstAtLeast(SizeClasses.of(10)));
    assertEquals(ids[2], bins.firstAtLeast(SizeClasses.of(1)));
    assertEquals(ids[3], bins.firstAtLeast(SizeClasses.of(11)));
    assertEquals(ids[4], bins.firstAtLeast(SizeClasses.roundedUp(41)));
    assertEquals(NIL, bins.firstAtLeast(SizeClasses.roundedUp(3001)));
    assertEquals(NIL, bins.first(SizeClasses.of(11)));
    assertEquals(3000, bins.largestLength());
  }

  @Test
  void remove_middleThenHeadThenLast_keepsTheListLinkedAndClearsItsBitWhenEmpty() {
    int ten = SizeClasses.of(10);
    bins.remove(ids[1]);
    assertEquals(ids[2], bins.first(ten));
    bins.remove(ids[2]);
    assertEquals(ids[0], bins.first(ten));
    assertEquals(ids[0], bins.firstAtLeast(ten));
    bins.remove(ids[0]);
    assertEquals(NIL, bins.first(ten));
    assertEquals(ids[3], bins.firstAtLeast(ten));
    bins.insert(ids[1], 10);
    assertEquals(ids[1], bins.firstAtLeast(ten));
  }

  @Test
  void remove_lastChunkOfEachLevel_clearsTheLevelsSoNoClassIsFound() {
    bins.remove(ids[4]);
    assertEquals(NIL, bins.firstAtLeast(SizeClasses.roundedUp(41)));
    assertEquals(40, bins.largestLength());
    for (int i = 0; i < 4; i++) {
      bins.remove(ids[i]);
    }
    assertEquals(NIL, bins.firstAtLeast(SizeClasses.of(1)));
    assertEquals(0, bins.largestLength());
    bins.insert(ids[4], 3000);
    assertEquals(ids[4], bins.firstAtLeast(SizeClasses.of(1)));
  }

  @Test
  void resized_acrossClasses_movesTheChunkAndEmptiesItsOldClass() {
    bins.resized(ids[3], 40, 2000);
    assertEquals(NIL, bins.first(SizeClasses.of(40)));
    assertEquals(ids[3], bins.firstAtLeast(SizeClasses.of(11)));
    assertEquals(ids[3], bins.first(SizeClasses.of(2000)));
  }
}
