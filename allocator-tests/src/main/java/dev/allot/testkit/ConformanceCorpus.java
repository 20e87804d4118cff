package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allot.AllocationStrategy;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a shared conformance corpus ({@code conformance/NAME.trace}) and compares the output with
 * {@code NAME.out} line for line. The corpus folder is the system property {@value
 * #SHARED_DIR_PROPERTY} (the build sets it to {@code ../shared}); when it is missing the test is
 * skipped, so a clone without the shared folder still builds.
 *
 * @since 0.1.0
 */
public final class ConformanceCorpus {

  /** The system property naming the shared folder that holds {@code conformance/}. */
  public static final String SHARED_DIR_PROPERTY = "allot.shared.dir";

  private ConformanceCorpus() {}

  /**
   * Asserts that replaying the corpus against {@code strategy} prints exactly the expected lines.
   *
   * @param strategy the strategy to replay against
   * @param corpus the corpus name, e.g. {@code first-fit}
   * @throws IOException if the corpus cannot be read
   */
  public static void assertReplayMatches(AllocationStrategy strategy, String corpus)
      throws IOException {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    assumeTrue(shared != null, SHARED_DIR_PROPERTY + " is not set");
    Path conformance = Path.of(shared, "conformance");
    Path trace = conformance.resolve(corpus + ".trace");
    Path expectedFile = conformance.resolve(corpus + ".out");
    assumeTrue(
        Files.isRegularFile(trace) && Files.isRegularFile(expectedFile),
        "no corpus at " + conformance);

    List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
    List<String> actual = new ArrayList<>();
    TraceReplayer.replay(TraceParser.parse(trace), strategy, false, actual::add);

    assertEquals(expected.size(), actual.size(), "line count of " + corpus);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), corpus + ".out line " + (i + 1));
    }
  }
}
