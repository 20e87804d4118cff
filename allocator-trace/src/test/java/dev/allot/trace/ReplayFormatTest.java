package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Region;
import dev.allot.fixture.ReportedAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFormatTest {

  @Test
  void line_noAllocator_isDashWithZeroes() {
    assertEquals(
        "invalid regions=- free=0 fragmented=0", ReplayFormat.line(StepResult.invalid("x"), null));
  }

  @Test
  void line_blocks_areStartSizePairsJoinedByCommas() {
    assertEquals(
        "start=8 regions=2:3,8:4 free=13 fragmented=5",
        ReplayFormat.line(StepResult.start(8), ReportedAllocator.healthy()));
  }

  @Test
  void line_emptyAllocator_isDash() {
    assertEquals(
        "ok regions=- free=7 fragmented=0",
        ReplayFormat.line(StepResult.OK, new ReportedAllocator(7, List.of(), 7, 0, true)));
  }

  @Test
  void appendRegions_singleBlock_hasNoComma() {
    assertEquals(
        "x0:1",
        ReplayFormat.appendRegions(new StringBuilder("x"), List.of(new Region(0, 1))).toString());
  }
}
