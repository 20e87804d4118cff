package dev.allot.testkit

import dev.allot.testkit.reference.PygletReferenceStrategy
import io.kotest.common.ExperimentalKotest
import io.kotest.property.PropTestConfig
import io.kotest.property.checkAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Test

/**
 * The bad-input property rests on the generators: a [Command.BadCall] must resolve to a call the
 * model judges bad (huge sizes: bad or merely too large), and every other command to a good one, in
 * whatever state it meets.
 */
class CommandsTest {

  /** Huge sizes are bad input or a memory failure, by the strategy's arithmetic; never plain bad. */
  private val huge = setOf(Command.BadCall.Kind.HUGE_ALLOC, Command.BadCall.Kind.HUGE_REALLOC)

  @Test
  @OptIn(ExperimentalKotest::class)
  fun resolve_anyStateAndCommand_badCallsAreBadAndOthersGood() = runBlocking<Unit> {
    checkAll(300, PropTestConfig(seed = 7), Programs.programs(Mix(bad = 4))) { program ->
      val run = ContractRun(PygletReferenceStrategy(), program.capacity, emptySet())
      for (command in program.commands) {
        val operation = command.resolve(run.model())
        val validity = run.model().validity(operation)
        if (command is Command.BadCall && command.kind in huge) {
          assertNotEquals(CallValidity.INVALID, validity, "$command resolved to bad input ${operation.toTraceLine()}")
        } else if (command is Command.BadCall) {
          assertEquals(CallValidity.INVALID, validity, "$command resolved to ${operation.toTraceLine()}")
        } else {
          assertEquals(CallValidity.VALID, validity, "$command resolved to ${operation.toTraceLine()}")
        }
        run.apply(operation)
      }
    }
  }

  @Test
  fun resolve_dealloc_freesTheChosenPartOfALiveRegion() {
    val model = AllocationModel(32)
    model.record(Command.Alloc(10).resolve(model), 4)
    val lines = Command.Dealloc.Part.entries.map { Command.Dealloc(0, it, 2, 3).resolve(model).toTraceLine() }
    assertEquals(listOf("dealloc 4 10", "dealloc 4 3", "dealloc 11 3", "dealloc 7 4"), lines)
  }
}
