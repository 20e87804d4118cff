package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What {@link Chunks#reserve(int)} grows: only what the chunks to come need, the records (unless
 * released ones are enough) and the start index (up to its load limit), and every growth it makes
 * lengthens an array. Growths are counted through the test seam {@link
 * Chunks#growthsBeforeFailure}, set high enough that none fails.
 */
class ChunksReserveTest {

  private static final long CAPACITY = 1L << 20;

  /** Runs {@code call} and returns how many growths it made through the test seam. */
  private static int growthsOf(Chunks chunks, Runnable call) {
    chunks.growthsBeforeFailure = Integer.MAX_VALUE;
    try {
      call.run();
      return Integer.MAX_VALUE - chunks.growthsBeforeFailure;
    } finally {
      chunks.growthsBeforeFailure = -1;
    }
  }

  @Test
  void reserve_asManyChunksAsWereJustRemoved_growsNothing() {
    // the two removed chunks left two released records and two index entries' room under the
    // load limit, so making room for two again needs no array; with every count of chunks from 1
    // to 300 the records and the table pass through being exactly full
    Chunks chunks = new Chunks(CAPACITY);
    for (long count = 1; count <= 300; count++) {
      chunks.reserve(1);
      chunks.insertAfter(chunks.prev(Chunks.SENTINEL), count - 1, true);
      if (count < 2) {
        continue;
      }
      int last = chunks.prev(Chunks.SENTINEL);
      int beforeLast = chunks.prev(last);
      chunks.remove(last);
      chunks.remove(beforeLast);
      long shown = count;
      assertEquals(0, growthsOf(chunks, () -> chunks.reserve(2)), () -> "at " + shown + " chunks");
      int again = chunks.insertAfter(chunks.prev(Chunks.SENTINEL), count - 2, true);
      chunks.insertAfter(again, count - 1, true);
      chunks.checkInvariants();
    }
  }

  @Test
  void reserve_eachCountOfChunks_growsOnlyWhatItLengthens() {
    // a growth copies an array to a longer one (records by an eighth or at least the count, the
    // table doubled): a reserve that leaves the footprint as it was made none
    Chunks chunks = new Chunks(CAPACITY);
    for (long count = 1; count <= 300; count++) {
      for (int reserved = 1; reserved <= 4; reserved++) {
        long before = chunks.footprintBytes();
        int room = reserved;
        int growths = growthsOf(chunks, () -> chunks.reserve(room));
        if (chunks.footprintBytes() == before) {
          long shown = count;
          assertEquals(
              0, growths, () -> "reserve(" + room + ") at " + shown + " chunks grew nothing");
        }
      }
      chunks.insertAfter(chunks.prev(Chunks.SENTINEL), count - 1, true);
    }
    chunks.checkInvariants();
  }

  @Test
  void reserve_moreThanOneDoublingOfTheIndexHolds_makesRoomForAllOfThem() {
    // a new index of 8 slots holds 2 entries (2/8); the sentinel is one. Room for 4 more needs
    // 5 entries under the load limit: 32 slots (8 entries), two doublings, not one (16 slots hold
    // only 4)
    Chunks chunks = new Chunks(CAPACITY);
    chunks.reserve(4);
    int last = Chunks.SENTINEL;
    for (long start = 0; start < 4; start++) {
      last = chunks.insertAfter(last, start, true);
    }
    chunks.checkInvariants();
  }

  @Test
  void reserve_exactlyUpToTheIndexLoadLimit_growsNothing() {
    // a new index has 8 slots and keeps at most 2/8 of them filled: the sentinel and one chunk
    // more fit, as they fit in the 8 records a new Chunks has (2 taken, the sentinel and the
    // lists' end)
    Chunks chunks = new Chunks(CAPACITY);
    assertEquals(0, growthsOf(chunks, () -> chunks.reserve(1)));
    chunks.insertAfter(Chunks.SENTINEL, 0, true);
    chunks.checkInvariants();
  }
}
