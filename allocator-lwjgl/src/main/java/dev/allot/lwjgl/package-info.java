/**
 * OpenGL buffer arenas over LWJGL: many ranges in one buffer object, placed by an Allot allocator.
 *
 * <p>{@link dev.allot.lwjgl.VertexArena} holds vertex ranges in vertex units and draws them all
 * with one {@code glMultiDrawArrays}; it grows its buffer object when the allocator asks, moves
 * relocated data on the GPU and applies compaction plans there. {@link
 * dev.allot.lwjgl.HeadlessGlContext} gives tests and offline renderers an OpenGL context without a
 * window, and {@link dev.allot.lwjgl.OffscreenFramebuffer} somewhere to draw and read pixels back.
 * Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.allot.lwjgl;

import org.jspecify.annotations.NullMarked;
