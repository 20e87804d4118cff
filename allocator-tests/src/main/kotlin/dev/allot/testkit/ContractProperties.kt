package dev.allot.testkit

import dev.allot.AllocationStrategy
import io.kotest.common.ExperimentalKotest
import io.kotest.property.PropTestConfig
import io.kotest.property.checkAll
import kotlinx.coroutines.runBlocking

/**
 * The property drivers behind [AllocatorContract]: one kotest property per [Invariant], each over
 * programs generated with a [Mix] that provokes that invariant's situations often.
 *
 * @since 0.1.0
 */
object ContractProperties {

  /**
   * Checks one invariant with the iterations and seed of [ContractSettings].
   *
   * @throws ContractFailure with the shrunk program and the seed if the strategy breaks it
   */
  @JvmStatic
  fun check(invariant: Invariant, strategy: AllocationStrategy) =
    check(invariant, strategy, setOf())

  /**
   * Checks one invariant with the iterations and seed of [ContractSettings], over programs that
   * also make the calls [features] allow: aligned ones for [AllocatorFeature.ALIGNMENT] or
   * [AllocatorFeature.ALIGNED_CALLS].
   *
   * @throws ContractFailure with the shrunk program and the seed if the strategy breaks it
   */
  @JvmStatic
  fun check(invariant: Invariant, strategy: AllocationStrategy, features: Set<AllocatorFeature>) =
    check(invariant, strategy, features, ContractSettings.iterations(), ContractSettings.seed())

  /**
   * Checks one invariant over [iterations] programs generated from [seed].
   *
   * @throws ContractFailure with the shrunk program and the seed if the strategy breaks it
   */
  @JvmStatic
  fun check(invariant: Invariant, strategy: AllocationStrategy, iterations: Int, seed: Long) =
    check(invariant, strategy, setOf(), iterations, seed)

  /**
   * Checks one invariant over [iterations] programs generated from [seed] that also make the calls
   * [features] allow.
   *
   * @throws ContractFailure with the shrunk program and the seed if the strategy breaks it
   */
  @JvmStatic
  @OptIn(ExperimentalKotest::class) // PropTestConfig is kotest's only way to fix the seed
  fun check(
    invariant: Invariant,
    strategy: AllocationStrategy,
    features: Set<AllocatorFeature>,
    iterations: Int,
    seed: Long,
  ) {
    val checked = setOf(invariant)
    // kotest ends shrinking on the smallest failing program, so the last failure seen is that one.
    var last: Pair<String, Throwable>? = null
    // Counted so that a soak can state how many calls it really checked, not an estimate.
    var calls = 0L
    try {
      runBlocking {
        checkAll(iterations, PropTestConfig(seed = seed), Programs.programs(mixFor(invariant, features))) { program ->
          var run: ContractRun? = null
          try {
            run = ContractRun(strategy, program.capacity, checked)
            program.runOn(run)
            calls += run.operations().size
          } catch (e: Throwable) {
            last = (run?.trace() ?: "capacity ${program.capacity}") to e
            throw e
          }
        }
      }
    } catch (e: Throwable) {
      val (trace, cause) = last ?: throw e
      throw failure(invariant, strategy, trace, cause, seed, iterations, e)
    }
    println("allot contract: ${strategy.name} ${invariant.name}: $iterations programs, $calls calls checked")
  }

  private fun failure(
    property: Invariant,
    strategy: AllocationStrategy,
    trace: String,
    cause: Throwable,
    seed: Long,
    iterations: Int,
    engineFailure: Throwable,
  ): ContractFailure {
    val broken = (cause as? ContractViolation)?.invariant() ?: Invariant.CALL_OUTCOME
    val what = if (cause is ContractViolation) cause.message else "[${Invariant.CALL_OUTCOME}] unexpected $cause"
    val message = buildString {
      append("Allocator contract: strategy '").append(strategy.name).append("' (")
        .append(strategy.javaClass.name).append(") breaks ").append(broken)
      if (broken != property) append(" while checking ").append(property)
      append('\n').append(what)
      append("\nShrunk program as a trace (paste it into a regression test that calls ContractRun.replay):\n")
      append(trace)
      append("\nSeed ").append(seed).append(": re-run with -D").append(ContractSettings.SEED_PROPERTY).append('=')
        .append(seed).append(" -D").append(ContractSettings.ITERATIONS_PROPERTY).append('=').append(iterations)
    }
    val failure = ContractFailure(broken, message, trace, seed, engineFailure)
    if (cause !== engineFailure && cause !is ContractViolation) failure.addSuppressed(cause)
    return failure
  }

  /**
   * Programs that reach each invariant's situations often, with aligned calls for a strategy that
   * declares [AllocatorFeature.ALIGNMENT] or [AllocatorFeature.ALIGNED_CALLS] (mostly aligned ones
   * for the ALIGNMENT invariant itself).
   */
  private fun mixFor(invariant: Invariant, features: Set<AllocatorFeature>): Mix {
    val mix = mixFor(invariant)
    return when {
      AllocatorFeature.ALIGNMENT !in features && AllocatorFeature.ALIGNED_CALLS !in features -> mix
      invariant == Invariant.ALIGNMENT -> mix.copy(aligned = 5)
      else -> mix.copy(aligned = 2)
    }
  }

  private fun mixFor(invariant: Invariant): Mix = when (invariant) {
    Invariant.FAILURE_ATOMICITY -> Mix(bad = 4, capacities = 0..24, sizes = 0..16)
    Invariant.BAD_INPUT -> Mix(bad = 6)
    Invariant.REQUESTED_CAPACITY -> Mix(grow = 0, capacities = 0..16, sizes = 1..32)
    Invariant.REALLOC_KEEPS_OTHERS -> Mix(realloc = 10)
    Invariant.SMALLEST_FIT, Invariant.BLOCK_LIST -> Mix(dealloc = 6)
    // The kit copies each compaction plan in a buffer of one entry per index: no far programs.
    Invariant.COMPACTION -> Mix(dealloc = 6, compact = 3, far = 0)
    else -> Mix()
  }
}
