package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL11.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11.GL_FLOAT;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11.glClear;
import static org.lwjgl.opengl.GL11.glClearColor;
import static org.lwjgl.opengl.GL20.glDeleteProgram;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glUniform2f;
import static org.lwjgl.opengl.GL20.glUseProgram;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;
import static org.lwjgl.opengl.GL43.glVertexAttribBinding;
import static org.lwjgl.opengl.GL43.glVertexAttribFormat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Draws a {@link VertexArena} of flat-coloured axis-aligned quads into an {@link
 * OffscreenFramebuffer}: each quad is two triangles of {@value #VERTICES_PER_QUAD} vertices, each
 * vertex a pixel position (two floats) and an RGBA colour (four bytes), {@value #STRIDE} bytes. The
 * vertex shader maps pixels to clip space with the origin at the top left, as images are read.
 */
final class QuadPainter implements AutoCloseable {

  /** Bytes per vertex: x, y as floats, then R, G, B, A. */
  static final int STRIDE = 12;

  /** Two triangles. */
  static final int VERTICES_PER_QUAD = 6;

  /** Bytes of one quad. */
  static final int QUAD_BYTES = STRIDE * VERTICES_PER_QUAD;

  private static final String VERTEX_SHADER =
      """
      #version 430 core
      layout(location = 0) in vec2 pixel;
      layout(location = 1) in vec4 colour;
      layout(location = 0) uniform vec2 size;
      out vec4 vertexColour;
      void main() {
        vec2 clip = pixel / size * 2.0 - 1.0;
        gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
        vertexColour = colour;
      }
      """;

  private static final String FRAGMENT_SHADER =
      """
      #version 430 core
      in vec4 vertexColour;
      out vec4 fragmentColour;
      void main() {
        fragmentColour = vertexColour;
      }
      """;

  private final OffscreenFramebuffer target;
  private final int program;
  private final int vertexArray;

  /** Compiles the shaders and sets up the vertex format (binding point 0) for {@code target}. */
  QuadPainter(OffscreenFramebuffer target) {
    this.target = target;
    program = GlPrograms.link(VERTEX_SHADER, FRAGMENT_SHADER);
    vertexArray = glGenVertexArrays();
    glBindVertexArray(vertexArray);
    glVertexAttribFormat(0, 2, GL_FLOAT, false, 0);
    glVertexAttribBinding(0, 0);
    glEnableVertexAttribArray(0);
    glVertexAttribFormat(1, 4, GL_UNSIGNED_BYTE, true, 2 * Float.BYTES);
    glVertexAttribBinding(1, 0);
    glEnableVertexAttribArray(1);
    glBindVertexArray(0);
  }

  /**
   * Writes one quad covering pixels {@code [x0, x1) x [y0, y1)} in one colour.
   *
   * @param into receives {@value #QUAD_BYTES} bytes at its position, which advances
   * @param argb the colour as {@code 0xAARRGGBB}
   */
  static void putQuad(ByteBuffer into, float x0, float y0, float x1, float y1, int argb) {
    float[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y0}, {x1, y1}, {x0, y1}};
    for (float[] corner : corners) {
      into.putFloat(corner[0]).putFloat(corner[1]);
      into.put((byte) (argb >> 16))
          .put((byte) (argb >> 8))
          .put((byte) argb)
          .put((byte) (argb >>> 24));
    }
  }

  /** A buffer for {@code quads} quads in the byte order OpenGL reads. */
  static ByteBuffer quads(int quads) {
    return ByteBuffer.allocateDirect(quads * QUAD_BYTES).order(ByteOrder.nativeOrder());
  }

  /** Clears the target to transparent black and draws every live range of the arena. */
  void draw(VertexArena arena) {
    target.bind();
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(program);
    glUniform2f(0, target.getWidth(), target.getHeight());
    glBindVertexArray(vertexArray);
    arena.bindVertexBuffer(0);
    arena.draw(GL_TRIANGLES);
    glBindVertexArray(0);
    glUseProgram(0);
  }

  @Override
  public void close() {
    glDeleteVertexArrays(vertexArray);
    glDeleteProgram(program);
  }
}
