package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void onTerminal_noConsole_isSilent() {
    assumeTrue(System.console() == null, "runs only where no terminal is attached, as under Maven");
    assertSame(Progress.SILENT, Progress.onTerminal("compare", 10));
  }

  @Test
  void step_redrawsOneLineThenFinishClearsIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress =
        Progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), "map", 8192);
    progress.step(1);
    progress.step(4096);
    progress.step(8192);
    progress.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("\rmap: 50% (4,096 / 8,192)\r" + " ".repeat(43) + "\r", text);
  }
}
