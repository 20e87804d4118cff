package dev.allot.firstfit;

import dev.allot.testkit.ConformanceCorpus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Replays the corpus pyglet 2.1 itself produced and compares every line. */
class FirstFitCorpusTest {

  @Test
  void replay_pygletCorpus_matchesEveryLine() throws IOException {
    ConformanceCorpus.assertReplayMatches(new FirstFitStrategy(), "first-fit");
  }

  @Test
  void replay_alignedCorpus_matchesEveryLine() throws IOException {
    ConformanceCorpus.assertReplayMatches(new FirstFitStrategy(), "aligned-first-fit");
  }
}
