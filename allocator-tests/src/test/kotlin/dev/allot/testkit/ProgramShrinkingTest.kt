package dev.allot.testkit

import io.kotest.property.RandomSource
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * kotest mixes edge cases into the samples (here, far and crowded programs at once, on a ballast of
 * 2^31 - 1), and a failure found on one is shrunk only if the edge case carries shrink candidates
 * as a sample does; a bare edge case left a failing trace exactly as generated.
 */
class ProgramShrinkingTest {

  @Test
  fun edgecase_programWithSetupOrSteps_hasShrinkCandidates() {
    val programs = Programs.programs()
    var checked = 0
    for (seed in 1L..50L) {
      val sample = programs.edgecase(RandomSource.seeded(seed)) ?: continue
      val program = sample.value
      if (program.setup.ballast > 0 || program.setup.crowd > 0 || program.commands.isNotEmpty()) {
        checked++
        assertTrue(sample.shrinks.children.value.isNotEmpty(), "seed $seed: $program")
      }
    }
    assertTrue(checked > 0, "no edge case had a setup or steps")
  }
}
