package dev.allot.firstfit;

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
 * Replays the conformance corpus, produced by pyglet itself, and compares every output line. Skipped
 * when the shared directory is not beside the clone.
 */
class FirstFitCorpusTest {

  @Test
  void replay_conformanceCorpus_matchesPygletLineForLine() throws IOException {
    String shared = System.getProperty("allot.shared.dir");
    assumeTrue(shared != null, "allot.shared.dir is not set");
    Path trace = Path.of(shared, "conformance", "first-fit.trace");
    Path expected = Path.of(shared, "conformance", "first-fit.out");
    assumeTrue(Files.isRegularFile(trace) && Files.isRegularFile(expected), "no corpus at " + shared);

    List<String> actual = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), new FirstFitStrategy(), false, actual::add);

    List<String> wanted = Files.readAllLines(expected, StandardCharsets.UTF_8);
    assertEquals(wanted.size(), actual.size(), "line count");
    for (int i = 0; i < wanted.size(); i++) {
      assertEquals(wanted.get(i), actual.get(i), "output line " + (i + 1));
    }
  }
}
