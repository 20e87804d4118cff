package dev.allot.kotlin

import dev.allot.Region
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RegionsTest {

    @Test
    fun destructuring_givesStartThenSize() {
        val (start, size) = Region(12, 5)

        assertEquals(12L, start)
        assertEquals(5L, size)
    }

    @Test
    fun contains_index_agreesWithTheJavaRangeCheckOfOneIndex() {
        for (start in 0L..5L) {
            for (size in 0L..5L) {
                val region = Region(start, size)
                for (index in -1L..12L) {
                    val expected = index >= 0 && region.contains(index, 1)
                    assertEquals(expected, index in region, "$index in $region")
                    assertEquals(expected, index.toInt() in region, "Int $index in $region")
                }
            }
        }
    }

    @Test
    fun contains_index_atTheTopOfTheLongRange_doesNotOverflow() {
        val region = Region(Long.MAX_VALUE - 5, 5)

        assertTrue(Long.MAX_VALUE - 5 in region)
        assertTrue(Long.MAX_VALUE - 1 in region)
        assertFalse(Long.MAX_VALUE in region)
        assertFalse(Long.MIN_VALUE in region)
    }

    @Test
    fun end_isStartPlusSize() {
        assertEquals(7L, Region(3, 4).end)
    }

    @Test
    fun indices_runFromStartUntilEnd() {
        assertEquals(listOf(3L, 4L, 5L, 6L), Region(3, 4).indices.toList())
        assertTrue(Region(3, 0).indices.isEmpty())
    }

    @Test
    fun isEmpty_onlyForSizeZero() {
        assertTrue(Region(9, 0).isEmpty)
        assertFalse(Region(9, 1).isEmpty)
    }
}
