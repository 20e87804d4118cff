package dev.allot.testkit

import dev.allot.testkit.reference.PygletReferenceStrategy
import io.kotest.property.checkAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/**
 * The Kotlin property of docs/testing.md ("Writing your own properties"), as a user's JUnit test
 * writes it, with the pyglet reference for `MyStrategy()`: the snippet must compile and run as
 * shown, `runBlocking` and its `<Unit>` included.
 */
class OwnPropertiesTest {

  // Without <Unit> the method would return checkAll's PropertyContext, and JUnit runs no test
  // method that returns a value.
  @Test
  fun programs_moreReallocs_keepTheBlockList() = runBlocking<Unit> {
    checkAll(Programs.programs(Mix(realloc = 10))) { program ->
      val run = program.run(PygletReferenceStrategy(), setOf(Invariant.BLOCK_LIST))
      run.allocator()  // the allocator after the program
      run.model()      // the model: blocks(), holes(), liveRegions(), freeSize(), ...
    }
  }
}
