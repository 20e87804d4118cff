package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.glDrawArrays;
import static org.lwjgl.opengl.GL20.glDeleteProgram;
import static org.lwjgl.opengl.GL20.glUseProgram;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;

/**
 * Fills an {@link OffscreenFramebuffer} with the colour a shader reads from the uniform block bound
 * at {@value #BINDING}: {@code layout(std140) uniform Colour { vec4 colour; }}. One triangle that
 * covers the target, made from {@code gl_VertexID}, so no vertex buffer is needed.
 */
final class UniformColourPainter implements AutoCloseable {

  /** The uniform buffer binding point the shader reads. */
  static final int BINDING = 1;

  private static final String VERTEX_SHADER =
      """
      #version 430 core
      void main() {
        vec2 corner = vec2((gl_VertexID & 1) * 4.0 - 1.0, (gl_VertexID >> 1) * 4.0 - 1.0);
        gl_Position = vec4(corner, 0.0, 1.0);
      }
      """;

  private static final String FRAGMENT_SHADER =
      """
      #version 430 core
      layout(std140, binding = 1) uniform Colour {
        vec4 colour;
      };
      out vec4 fragmentColour;
      void main() {
        fragmentColour = colour;
      }
      """;

  private final OffscreenFramebuffer target;
  private final int program;
  private final int vertexArray;

  UniformColourPainter(OffscreenFramebuffer target) {
    this.target = target;
    program = GlPrograms.link(VERTEX_SHADER, FRAGMENT_SHADER);
    vertexArray = glGenVertexArrays();
  }

  /** Draws the covering triangle with the colour of the block bound at {@link #BINDING}. */
  void draw() {
    target.bind();
    glUseProgram(program);
    glBindVertexArray(vertexArray);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
  }

  @Override
  public void close() {
    glDeleteVertexArrays(vertexArray);
    glDeleteProgram(program);
  }
}
