package dev.allot.testkit

import io.kotest.property.Shrinker

/**
 * Shrinks a failing [Program] towards the shortest one that still fails: first without large
 * chunks of steps, then without each single step, then with each step made simpler (picks to the
 * first live region, sizes halved, partial frees made whole, alignments to 1). A generic list shrinker does poorly
 * here because steps resolve against the state the earlier ones leave; dropping exactly one step
 * at a time is what finds the two or three that matter.
 *
 * The setup goes first, a part at a time (a crowd halved, down to the blocks that still fail), so
 * that the setup's many calls leave the trace when they do not matter.
 *
 * The capacity is left alone, but for the room a dropped setup part had reserved: a smaller one
 * only adds `set_capacity` retries to the trace.
 */
internal object ProgramShrinker : Shrinker<Program> {

  override fun shrink(value: Program): List<Program> {
    val commands = value.commands
    val candidates = LinkedHashSet<Program>()
    for (setup in value.setup.simpler()) {
      // The capacity reserved for the dropped part goes with it, else a trace that fails for any
      // capacity starts with one past 2^31 and points at an overflow; kept as the next candidate,
      // for a failure that needs the large capacity and not the calls.
      val freed = value.setup.room() - setup.room()
      candidates += value.copy(setup = setup, capacity = (value.capacity - freed).coerceAtLeast(0))
      candidates += value.copy(setup = setup)
    }
    var chunk = commands.size / 2
    while (chunk >= 2) {
      for (from in 0..commands.size - chunk step chunk) {
        candidates += value.copy(commands = commands.take(from) + commands.drop(from + chunk))
      }
      chunk /= 2
    }
    for (i in commands.indices) {
      candidates += value.copy(commands = commands.take(i) + commands.drop(i + 1))
    }
    for (i in commands.indices) {
      for (simpler in simpler(commands[i])) {
        candidates += value.copy(commands = commands.toMutableList().also { it[i] = simpler })
      }
    }
    return candidates.toList()
  }

  /** Variants of one step that choose the simplest option in one respect. */
  private fun simpler(command: Command): List<Command> = when (command) {
    is Command.Alloc -> listOf(Command.Alloc(command.size / 2), Command.Alloc(command.size - 1))
    is Command.Dealloc -> listOf(
      command.copy(pick = 0), command.copy(part = Command.Dealloc.Part.WHOLE), command.copy(cut = 0),
      command.copy(length = 0),
    )
    is Command.Realloc -> listOf(command.copy(pick = 0), command.copy(amount = command.amount / 2))
    is Command.AlignedAlloc -> listOf(command.copy(size = command.size / 2), command.copy(alignment = 0))
    is Command.AlignedRealloc -> listOf(
      command.copy(pick = 0), command.copy(amount = command.amount / 2), command.copy(alignment = 0),
    )
    is Command.GrowCapacity -> listOf(Command.GrowCapacity(command.by / 2))
    is Command.BadCall -> listOf(command.copy(a = 0), command.copy(b = 0))
    is Command.Compact -> listOf(command.copy(budget = 0), command.copy(granularity = 1))
  }.filter { it != command && isNonNegative(it) }

  private fun isNonNegative(command: Command): Boolean = when (command) {
    is Command.Alloc -> command.size >= 0
    is Command.AlignedAlloc -> command.size >= 0
    else -> true
  }
}
