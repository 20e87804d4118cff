package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL11.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11.glEnable;
import static org.lwjgl.opengl.GL11.glGetError;
import static org.lwjgl.opengl.GL43.GL_DEBUG_OUTPUT_SYNCHRONOUS;
import static org.lwjgl.opengl.GL43.GL_DEBUG_TYPE_ERROR;
import static org.lwjgl.opengl.GL43.glDebugMessageCallback;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lwjgl.opengl.GLDebugMessageCallback;

/**
 * Runs a test class on the process's one headless OpenGL 4.5 core context (EGL surfaceless, Mesa
 * llvmpipe), made on the first GL test class and kept current on the test thread; use it with
 * {@code @ExtendWith(HeadlessGl.class)}. Every test must leave no OpenGL error behind: a debug
 * callback records every error message OpenGL reports, and after each test both it and {@code
 * glGetError} must be clean. {@link #assertNoGlError(String)} checks the same mid-test.
 *
 * <p>Where EGL cannot start, the class's tests are skipped with the reason and the packages to
 * install, unless the system property {@value #REQUIRED_PROPERTY} is {@code true} (set by {@code
 * .ci/run}): then they fail.
 */
// Compiled into the dev.allot.lwjgl module for testing only, where javac sees JUnit's types as not
// exported; the class is never part of the module's API.
@SuppressWarnings("exports")
public final class HeadlessGl implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

  /** The system property that turns a missing EGL from a skip into a failure. */
  public static final String REQUIRED_PROPERTY = "allot.gl.required";

  private static final List<String> ERRORS = new ArrayList<>();
  private static boolean attempted;
  private static String unavailable = "";

  /** Kept for the life of the test JVM: the context stays current, the callback reachable. */
  @SuppressWarnings("unused") // held, never read: OpenGL calls into the callback
  private static @Nullable HeadlessGlContext context;

  @SuppressWarnings("unused") // held, never read: OpenGL calls into the callback
  private static @Nullable GLDebugMessageCallback callback;

  /** Creates the extension; JUnit calls this for {@code @ExtendWith(HeadlessGl.class)}. */
  public HeadlessGl() {}

  /** Makes the context on first use; later calls return what the first found. */
  private static synchronized String start() {
    if (!attempted) {
      attempted = true;
      try {
        HeadlessGlContext created = HeadlessGlContext.create(4, 5);
        context = created;
        GLDebugMessageCallback errors =
            GLDebugMessageCallback.create(
                (source, type, id, severity, length, message, userParam) -> {
                  if (type == GL_DEBUG_TYPE_ERROR) {
                    ERRORS.add(GLDebugMessageCallback.getMessage(length, message));
                  }
                });
        callback = errors;
        glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
        glDebugMessageCallback(errors, NULL);
        System.out.println(
            "headless GL: " + created.getRenderer() + ", OpenGL " + created.getVersion());
      } catch (IllegalStateException e) {
        unavailable = e.getMessage();
      }
    }
    return unavailable;
  }

  @Override
  public void beforeAll(ExtensionContext extension) {
    String reason = start();
    if (!reason.isEmpty()) {
      String message = "no headless OpenGL 4.5 context: " + reason;
      if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
        throw new IllegalStateException(message + " (" + REQUIRED_PROPERTY + " is set)");
      }
      Assumptions.abort("GL tests skipped, " + message);
    }
  }

  @Override
  public void beforeEach(ExtensionContext extension) {
    assertNoGlError("before " + extension.getDisplayName());
  }

  @Override
  public void afterEach(ExtensionContext extension) {
    assertNoGlError("after " + extension.getDisplayName());
  }

  /**
   * Fails if OpenGL has reported an error since the last check, through {@code glGetError} or the
   * debug callback; either way the record is cleared.
   *
   * @param where what the failure message says was being checked
   * @throws AssertionError listing the errors
   */
  public static void assertNoGlError(String where) {
    List<String> found = new ArrayList<>(ERRORS);
    ERRORS.clear();
    for (int error = glGetError(); error != GL_NO_ERROR; error = glGetError()) {
      found.add("glGetError 0x" + Integer.toHexString(error));
    }
    if (!found.isEmpty()) {
      throw new AssertionError("OpenGL errors " + where + ": " + found);
    }
  }
}
