package dev.allot.testkit

import dev.allot.testkit.reference.PygletReferenceStrategy
import dev.allot.trace.StepResult.Outcome
import io.kotest.property.RandomSource
import io.kotest.property.arbitrary.take
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The default programs reach what a few dozen steps on a small capacity never did: regions that
 * start past 2^31 and past 2^32, states of more than one 64-entry tree node of blocks, and frees
 * across the hole between two blocks, each in enough of a property's 500 programs to matter.
 */
class SetupCoverageTest {

  @Test
  fun programs_defaultMix_reachFarStartsCrowdsAndFreesAcrossHoles() {
    var past31 = 0
    var past32 = 0
    var crowded = 0
    var acrossHole = 0
    for (program in Programs.programs().take(500, RandomSource.seeded(42))) {
      val run = ContractRun(PygletReferenceStrategy(), program.capacity, emptySet())
      program.setup.runOn(run)
      var mostBlocks = run.model().blocks().size
      var highestStart = 0L
      for (command in program.commands) {
        val twoBlocks = run.model().blocks().size >= 2
        val result = run.apply(command.resolve(run.model()))
        if (result.outcome() == Outcome.START) highestStart = maxOf(highestStart, result.value())
        if (command is Command.BadCall && command.kind == Command.BadCall.Kind.DEALLOC_ACROSS_HOLE &&
          twoBlocks && result.outcome() == Outcome.INVALID) acrossHole++
        mostBlocks = maxOf(mostBlocks, run.model().blocks().size)
      }
      if (highestStart >= 1L shl 32) past32++ else if (highestStart >= 1L shl 31) past31++
      if (mostBlocks > 64) crowded++
    }
    val counts = "starting past 2^31 $past31, past 2^32 $past32, over 64 blocks $crowded, freeing across a hole $acrossHole"
    println("500 default programs: $counts")
    assertTrue(past31 >= 5 && past32 >= 5 && crowded >= 5 && acrossHole >= 20, counts)
  }
}
