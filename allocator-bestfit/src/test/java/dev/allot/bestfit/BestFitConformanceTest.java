package dev.allot.bestfit;

import dev.allot.testkit.ConformanceCorpus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Replays the shared best-fit corpus and compares every line. */
class BestFitConformanceTest {

  @Test
  void replay_bestFitCorpus_matchesExpectedOutputLineForLine() throws IOException {
    ConformanceCorpus.assertReplayMatches(new BestFitStrategy(), "best-fit");
  }

  @Test
  void replay_alignedCorpus_matchesExpectedOutputLineForLine() throws IOException {
    ConformanceCorpus.assertReplayMatches(new BestFitStrategy(), "aligned-best-fit");
  }
}
