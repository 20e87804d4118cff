/**
 * The sprites program: thousands of quads in one {@link dev.allot.lwjgl.VertexArena}, churned over
 * many frames on a headless OpenGL context and written as a PNG.
 */
@NullMarked
package dev.allot.examples.sprites;

import org.jspecify.annotations.NullMarked;
