package dev.allot.lwjgl

import dev.allot.Allocators
import dev.allot.GrowthPolicy
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ExtendWith

/**
 * The arena as a Kotlin caller writes it: `use {}` closes it, counts are `Int`s where OpenGL takes
 * `GLsizei`, and the getters read as properties (`arena.capacity`, `range.first`, `range.isLive`).
 */
@ExtendWith(HeadlessGl::class)
class VertexArenaKotlinGlTest {

    @Test
    fun useAndProperties_quadsGrowMoveAndDraw_pixelsRight() {
        val colours = listOf(0xFFFF0000.toInt(), 0xFF00FF00.toInt(), 0xFF0000FF.toInt())
        val arena = VertexArena(Allocators.create("best-fit", 6), QuadPainter.STRIDE, GrowthPolicy.doubling())
        val kept = OffscreenFramebuffer(24, 8).use { target ->
            QuadPainter(target).use { painter ->
                arena.use {
                    val quads = colours.mapIndexed { i, argb ->
                        arena.allocate(QuadPainter.VERTICES_PER_QUAD).also { range ->
                            val bytes = QuadPainter.quads(1)
                            QuadPainter.putQuad(bytes, 8f * i, 0f, 8f * i + 8, 8f, argb)
                            arena.upload(range, bytes.flip())
                        }
                    }
                    arena.resize(quads[0], 2 * QuadPainter.VERTICES_PER_QUAD)
                    arena.resize(quads[0], QuadPainter.VERTICES_PER_QUAD)

                    assertEquals(3, arena.rangeCount)
                    assertTrue(arena.capacity >= 3 * QuadPainter.VERTICES_PER_QUAD)
                    assertTrue(arena.growths > 0)
                    assertEquals(1L, arena.relocations)
                    assertEquals(18, quads[0].first, "the first quad moved behind the others")
                    assertEquals(QuadPainter.VERTICES_PER_QUAD, quads[0].count)

                    painter.draw(arena)
                    val pixels = target.readArgb()
                    colours.forEachIndexed { i, argb -> assertEquals(argb, pixels[4 * 24 + 8 * i + 4]) }

                    arena.free(quads[1])
                    assertFalse(quads[1].isLive)
                    assertEquals(2, arena.rangeCount)
                    quads[0]
                }
            }
        }
        assertFalse(kept.isLive, "use {} closed the arena")
    }
}
