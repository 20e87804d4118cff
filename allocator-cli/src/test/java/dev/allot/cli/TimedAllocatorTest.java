package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TimedAllocatorTest {

  @Test
  void calls_whileRecording_eachAddOneDurationFailedOnesToo() {
    TimedAllocator timed = new TimedAllocator(Allocators.create("first-fit", 8));
    Histogram durations = new Histogram(3);
    timed.record(durations);
    long start = timed.alloc(4);
    long moved = timed.realloc(start, 4, 6);
    assertThrows(AllocatorMemoryException.class, () -> timed.alloc(8));
    timed.dealloc(moved, 6);
    assertEquals(4, durations.getTotalCount());
    assertEquals(0, start);
  }

  @Test
  void calls_afterRecordingStops_addNothingButStillRun() {
    TimedAllocator timed = new TimedAllocator(Allocators.create("first-fit", 8));
    Histogram durations = new Histogram(3);
    timed.record(durations);
    timed.alloc(2);
    timed.record(null);
    timed.alloc(2);
    timed.dealloc(0, 2);
    assertEquals(1, durations.getTotalCount());
    assertEquals(6, timed.getFreeSize());
  }
}
