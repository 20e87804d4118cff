package dev.allot.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhichStrategyTest {

  @Test
  void report_onlyAllocatorFirstfitOnClasspath_servedByIt() {
    assertEquals("served by first-fit: alloc(6) placed at 10", WhichStrategy.report());
  }
}
