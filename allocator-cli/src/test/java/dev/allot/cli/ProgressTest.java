package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  /** A clock the test moves by hand. */
  private long now;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress progress(String label, long total) {
    return Progress.to(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), label, total, () -> now);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onTerminal_noConsole_isSilent() {
    assumeFalse(Progress.isTerminal(), "runs only where no terminal is attached, as under Maven");
    assertSame(Progress.SILENT, Progress.onTerminal("compare", 10));
  }

  @Test
  void step_drawsPercentRateAndTimeLeft() {
    Progress progress = progress("map", 8192);
    now = 2_000_000_000L;
    progress.step(4096);

    assertEquals("\rmap: 50% (4,096 / 8,192), 2048 steps/s, 2 s left", printed());
  }

  @Test
  void step_beforeTheRedrawInterval_drawsNothing() {
    Progress progress = progress("map", 8192);
    now = 199_999_999L;
    progress.step(4096);

    assertEquals("", printed());
  }

  @Test
  void step_betweenClockReads_drawsNothing() {
    Progress progress = progress("map", 8192);
    now = 10_000_000_000L;
    progress.step(4095);

    assertEquals("", printed());
  }

  @Test
  void step_shorterLine_overwritesTheLongerOne_thenFinishClearsIt() {
    Progress progress = progress("bench", 1_000_000);
    now = 1_000_000_000L;
    progress.step(4096);
    now = 2_000_000_000L;
    progress.step(999_424);
    progress.finish();

    String first = "bench: 0% (4,096 / 1,000,000), 4096 steps/s, 4 min 04 s left";
    String second = "bench: 99% (999,424 / 1,000,000), 499.7K steps/s, 1 s left";
    assertEquals(
        "\r"
            + first
            + "\r"
            + second
            + " ".repeat(first.length() - second.length())
            + "\r"
            + " ".repeat(first.length())
            + "\r",
        printed());
  }

  @Test
  void finish_nothingDrawn_printsNothing() {
    progress("map", 10).finish();

    assertEquals("", printed());
  }

  @Test
  void duration_underAMinute_inSeconds_thenMinutesAndSeconds() {
    assertEquals("1 s", Progress.duration(0.2));
    assertEquals("59 s", Progress.duration(59));
    assertEquals("1 min 00 s", Progress.duration(59.5));
    assertEquals("2 min 05 s", Progress.duration(125));
  }
}
