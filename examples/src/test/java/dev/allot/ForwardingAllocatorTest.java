package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allot.examples.WorstFitStrategy;
import org.junit.jupiter.api.Test;

/** A bare forwarding decorator passes every call, aligned ones included, to its delegate. */
class ForwardingAllocatorTest {

  @Test
  void alignedCalls_reachTheDelegate() {
    Allocator delegate = Allocators.create("first-fit", 32);
    Allocator forwarding = new ForwardingAllocator(delegate) {};
    assertEquals(0, forwarding.alloc(3, 1));
    assertEquals(8, forwarding.alloc(4, 8));
    assertEquals(16, forwarding.realloc(0, 3, 9, 16)); // the gap [3, 8) is too short to grow
    assertEquals("first-fit[capacity=32, blocks=8:4,16:9]", delegate.toString());
    assertThrows(IllegalArgumentException.class, () -> forwarding.alloc(1, 0));
  }

  @Test
  void alignedCalls_onADelegateWithoutAlignment_areRefusedByIt() {
    // the worst-fit example implements no aligned placement: its skeleton refuses by name
    Allocator forwarding = new ForwardingAllocator(new WorstFitStrategy().create(8)) {};
    UnsupportedAlignmentException e =
        assertThrows(UnsupportedAlignmentException.class, () -> forwarding.alloc(2, 4));
    assertEquals("worst-fit", e.getStrategyName());
    assertEquals(
        "alloc(2, 4): strategy worst-fit does not support alignment above 1", e.getMessage());
    assertEquals(0, forwarding.alloc(2, 1));
  }
}
