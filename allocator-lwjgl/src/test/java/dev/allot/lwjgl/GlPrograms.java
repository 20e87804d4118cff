package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL20.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20.glAttachShader;
import static org.lwjgl.opengl.GL20.glCompileShader;
import static org.lwjgl.opengl.GL20.glCreateProgram;
import static org.lwjgl.opengl.GL20.glCreateShader;
import static org.lwjgl.opengl.GL20.glDeleteShader;
import static org.lwjgl.opengl.GL20.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20.glGetProgrami;
import static org.lwjgl.opengl.GL20.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20.glGetShaderi;
import static org.lwjgl.opengl.GL20.glLinkProgram;
import static org.lwjgl.opengl.GL20.glShaderSource;

/** Compiles and links the test painters' shader programs, failing with OpenGL's log. */
final class GlPrograms {

  private GlPrograms() {}

  /**
   * Links a program of one vertex and one fragment shader.
   *
   * @return the program's name
   * @throws IllegalStateException with the compile or link log if either fails
   */
  static int link(String vertexSource, String fragmentSource) {
    int vertex = compile(GL_VERTEX_SHADER, vertexSource);
    int fragment = compile(GL_FRAGMENT_SHADER, fragmentSource);
    int program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
      throw new IllegalStateException("program: " + glGetProgramInfoLog(program));
    }
    return program;
  }

  private static int compile(int type, String source) {
    int shader = glCreateShader(type);
    glShaderSource(shader, source);
    glCompileShader(shader);
    if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
      throw new IllegalStateException("shader: " + glGetShaderInfoLog(shader));
    }
    return shader;
  }
}
