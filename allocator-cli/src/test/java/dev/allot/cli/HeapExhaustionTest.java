package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A run too large for the Java heap ends as a file error does: one line on stderr that says so,
 * status 1, no stack trace.
 */
class HeapExhaustionTest {

  @Test
  void heapRanOut_limit_namesItInMebibytes() {
    assertEquals(
        "the Java heap ran out (its limit is 256 MiB): ask for less, or give Java more heap, as in"
            + " java -Xmx8g -jar allot.jar",
        AllotCommand.heapRanOut(256L << 20));
  }

  @Test
  void heapRanOut_noLimit_leavesTheLimitOut() {
    assertEquals(
        "the Java heap ran out: ask for less, or give Java more heap, as in java -Xmx8g -jar"
            + " allot.jar",
        AllotCommand.heapRanOut(Long.MAX_VALUE));
  }

  /**
   * The jar's own main in a process of its own with a 32 MiB heap, asked to fill 200 million live
   * regions. Before, picocli let the error through and the JVM printed its stack trace.
   */
  @Test
  void main_benchLargerThanTheHeap_saysSoInOneLineWithStatusOne()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                AllotCommand.class.getName(),
                "bench",
                "--live",
                "200000000",
                "--ops",
                "1")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }

    assertTrue(ended, "still running");
    assertEquals(1, process.exitValue(), err);
    assertTrue(
        err.matches(
            "bench: the Java heap ran out \\(its limit is [0-9]+ MiB\\): ask for less, or give Java"
                + " more heap, as in java -Xmx8g -jar allot\\.jar\\R"),
        err);
  }
}
