package dev.allot.examples.sprites;

import static org.lwjgl.opengl.GL11.GL_FLOAT;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL20.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20.glAttachShader;
import static org.lwjgl.opengl.GL20.glCompileShader;
import static org.lwjgl.opengl.GL20.glCreateProgram;
import static org.lwjgl.opengl.GL20.glCreateShader;
import static org.lwjgl.opengl.GL20.glDeleteProgram;
import static org.lwjgl.opengl.GL20.glDeleteShader;
import static org.lwjgl.opengl.GL20.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20.glGetProgrami;
import static org.lwjgl.opengl.GL20.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20.glGetShaderi;
import static org.lwjgl.opengl.GL20.glLinkProgram;
import static org.lwjgl.opengl.GL20.glShaderSource;
import static org.lwjgl.opengl.GL20.glUniform2f;
import static org.lwjgl.opengl.GL20.glUseProgram;
import static org.lwjgl.opengl.GL30.glBindVertexArray;
import static org.lwjgl.opengl.GL30.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30.glGenVertexArrays;
import static org.lwjgl.opengl.GL43.glVertexAttribBinding;
import static org.lwjgl.opengl.GL43.glVertexAttribFormat;

/**
 * The sprites' shader and vertex format: a pixel position (two floats) and an RGBA colour (four
 * bytes) read from vertex buffer binding 0, which the arena binds with {@code bindVertexBuffer(0)}.
 * Pixels map to clip space with the origin at the top left, as the picture is stored.
 */
final class SpriteShader implements AutoCloseable {

  private static final String VERTEX =
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

  private static final String FRAGMENT =
      """
      #version 430 core
      in vec4 vertexColour;
      out vec4 fragmentColour;
      void main() {
        fragmentColour = vertexColour;
      }
      """;

  private final int program;
  private final int vertexArray;

  SpriteShader() {
    int vertex = compile(GL_VERTEX_SHADER, VERTEX);
    int fragment = compile(GL_FRAGMENT_SHADER, FRAGMENT);
    program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
      throw new IllegalStateException("sprite program: " + glGetProgramInfoLog(program));
    }
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

  private static int compile(int type, String source) {
    int shader = glCreateShader(type);
    glShaderSource(shader, source);
    glCompileShader(shader);
    if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
      throw new IllegalStateException("sprite shader: " + glGetShaderInfoLog(shader));
    }
    return shader;
  }

  /** Binds the program for a target of {@code width x height} pixels, and the vertex array. */
  void use(int width, int height) {
    glUseProgram(program);
    glUniform2f(0, width, height);
    glBindVertexArray(vertexArray);
  }

  @Override
  public void close() {
    glDeleteVertexArrays(vertexArray);
    glDeleteProgram(program);
  }
}
