package dev.allot.kotlin

import dev.allot.Allocator
import dev.allot.AllocatorMemoryException
import dev.allot.Allocators
import dev.allot.ForwardingAllocator
import dev.allot.Region
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class AllocatorExtensionsTest {

    /** Records the aligned calls and answers them with [ALIGNED_START], without placing anything. */
    private class AlignedCalls(delegate: Allocator) : ForwardingAllocator(delegate) {
        val calls = mutableListOf<String>()

        override fun alloc(size: Long, alignment: Long): Long {
            calls += "alloc($size, $alignment)"
            return ALIGNED_START
        }

        override fun realloc(start: Long, size: Long, newSize: Long, alignment: Long): Long {
            calls += "realloc($start, $size, $newSize, $alignment)"
            return ALIGNED_START
        }
    }

    private companion object {
        const val ALIGNED_START = 512L
    }

    private val allocator = Allocators.create("first-fit", 64)

    private fun blocks(of: Allocator = allocator) =
        of.allocatedRegions.joinToString(",") { (start, size) -> "$start:$size" }

    @Test
    fun alloc_namedArguments_passSizeAndAlignment() {
        val spy = AlignedCalls(allocator)

        assertEquals(ALIGNED_START, spy.alloc(size = 96, alignment = 256))
        assertEquals(ALIGNED_START, spy.alloc(size = 96L, alignment = 256L))
        assertEquals(listOf("alloc(96, 256)", "alloc(96, 256)"), spy.calls)
    }

    @Test
    fun alloc_namedAlignment_onAShippedStrategy_startsAtAMultiple() {
        allocator.alloc(size = 8)

        assertEquals(16L, allocator.alloc(size = 4, alignment = 16))
        assertEquals(9L, allocator.alloc(size = 3, alignment = 3)) // index 8, the padding, stays free
        assertEquals("0:8,9:3,16:4", blocks())
    }

    @Test
    fun alloc_defaultAlignment_isThePlainAlloc() {
        allocator.alloc(size = 8)
        allocator.alloc(size = 4L)

        assertEquals("0:12", blocks())
    }

    @Test
    fun alloc_intSize_fromAnIntVariable() {
        val vertexCount: Int = 6

        assertEquals(0L, allocator.alloc(vertexCount))
        assertEquals(6L, allocator.alloc(vertexCount))
        assertEquals("0:12", blocks())
    }

    @Test
    fun extensions_alignmentOne_recordTheUnalignedCalls() {
        val recorded = StringBuilder()
        val recorder = Allocators.recording(Allocators.create("first-fit", 64), recorded)
        val count: Int = 2

        recorder.alloc(size = count)
        recorder.alloc(size = 2L)
        recorder.alloc(size = count, alignment = 1)
        val region = recorder.allocRegion(count)
        val longRegion = recorder.allocRegion(size = 2L, alignment = 1L)
        // Growing the last region in place, so that every call names the same start.
        recorder.realloc(start = 8, size = count, newSize = count + 1)
        recorder.realloc(start = 8L, size = 3L, newSize = 4L)
        recorder.realloc(8L, count + 2, count + 3, alignment = 1)
        recorder.realloc(region, newSize = count - 1)
        recorder.realloc(longRegion, newSize = 1L)
        recorder.withRegion(size = count) {}
        recorder.withRegion(size = 2L, alignment = 1L) {}
        recorder.alloc(size = 4, alignment = 4)

        assertEquals(
            listOf(
                "capacity 64",
                "alloc 2",
                "alloc 2",
                "alloc 2",
                "alloc 2",
                "alloc 2",
                "realloc 8 2 3",
                "realloc 8 3 4",
                "realloc 8 4 5",
                "realloc 6 2 1",
                "realloc 8 2 1",
                "alloc 2",
                "dealloc 13 2",
                "alloc 2",
                "dealloc 13 2",
                "alloc 4 4",
                "",
            ),
            recorded.lines(),
        )
        assertEquals("0:7,8:1,10:3,16:4", blocks(recorder))
    }

    @Test
    fun extensions_badInputAtAlignmentOne_nameTheUnalignedCall() {
        fun message(call: () -> Unit) =
            assertThrows(IllegalArgumentException::class.java) { call() }.message

        assertEquals("alloc(-1): negative number -1", message { allocator.alloc(size = -1) })
        assertEquals("alloc(-1): negative number -1", message { allocator.alloc(size = -1L) })
        assertEquals("alloc(-1): negative number -1", message { allocator.allocRegion(-1) })
        assertEquals("alloc(-1): negative number -1", message { allocator.withRegion(-1L) {} })
        assertEquals(
            "realloc(0, 0, -1): negative number -1",
            message { allocator.realloc(start = 0, size = 0, newSize = -1) },
        )
        assertEquals(
            "realloc(0, 0, -1): negative number -1",
            message { allocator.realloc(Region(0, 0), newSize = -1L) },
        )
        // Only alignment 1 is the unaligned call: 0 reaches the aligned check, which names it.
        assertEquals(
            "alloc(1, 0): alignment 0 is below 1",
            message { allocator.alloc(size = 1, alignment = 0) },
        )
        assertTrue(allocator.isEmpty, blocks())
    }

    @Test
    fun realloc_namedArguments_passEveryArgument() {
        val spy = AlignedCalls(allocator)

        spy.realloc(start = 8, size = 4, newSize = 16, alignment = 64)
        spy.realloc(start = 8L, size = 4L, newSize = 16L, alignment = 64L)

        assertEquals(listOf("realloc(8, 4, 16, 64)", "realloc(8, 4, 16, 64)"), spy.calls)
    }

    @Test
    fun realloc_intArguments_defaultAlignment_resizesInPlaceOrMoves() {
        val first: Int = allocator.alloc(4).toInt()
        allocator.alloc(4)

        val moved = allocator.realloc(first, 4, 6)

        assertEquals(8L, moved)
        assertEquals("4:10", blocks())
    }

    @Test
    fun deallocRealloc_longStartFromAnIntAlloc_intSizes_compileAndRun() {
        val vertexCount: Int = 6

        // The user's sequence as written: alloc of an Int returns a Long start, which the Int
        // overloads of dealloc and realloc did not take.
        val first = allocator.alloc(vertexCount)
        allocator.dealloc(first, vertexCount)
        val thrown =
            assertThrows(IllegalArgumentException::class.java) {
                allocator.realloc(first, vertexCount, 12)
            }

        assertEquals("realloc(0, 6, 12): region [0, 6) is not allocated", thrown.message)
    }

    @Test
    fun reallocDealloc_longStartFromAnIntAlloc_intSizes_resizeAndFree() {
        val vertexCount: Int = 6
        val newCount: Int = 12
        allocator.alloc(2)
        val first = allocator.alloc(vertexCount)
        allocator.alloc(1)

        val moved = allocator.realloc(first, vertexCount, newCount)
        val aligned = allocator.realloc(moved, size = newCount, newSize = vertexCount, alignment = 16)
        allocator.dealloc(aligned, vertexCount)

        assertEquals(9L, moved)
        assertEquals(32L, aligned) // placed while [9, 21) is still held: first-fit frees after
        assertEquals("0:2,8:1", blocks())
    }

    @Test
    fun realloc_longStartIntSizes_namedArguments_passEveryArgument() {
        val spy = AlignedCalls(allocator)
        val start: Long = 8
        val size: Int = 4

        spy.realloc(start, size, newSize = 16, alignment = 64)
        spy.realloc(start = start, size = size, newSize = size * 4, alignment = 64)

        assertEquals(listOf("realloc(8, 4, 16, 64)", "realloc(8, 4, 16, 64)"), spy.calls)
    }

    @Test
    fun overloads_everyMixOfLongStartsAndIntOrLiteralSizes_resolve() {
        val recorded = StringBuilder()
        val recorder = Allocators.recording(Allocators.create("first-fit", 64), recorded)
        val count: Int = 4
        val longStart: Long = recorder.alloc(count)
        recorder.alloc(1)
        val intStart: Int = recorder.alloc(count).toInt()
        // A hole after each region, so that a realloc to the same size stays (first-fit moves a
        // region that does not end its block).
        recorder.dealloc(4, 1)

        // Each line compiles to one overload only (an ambiguity would not compile); the Java
        // members take the positional literals.
        recorder.realloc(longStart, 4, 4)
        recorder.realloc(longStart, count, count)
        recorder.realloc(intStart, count, count)
        recorder.realloc(longStart, 4L, 4L)
        recorder.realloc(start = longStart, size = 4, newSize = 4)
        recorder.realloc(start = 5, size = 4, newSize = 4)
        recorder.dealloc(longStart, 1)
        recorder.dealloc(longStart + 1, count - 1)
        recorder.dealloc(intStart, count)

        assertEquals(
            listOf(
                "capacity 64",
                "alloc 4",
                "alloc 1",
                "alloc 4",
                "dealloc 4 1",
                "realloc 0 4 4",
                "realloc 0 4 4",
                "realloc 5 4 4",
                "realloc 0 4 4",
                "realloc 0 4 4",
                "realloc 5 4 4",
                "dealloc 0 1",
                "dealloc 1 3",
                "dealloc 5 4",
                "",
            ),
            recorded.lines(),
        )
        assertTrue(recorder.isEmpty, blocks(recorder))
    }

    @Test
    fun dealloc_intArguments_freesTheRange() {
        allocator.alloc(8)

        allocator.dealloc(2, 3)

        assertEquals("0:2,5:3", blocks())
    }

    @Test
    fun allocRegion_dealloc_realloc_passRegionsWhole() {
        val a = allocator.allocRegion(4)
        val b = allocator.allocRegion(4)
        assertEquals(Region(0, 4), a)
        assertEquals(Region(4, 4), b)

        val grown = allocator.realloc(a, newSize = 6)
        assertEquals(Region(8, 6), grown)

        allocator.dealloc(b)
        assertEquals("8:6", blocks())
    }

    @Test
    fun allocRegion_realloc_intSizes() {
        val count: Int = 5
        val region = allocator.allocRegion(count)
        allocator.alloc(1)

        val grown = allocator.realloc(region, newSize = count + 1)

        assertEquals(Region(0, 5), region)
        assertEquals(Region(6, 6), grown)
        assertEquals("5:7", blocks())
    }

    @Test
    fun allocRegion_realloc_passTheAlignment() {
        val spy = AlignedCalls(allocator)

        assertEquals(Region(ALIGNED_START, 8), spy.allocRegion(size = 8, alignment = 64))
        assertEquals(Region(ALIGNED_START, 16), spy.realloc(Region(0, 8), newSize = 16, alignment = 64))
        assertEquals(listOf("alloc(8, 64)", "realloc(0, 8, 16, 64)"), spy.calls)
    }

    @Test
    fun containsRegion_onlyWhenInsideOneBlock() {
        allocator.alloc(8)
        allocator.alloc(4)
        allocator.dealloc(8, 4)

        assertTrue(Region(0, 8) in allocator)
        assertTrue(Region(2, 3) in allocator)
        assertFalse(Region(6, 4) in allocator)
        assertFalse(Region(8, 1) in allocator)
        assertTrue(Region(40, 0) in allocator, "an empty region, as dealloc accepts it")
    }

    @Test
    fun allocatedSize_isCapacityLessFree() {
        allocator.alloc(10)
        allocator.alloc(5)
        allocator.dealloc(0, 3)

        assertEquals(12L, allocator.allocatedSize)
    }

    @Test
    fun withRegion_freesTheRegionWhenTheBlockEnds() {
        val seen =
            allocator.withRegion(size = 24) { (start, size) ->
                assertEquals("0:24", blocks())
                "$start+$size"
            }

        assertEquals("0+24", seen)
        assertTrue(allocator.isEmpty)
    }

    @Test
    fun withRegion_blockThrows_freesAndRethrows() {
        val failure = IllegalStateException("upload failed")

        val thrown =
            assertThrows(IllegalStateException::class.java) {
                allocator.withRegion(8) { throw failure }
            }

        assertSame(failure, thrown)
        assertTrue(allocator.isEmpty)
    }

    @Test
    fun withRegion_blockFreedTheRegionAndThrew_theFreeFailureIsSuppressed() {
        val failure = IllegalStateException("gave it back too early")

        val thrown =
            assertThrows(IllegalStateException::class.java) {
                allocator.withRegion(8) { region ->
                    allocator.dealloc(region)
                    throw failure
                }
            }

        assertSame(failure, thrown)
        assertEquals(IllegalArgumentException::class.java, thrown.suppressed.single().javaClass)
    }

    @Test
    fun withRegion_blockFreedTheRegion_theFreeFailsAfterIt() {
        val thrown =
            assertThrows(IllegalArgumentException::class.java) {
                allocator.withRegion(8L) { region -> allocator.dealloc(region) }
            }

        assertEquals("dealloc(0, 8): region [0, 8) is not allocated", thrown.message)
    }

    @Test
    fun withRegion_blockReturnsFromTheEnclosingFunction_freesTheRegion() {
        fun firstStart(): Long {
            allocator.withRegion(size = 8) { region -> return region.start }
        }

        assertEquals(0L, firstStart())
        assertTrue(allocator.isEmpty, blocks())
    }

    @Test
    fun withRegion_blockReturnsToAnOuterLabel_freesTheRegion() {
        run outer@{ listOf(4, 5).forEach { size -> allocator.withRegion(size) { return@outer } } }

        assertTrue(allocator.isEmpty, blocks())
    }

    @Test
    fun withRegion_noRoom_blockDoesNotRun() {
        var ran = false

        assertThrows(AllocatorMemoryException::class.java) {
            allocator.withRegion(size = 100) { ran = true }
        }

        assertFalse(ran)
        assertTrue(allocator.isEmpty)
    }

    @Test
    fun withRegion_alignment_isPassedToAlloc() {
        val spy = AlignedCalls(allocator)

        val start = spy.withRegion(size = 0, alignment = 16) { it.start }

        assertEquals(ALIGNED_START, start)
        assertEquals(listOf("alloc(0, 16)"), spy.calls)
    }
}
