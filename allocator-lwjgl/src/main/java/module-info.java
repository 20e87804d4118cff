/**
 * OpenGL buffer arenas over LWJGL ({@code dev.allot.lwjgl}): vertex and uniform arenas placed by
 * Allot allocators, a headless EGL context and an offscreen framebuffer. The strategies stay on the
 * module path beside it, found by the API's service binding.
 */
module dev.allot.lwjgl {
  requires transitive dev.allot.api;
  requires transitive org.lwjgl.opengl;
  requires transitive java.desktop;
  requires org.lwjgl.egl;
  requires static org.jspecify;

  exports dev.allot.lwjgl;
}
