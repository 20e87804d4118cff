package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the corpus that pyglet 2.1 itself produced ({@code ../shared/conformance}) and compares
 * every line. Skipped when the shared folder is not beside the clone.
 */
class FirstFitCorpusTest {

  @Test
  void replay_pygletCorpus_matchesEveryLine() throws IOException {
    Path conformance = Path.of(System.getProperty("allot.shared.dir", "../../shared"), "conformance");
    Path trace = conformance.resolve("first-fit.trace");
    assumeTrue(Files.isRegularFile(trace), "no corpus at " + trace);
    List<String> expected = Files.readAllLines(conformance.resolve("first-fit.out"));

    List<String> actual = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), new FirstFitStrategy(), false, actual::add);

    assertEquals(expected.size(), actual.size(), "line count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
    }
  }
}
