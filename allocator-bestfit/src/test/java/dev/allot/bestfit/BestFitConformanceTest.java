package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the shared best-fit corpus ({@code conformance/best-fit.trace}) and compares the output
 * with {@code best-fit.out} line for line. Skipped when the shared directory is absent.
 */
class BestFitConformanceTest {

  @Test
  void replay_bestFitCorpus_matchesExpectedOutputLineForLine() throws IOException {
    String shared = System.getProperty("allot.shared.dir");
    assumeTrue(shared != null, "allot.shared.dir is not set");
    Path conformance = Path.of(shared, "conformance");
    Path trace = conformance.resolve("best-fit.trace");
    Path expectedFile = conformance.resolve("best-fit.out");
    assumeTrue(Files.isRegularFile(trace) && Files.isRegularFile(expectedFile), "no corpus at " + conformance);

    List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
    List<String> actual = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), new BestFitStrategy(), false, actual::add);

    assertEquals(expected.size(), actual.size(), "line count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "output line " + (i + 1));
    }
  }
}
