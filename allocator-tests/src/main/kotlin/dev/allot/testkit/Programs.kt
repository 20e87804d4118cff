package dev.allot.testkit

import dev.allot.AllocationStrategy
import dev.allot.trace.OperationKind
import dev.allot.trace.StepResult
import io.kotest.property.Arb
import io.kotest.property.RandomSource
import io.kotest.property.Sample
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.arbitrary.bind
import io.kotest.property.arbitrary.choose
import io.kotest.property.arbitrary.enum
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.long
import io.kotest.property.arbitrary.map
import io.kotest.property.arbitrary.of
import io.kotest.property.sampleOf

/**
 * A generated program: the capacity to create the allocator with, what to set up first, and the
 * steps to run on it.
 *
 * @property capacity the initial capacity
 * @property commands the steps, each resolved against the state it meets
 * @property setup the calls made before the steps; none by default
 * @since 0.1.0
 */
data class Program @JvmOverloads constructor(
  val capacity: Long,
  val commands: List<Command>,
  val setup: Setup = Setup.NONE,
) {

  /**
   * Makes the [setup] calls and runs the steps on a checked run created with [capacity], then frees
   * everything if [Invariant.FREE_ALL_EMPTIES] is checked.
   *
   * @param run the run, from `ContractRun(strategy, capacity, invariants)`
   * @throws ContractViolation at the first broken invariant
   */
  fun runOn(run: ContractRun) {
    setup.runOn(run)
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
 * Calls a program makes before its steps, to reach states that a few dozen random steps on a small
 * capacity never reach: blocks past 2^31 and 2^32, where a start kept in an `int` goes wrong, and
 * a hundred blocks and more, past what one 64-entry node of a tree holds. Every call is checked
 * like a step.
 *
 * @property ballast the size of a first `alloc` at start 0, so that later regions start past it;
 *   0 for none
 * @property crowd the number of blocks to make: one `alloc` of `2 * crowd * crowdSize`, then every
 *   second piece of [crowdSize] freed; 0 for none. Generated programs have the capacity for the
 *   ballast and the crowd.
 * @property crowdSize the size of each block and each hole of the crowd, `>= 1`
 * @since 0.1.0
 */
data class Setup(val ballast: Long = 0, val crowd: Int = 0, val crowdSize: Int = 1) {

  init {
    require(ballast >= 0 && crowd >= 0 && crowdSize >= 1) { "Setup $this: ballast and crowd must be >= 0, crowdSize >= 1" }
  }

  /**
   * Makes the calls on [run].
   *
   * @throws ContractViolation at the first broken invariant
   */
  fun runOn(run: ContractRun) {
    if (ballast > 0) {
      run.apply(call(OperationKind.ALLOC, ballast))
    }
    if (crowd > 0) {
      // One region cut into blocks by partial frees: a crowd of n blocks costs n + 1 checked calls.
      val size = crowdSize.toLong()
      val region = run.apply(call(OperationKind.ALLOC, 2L * crowd * size))
      if (region.outcome() == StepResult.Outcome.START) {
        for (i in 0 until crowd) {
          run.apply(call(OperationKind.DEALLOC, region.value() + (2L * i + 1) * size, size))
        }
      }
    }
  }

  /** The capacity a program reserves for these calls, which retries could not give a far one. */
  internal fun room(): Long = ballast + 2L * crowd * crowdSize

  /** Shrink candidates: no setup part at a time, then half the crowd. */
  internal fun simpler(): List<Setup> = listOfNotNull(
    copy(ballast = 0).takeIf { ballast > 0 },
    copy(crowd = 0).takeIf { crowd > 0 },
    copy(crowd = crowd / 2).takeIf { crowd > 1 },
  )

  companion object {
    /** No calls before the steps. */
    @JvmField val NONE = Setup()
  }
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
 * @property far percent of programs whose [Setup.ballast] puts their regions past 2^31 or 2^32
 * @property crowded percent of programs whose [Setup.crowd] makes 80 to 160 blocks first
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
  val far: Int = 10,
  val crowded: Int = 3,
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
    val percent = Arb.int(0..99)
    val ballasts = Arb.bind(Arb.of(1L shl 31, 1L shl 32), Arb.long(-FAR_SPREAD..FAR_SPREAD)) { power, offset ->
      power + offset
    }
    val crowds = Arb.int(CROWDS)
    val crowdSizes = Arb.int(1..4)
    return shrinkingEdgecases(
      arbitrary(ProgramShrinker) {
        val ballast = if (percent.bind() < mix.far) ballasts.bind() else 0L
        val crowd = if (percent.bind() < mix.crowded) crowds.bind() else 0
        val setup = Setup(ballast, crowd, crowdSizes.bind())
        // Room for the ballast and the crowd, which a far program could not get by retries.
        Program(setup.room() + capacities.bind(), commandLists.bind(), setup)
      },
    )
  }

  /**
   * [programs] with its edge cases shrinkable too: kotest's builder hands out an edge case (every
   * inner arbitrary at an edge: a far and crowded program on a ballast of 2^31 - 1, say) as a bare
   * value without shrink candidates, so a failure found on one was reported exactly as generated,
   * setup calls and all. Each edge case gets the candidates of [ProgramShrinker], as a sample does.
   */
  private fun shrinkingEdgecases(programs: Arb<Program>): Arb<Program> = object : Arb<Program>() {
    override fun edgecase(rs: RandomSource): Sample<Program>? =
      programs.edgecase(rs)?.let { sampleOf(it.value, ProgramShrinker) }

    override fun sample(rs: RandomSource): Sample<Program> = programs.sample(rs)
  }

  /**
   * Blocks in a crowd: past one node of 64 entries, up to two and a half, since every step of a
   * crowded program costs in proportion to its blocks.
   */
  private val CROWDS = 80..160

  /** How far around 2^31 and 2^32 a ballast ends, so that regions start on both sides. */
  private const val FAR_SPREAD = 64L
}
