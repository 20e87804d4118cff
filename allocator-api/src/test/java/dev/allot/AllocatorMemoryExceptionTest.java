package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AllocatorMemoryExceptionTest {

  @Test
  void message_namesAllThreeFigures() {
    AllocatorMemoryException e = new AllocatorMemoryException(40, 8, 2);
    assertEquals(
        "Allocator needs capacity 40; largest free hole 8, fragmented free size 2", e.getMessage());
    assertEquals(40, e.getRequestedCapacity());
    assertEquals(8, e.getLargestFreeHole());
    assertEquals(2, e.getFragmentedFreeSize());
  }

  @Test
  void requestedOnly_reportsOthersUnknown() {
    AllocatorMemoryException e = new AllocatorMemoryException(7);
    assertEquals(
        "Allocator needs capacity 7; largest free hole unknown, fragmented free size unknown",
        e.getMessage());
    assertEquals(AllocatorMemoryException.UNKNOWN, e.getLargestFreeHole());
  }
}
