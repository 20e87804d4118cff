package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The invariant checks the other tests lean on reject broken states: each test breaks one rule of
 * the design notes through the package's own methods, and the check names it.
 */
class TlsfInvariantChecksTest {

  @Test
  void checkInvariants_moreChunksThanTheIndexLoadAllows_throwsFromTheIndex() {
    // a new index has 8 slots and room for 2 entries (2/8): the sentinel and two chunks added
    // without the reserve insertAfter asks for are one too many; the ring itself is sound
    Chunks chunks = new Chunks(100);
    int free = chunks.insertAfter(Chunks.SENTINEL, 0, false);
    chunks.insertAfter(free, 10, true);
    String tooMany = "3 entries, more than the load allows: 2";
    assertEquals(
        tooMany, assertThrows(IllegalStateException.class, chunks::checkIndex).getMessage());
    assertEquals(
        tooMany, assertThrows(IllegalStateException.class, chunks::checkInvariants).getMessage());
  }

  @Test
  void checkInvariants_firstChunkNotAtZero_throws() {
    Chunks chunks = new Chunks(100);
    chunks.reserve();
    int first = chunks.insertAfter(Chunks.SENTINEL, 10, true);
    IllegalStateException e = assertThrows(IllegalStateException.class, chunks::checkInvariants);
    assertEquals("chunk " + first + " starts at 10", e.getMessage());
  }

  @Test
  void checkInvariants_listedChunkMarkedUsed_throwsFromTheBins() {
    // the tail 10:90 stays in its size-class list; marked used, the ring has no free chunk and
    // only the lists' check sees the difference
    TlsfAllocator allocator = new TlsfAllocator(100);
    allocator.alloc(10);
    int tail = allocator.chunks().find(10);
    allocator.chunks().markUsed(tail);
    IllegalStateException e = assertThrows(IllegalStateException.class, allocator::checkInvariants);
    assertEquals("chunk " + tail + " in the list of class " + SizeClasses.of(90), e.getMessage());
  }
}
