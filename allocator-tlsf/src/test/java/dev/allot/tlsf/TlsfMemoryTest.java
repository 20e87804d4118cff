package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Counts the bytes of the chunk records and the start index against the bounds their design
 * comments give, for a known number of chunks. Deterministic: nothing here is timed.
 *
 * <p>The lower bounds are exact consequences of the layout (20 bytes a record, 4 more with the high
 * halves of the starts, an index at most 5/8 full); the upper ones add the records' growth by an
 * eighth and an index at least 5/16 full, which holds for tables past the small ones.
 */
class TlsfMemoryTest {

  /**
   * Unit regions, every other one freed: as many chunks as units, and an index table of 2^18 slots
   * nearly at its load limit, so that the lower bounds are tight.
   */
  private static final int UNITS = 160_000;

  /** A record's ints: start, two ring links, two size-class list links. */
  private static final double RECORD_BYTES = 20;

  /** Bytes per entry of an index table 5/8 full. */
  private static final double DENSE_INDEX_BYTES = 4 * 8 / 5.0;

  private static TlsfAllocator unitsWithEveryOtherFreed() {
    TlsfAllocator allocator = new TlsfAllocator(UNITS);
    for (long unit = 0; unit < UNITS; unit++) {
      allocator.alloc(1);
    }
    for (long unit = 1; unit < UNITS; unit += 2) {
      allocator.dealloc(unit, 1);
    }
    // no two free chunks touch and each placement stays a chunk: one chunk per unit
    assertEquals(UNITS / 2, allocator.getAllocatedRegions().size());
    return allocator;
  }

  private static void assertBytesPerChunk(TlsfAllocator allocator, double recordBytes) {
    double perChunk = (double) allocator.footprintBytes() / UNITS;
    double lowest = recordBytes + DENSE_INDEX_BYTES;
    double highest = recordBytes * 9 / 8 + 2 * DENSE_INDEX_BYTES;
    System.out.printf(
        "tlsf memory, %.0f-byte records: %.1f bytes per chunk (bounds %.1f to %.1f)%n",
        recordBytes, perChunk, lowest, highest);
    assertTrue(
        perChunk >= lowest && perChunk <= highest,
        () -> perChunk + " bytes per chunk, expected " + lowest + " to " + highest);
  }

  @Test
  void footprintBytes_startsBelowTwoToThe32_areRecordsAndIndex() {
    assertBytesPerChunk(unitsWithEveryOtherFreed(), RECORD_BYTES);
  }

  @Test
  void footprintBytes_capacityRaisedPastTwoToThe32_addsTheHighHalves() {
    TlsfAllocator allocator = unitsWithEveryOtherFreed();
    allocator.setCapacity(1L << 33); // the sentinel's start is the first past 2^32
    assertBytesPerChunk(allocator, RECORD_BYTES + Integer.BYTES);
  }

  @Test
  void footprintBytes_moreChunksThanTheLargestSmallTableHolds_haveABigTable() {
    // a table of up to 2^16 slots is kept at most 2/8 full, 16,384 entries: 20,000 unit regions
    // and the sentinel need the next size, 2^17 slots, beside a record of 20 bytes each
    int regions = 20_000;
    TlsfAllocator allocator = new TlsfAllocator(regions);
    for (long unit = 0; unit < regions; unit++) {
      allocator.alloc(1);
    }
    double lowest = 4.0 * (1 << 17) + RECORD_BYTES * regions;
    assertTrue(
        allocator.footprintBytes() >= lowest,
        () -> allocator.footprintBytes() + " bytes, expected at least " + lowest);
  }
}
