package dev.allot.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WhichStrategyTest {

  @Test
  void report_onlyAllocatorBestfitOnClasspath_servedByIt() {
    assertEquals("served by best-fit: alloc(6) placed at 0", WhichStrategy.report());
  }
}
