package dev.allot.testkit

import dev.allot.AllocationStrategy
import io.kotest.property.Arb
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.arbitrary.bind
import io.kotest.property.arbitrary.choose
import io.kotest.property.arbitrary.enum
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.long
import io.kotest.property.arbitrary.map

/**
 * A generated program: the capacity to create the allocator with, and the steps to run on it.
 *
 * @property capacity the initial capacity
 * @property commands the steps, each resolved against the state it meets
 * @since 0.1.0
 */
data class Program(val capacity: Long, val commands: List<Command>) {

  /**
   * Runs the steps on a checked run created with [capacity], then frees everything if
   * [Invariant.FREE_ALL_EMPTIES] is checked.
   *
   * @param run the run, from `ContractRun(strategy, capacity, invariants)`
   * @throws ContractViolation at the first broken invariant
   */
  fun runOn(run: ContractRun) {
    for (command in commands) {
      run.apply(command.resolve(run.model()))
    }
    run.deallocEverythingIfChecked()
  }

  /**
   * Creates a checked run of [strategy] and runs the program on it.
   *
   * @return the finished run
   * @throws ContractViolation at the first broken invariant
   */
  fun run(strategy: AllocationStrategy, invariants: Set<Invariant>): ContractRun =
    ContractRun(strategy, capacity, invariants).also(::runOn)
}

/**
 * How generated programs are made: the relative weight of each kind of step and the ranges of
 * capacities, sizes and lengths. Small numbers on purpose: a few dozen indices give holes,
 * exact fits, merges and memory failures in almost every program.
 *
 * @property alloc weight of [Command.Alloc]
 * @property dealloc weight of [Command.Dealloc]
 * @property realloc weight of [Command.Realloc]
 * @property grow weight of [Command.GrowCapacity]
 * @property bad weight of [Command.BadCall]
 * @property compact weight of [Command.Compact]
 * @property aligned weight of [Command.AlignedAlloc] and of [Command.AlignedRealloc] each; only for
 *   strategies that declare [AllocatorFeature.ALIGNMENT]
 * @property capacities initial capacities
 * @property sizes sizes of `alloc` and growth amounts of `realloc`
 * @property steps number of steps in a program
 * @since 0.1.0
 */
data class Mix(
  val alloc: Int = 6,
  val dealloc: Int = 4,
  val realloc: Int = 4,
  val grow: Int = 1,
  val bad: Int = 1,
  val compact: Int = 0,
  val aligned: Int = 0,
  val capacities: IntRange = 0..64,
  val sizes: IntRange = 0..24,
  val steps: IntRange = 0..60,
)

/**
 * The generators of the kit, for Kotlin users who write their own properties:
 *
 * ```
 * checkAll(Programs.programs()) { program ->
 *   val run = program.run(MyStrategy(), setOf(Invariant.BLOCK_LIST))
 *   // ... more checks on run.allocator() and run.model()
 * }
 * ```
 *
 * @since 0.1.0
 */
object Programs {

  /** Picks and cuts are taken modulo what exists, so any non-negative number will do. */
  private val choices = 0..1_000

  /**
   * Generates single steps in the proportions of [mix].
   *
   * @param mix the weights and ranges
   * @return an arbitrary of steps that shrinks towards simpler ones
   */
  @JvmStatic
  @JvmOverloads
  fun commands(mix: Mix = Mix()): Arb<Command> {
    val sizes = Arb.long(mix.sizes.first.toLong()..mix.sizes.last.toLong())
    val weighted = listOf(
      mix.alloc to sizes.map { Command.Alloc(it) },
      mix.dealloc to Arb.bind(
        Arb.int(choices), Arb.enum<Command.Dealloc.Part>(), Arb.int(choices), Arb.int(choices), Command::Dealloc,
      ),
      mix.realloc to Arb.bind(Arb.int(choices), Arb.enum<Command.Realloc.Change>(), Arb.int(mix.sizes), Command::Realloc),
      mix.grow to Arb.int(0..32).map { Command.GrowCapacity(it) },
      mix.bad to Arb.bind(Arb.enum<Command.BadCall.Kind>(), Arb.int(choices), Arb.int(choices), Command::BadCall),
      mix.compact to Arb.bind(Arb.int(0..2 * Command.Compact.UNLIMITED), Arb.int(1..4), Command::Compact),
      mix.aligned to Arb.bind(sizes, Arb.int(ALIGNMENTS.indices), Command::AlignedAlloc),
      mix.aligned to Arb.bind(
        Arb.int(choices), Arb.enum<Command.Realloc.Change>(), Arb.int(mix.sizes), Arb.int(ALIGNMENTS.indices),
        Command::AlignedRealloc,
      ),
    ).filter { it.first > 0 }
    require(weighted.isNotEmpty()) { "Mix $mix: every weight is 0" }
    return if (weighted.size == 1) {
      weighted[0].second
    } else {
      Arb.choose(weighted[0], weighted[1], *weighted.drop(2).toTypedArray())
    }
  }

  /**
   * Generates programs in the proportions of [mix].
   *
   * @param mix the weights and ranges
   * @return an arbitrary of programs that shrinks by dropping and simplifying steps ([ProgramShrinker])
   */
  @JvmStatic
  @JvmOverloads
  fun programs(mix: Mix = Mix()): Arb<Program> {
    val capacities = Arb.long(mix.capacities.first.toLong()..mix.capacities.last.toLong())
    val commandLists = Arb.list(commands(mix), mix.steps)
    return arbitrary(ProgramShrinker) { Program(capacities.bind(), commandLists.bind()) }
  }
}
