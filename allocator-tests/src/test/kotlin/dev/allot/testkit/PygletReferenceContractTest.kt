package dev.allot.testkit

import dev.allot.AllocationStrategy
import dev.allot.testkit.reference.PygletReferenceStrategy

/**
 * The kit's own oracle passes the contract (and agrees with itself step by step). Written in
 * Kotlin to show that a Kotlin subclass needs nothing more than the Java one.
 */
class PygletReferenceContractTest : AllocatorContract() {

  override fun strategy(): AllocationStrategy = PygletReferenceStrategy()

  override fun features(): Set<AllocatorFeature> =
    setOf(AllocatorFeature.PYGLET_FIRST_FIT, AllocatorFeature.ALIGNMENT)
}
