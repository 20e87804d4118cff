package dev.allot.examples

import dev.allot.Allocators
import dev.allot.CapacityListener
import dev.allot.GrowthPolicy
import dev.allot.RelocationListener
import java.lang.reflect.Modifier
import kotlin.random.Random
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

/**
 * The growing allocator's listeners written as Kotlin lambdas: the form a Kotlin caller reaches for
 * first keeps a real buffer in step through growth and relocation, and no shorter form exists that
 * would compile while dropping the relocations.
 */
class GrowingListenersKotlinTest {

    /** A caller's region: where it is, how long, and the value every one of its slots holds. */
    private class Held(var start: Long, var size: Long, val tag: Long)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["first-fit", "best-fit"])
    fun lambdas_seededChurnWithGrowthAndMoves_everyRegionKeepsItsData(strategy: String) {
        var buffer = LongArray(8)
        var growths = 0
        var moves = 0
        val allocator = Allocators.growing(
            Allocators.create(strategy, 8),
            GrowthPolicy.doubling(),
            { _, newCapacity ->
                buffer = buffer.copyOf(newCapacity.toInt())
                growths++
            },
        ) { oldStart, newStart, size ->
            // copyInto is System.arraycopy: correct when the old and new ranges overlap.
            buffer.copyInto(buffer, newStart.toInt(), oldStart.toInt(), (oldStart + size).toInt())
            moves++
        }
        val random = Random(13)
        val live = ArrayList<Held>()

        fun fill(held: Held, from: Long) =
            buffer.fill(held.tag, (held.start + from).toInt(), (held.start + held.size).toInt())

        for (step in 0 until 3_000) {
            val roll = random.nextInt(10)
            when {
                live.size < 8 || roll < 4 -> {
                    val size = 1L + random.nextInt(24)
                    val held = Held(allocator.alloc(size), size, step + 1L)
                    fill(held, 0)
                    live += held
                }
                roll < 7 -> {
                    val held = live.removeAt(random.nextInt(live.size))
                    allocator.dealloc(held.start, held.size)
                }
                else -> {
                    val held = live[random.nextInt(live.size)]
                    val newSize = held.size + 1 + random.nextInt(16)
                    val kept = held.size
                    held.start = allocator.realloc(held.start, held.size, newSize)
                    held.size = newSize
                    fill(held, kept)
                }
            }
            for (held in live) {
                val data = buffer.copyOfRange(held.start.toInt(), (held.start + held.size).toInt())
                assertArrayEquals(LongArray(held.size.toInt()) { held.tag }, data, "step $step")
            }
        }
        assertTrue(growths > 0, "the churn grew the buffer")
        assertTrue(moves > 0, "the churn moved regions")
    }

    @Test
    fun growing_everyOverload_takesRelocationListener() {
        val overloads = Allocators::class.java.methods.filter { it.name == "growing" }
        assertTrue(overloads.isNotEmpty())
        for (overload in overloads) {
            assertTrue(
                RelocationListener::class.java in overload.parameterTypes,
                "$overload would let a growth lambda drop relocations",
            )
        }
    }

    @Test
    fun capacityListener_onlyAbstractMethod_isCapacityGrowing() {
        val methods = CapacityListener::class.java.methods.filter { !Modifier.isStatic(it.modifiers) }
        assertEquals(listOf("capacityGrowing"), methods.map { it.name })
    }
}
