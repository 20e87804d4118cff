package dev.allot.lwjgl;

import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_SUCCESS;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_DEBUG;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenGL core-profile context without a window, an X server or a GPU: EGL's surfaceless platform
 * ({@code EGL_PLATFORM_SURFACELESS_MESA}), which Mesa serves with its llvmpipe software renderer.
 * For tests and offline rendering; draw into a framebuffer object, since there is no default
 * framebuffer. On Debian the packages {@code libegl1 libegl-mesa0 libgl1-mesa-dri} provide it.
 *
 * <pre>{@code
 * try (HeadlessGlContext gl = HeadlessGlContext.create(4, 5)) {
 *   System.out.println(gl.getRenderer()); // llvmpipe (LLVM 15.0.6, 256 bits)
 *   // GL calls on this thread
 * }
 * }</pre>
 *
 * <p>The context is current on the creating thread until {@link #close()}. LWJGL's OpenGL functions
 * are looked up once per process through {@code eglGetProcAddress}, so create this before anything
 * else in the process initializes LWJGL's {@code GL} class (a window toolkit, for example).
 *
 * @since 0.1.0
 */
public final class HeadlessGlContext implements AutoCloseable {

  /** The platform of {@code EGL_MESA_platform_surfaceless}, which LWJGL names no constant for. */
  public static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

  /** Where a failure to start EGL points the reader. */
  private static final String INSTALL_HINT =
      "; on Debian install libegl1 libegl-mesa0 libgl1-mesa-dri";

  private final long display;
  private final long context;
  private final GLCapabilities capabilities;

  private HeadlessGlContext(long display, long context, GLCapabilities capabilities) {
    this.display = display;
    this.context = context;
    this.capabilities = capabilities;
  }

  /**
   * Creates a core-profile context of at least the given version, with debug output enabled, and
   * makes it current on this thread.
   *
   * @param major the OpenGL major version, e.g. 4
   * @param minor the OpenGL minor version, e.g. 5
   * @return the current context
   * @throws IllegalStateException naming the step that failed (no EGL library, no surfaceless
   *     platform, no driver, no such context) with the packages that provide it
   */
  public static HeadlessGlContext create(int major, int minor) {
    EGLCapabilities client = loadEgl();
    long getPlatformDisplay =
        client.eglGetPlatformDisplayEXT != NULL
            ? client.eglGetPlatformDisplayEXT
            : client.eglGetPlatformDisplay;
    if (getPlatformDisplay == NULL) {
      throw new IllegalStateException("EGL has no eglGetPlatformDisplay(EXT)" + INSTALL_HINT);
    }
    // LWJGL's wrappers reject a native display of 0, which the surfaceless platform requires.
    long display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, NULL, NULL, getPlatformDisplay);
    if (display == EGL_NO_DISPLAY) {
      throw new IllegalStateException(
          "EGL has no surfaceless platform display (" + eglError() + ")" + INSTALL_HINT);
    }
    try (MemoryStack stack = MemoryStack.stackPush()) {
      if (!EGL10.eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1))) {
        throw new IllegalStateException(
            "eglInitialize failed on the surfaceless platform (" + eglError() + ")" + INSTALL_HINT);
      }
      long context = NULL;
      try {
        EGL.createDisplayCapabilities(display);
        context = createContext(display, major, minor, stack);
        if (!EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
          throw new IllegalStateException("eglMakeCurrent failed (" + eglError() + ")");
        }
        return new HeadlessGlContext(display, context, GL.createCapabilities(true));
      } catch (RuntimeException e) {
        if (context != NULL) {
          EGL10.eglDestroyContext(display, context);
        }
        EGL10.eglTerminate(display);
        throw e;
      }
    }
  }

  private static long createContext(long display, int major, int minor, MemoryStack stack) {
    if (!EGL12.eglBindAPI(EGL_OPENGL_API)) {
      throw new IllegalStateException("eglBindAPI(EGL_OPENGL_API) failed (" + eglError() + ")");
    }
    PointerBuffer config = stack.mallocPointer(1);
    IntBuffer found = stack.mallocInt(1);
    boolean chosen =
        EGL10.eglChooseConfig(
            display,
            stack.ints(EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE),
            config,
            found);
    if (!chosen || found.get(0) == 0) {
      throw new IllegalStateException("no EGL config renders OpenGL (" + eglError() + ")");
    }
    long context =
        EGL10.eglCreateContext(
            display,
            config.get(0),
            EGL_NO_CONTEXT,
            stack.ints(
                EGL_CONTEXT_MAJOR_VERSION,
                major,
                EGL_CONTEXT_MINOR_VERSION,
                minor,
                EGL_CONTEXT_OPENGL_PROFILE_MASK,
                EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_CONTEXT_OPENGL_DEBUG,
                1,
                EGL_NONE));
    if (context == EGL_NO_CONTEXT) {
      throw new IllegalStateException(
          "no OpenGL " + major + "." + minor + " core context (" + eglError() + ")");
    }
    return context;
  }

  /**
   * Loads libEGL and LWJGL's OpenGL function lookup through it, once per process. Explicit
   * initialization keeps LWJGL from loading libGL through GLX on first use of its classes.
   */
  private static synchronized EGLCapabilities loadEgl() {
    Configuration.EGL_EXPLICIT_INIT.set(true);
    Configuration.OPENGL_EXPLICIT_INIT.set(true);
    try {
      EGLCapabilities client = eglClientCapabilities();
      if (GL.getFunctionProvider() == null) {
        GL.create(EGL10::eglGetProcAddress);
      }
      return client;
    } catch (UnsatisfiedLinkError | IllegalStateException e) {
      throw new IllegalStateException("libEGL could not be loaded: " + e + INSTALL_HINT, e);
    }
  }

  /** EGL's client capabilities, loading libEGL if nothing in the process has yet. */
  private static EGLCapabilities eglClientCapabilities() {
    try {
      return EGL.getCapabilities();
    } catch (IllegalStateException notLoaded) {
      EGL.create();
      return EGL.getCapabilities();
    }
  }

  private static String eglError() {
    int error = EGL10.eglGetError();
    return error == EGL_SUCCESS ? "no EGL error" : "EGL error 0x" + Integer.toHexString(error);
  }

  /**
   * Returns LWJGL's capabilities of this context: which functions and extensions it has.
   *
   * @return the capabilities, also set current for this thread
   */
  public GLCapabilities getCapabilities() {
    return capabilities;
  }

  /**
   * Returns the renderer's name, {@code GL_RENDERER}, e.g. {@code llvmpipe (LLVM 15.0.6, 256
   * bits)}.
   *
   * @return the renderer
   */
  public String getRenderer() {
    return String.valueOf(GL11.glGetString(GL11.GL_RENDERER));
  }

  /**
   * Returns the version string, {@code GL_VERSION}, e.g. {@code 4.5 (Core Profile) Mesa 22.3.6}.
   *
   * @return the version
   */
  public String getVersion() {
    return String.valueOf(GL11.glGetString(GL11.GL_VERSION));
  }

  /** Releases the context from this thread, destroys it and terminates the display. */
  @Override
  public void close() {
    GL.setCapabilities(null);
    EGL10.eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    EGL10.eglDestroyContext(display, context);
    EGL10.eglTerminate(display);
  }
}
