package dev.allot.testkit

import dev.allot.testkit.reference.PygletReferenceStrategy
import dev.allot.trace.OperationKind
import dev.allot.trace.StepResult.Outcome
import io.kotest.property.Arb
import io.kotest.property.RandomSource
import io.kotest.property.arbitrary.take
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The properties are only as good as the programs: checks that the default programs reach the
 * situations the invariants are about, often enough to matter.
 */
class ProgramCoverageTest {

  @Test
  fun programs_defaultMix_reachEverySituationTheInvariantsNeed() {
    val counts = mutableMapOf<String, Int>().withDefault { 0 }
    fun count(key: String) = counts.put(key, counts.getValue(key) + 1)
    var steps = 0
    for (program in Programs.programs().take(200, RandomSource.seeded(42))) {
      val run = ContractRun(PygletReferenceStrategy(), program.capacity, emptySet())
      for (command in program.commands) {
        val operation = command.resolve(run.model())
        val blocksBefore = run.model().blocks().size
        val result = run.apply(operation)
        steps++
        count("${operation.kind()} ${result.outcome()}")
        if (operation.kind() == OperationKind.ALLOC && result.outcome() == Outcome.START &&
          run.model().blocks().size < blocksBefore) count("merge")
        if (operation.kind() == OperationKind.REALLOC && result.outcome() == Outcome.START &&
          operation.second() > 0 && result.value() != operation.first()) count("moved")
      }
      val calls = run.operations().size
      repeat((calls - program.commands.size) / 2) { count("retried") }
    }
    println("steps $steps: ${counts.toSortedMap()}")
    for (key in listOf("ALLOC START", "ALLOC MEMORY", "ALLOC INVALID", "DEALLOC OK", "DEALLOC INVALID",
      "REALLOC START", "REALLOC MEMORY", "REALLOC INVALID", "SET_CAPACITY OK", "SET_CAPACITY INVALID",
      "merge", "moved", "retried")) {
      assertTrue(counts.getValue(key) >= 20, "only ${counts.getValue(key)} of '$key' in $steps steps: $counts")
    }
  }
}
