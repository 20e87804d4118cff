package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL15.GL_BUFFER_SIZE;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glBufferData;
import static org.lwjgl.opengl.GL15.glBufferSubData;
import static org.lwjgl.opengl.GL15.glDeleteBuffers;
import static org.lwjgl.opengl.GL15.glGenBuffers;
import static org.lwjgl.opengl.GL15.glGetBufferParameteri;
import static org.lwjgl.opengl.GL15.glGetBufferSubData;
import static org.lwjgl.opengl.GL31.GL_COPY_READ_BUFFER;
import static org.lwjgl.opengl.GL31.GL_COPY_WRITE_BUFFER;
import static org.lwjgl.opengl.GL31.glCopyBufferSubData;
import static org.lwjgl.opengl.GL32.glGetBufferParameteri64;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.lwjgl.opengl.GL;

/**
 * One OpenGL buffer object, in bytes, that can be replaced by a larger one and can move a range
 * inside itself. Every call binds the buffers it uses to {@code GL_COPY_READ_BUFFER} and {@code
 * GL_COPY_WRITE_BUFFER}, the binding points OpenGL keeps for such copies, so the caller's vertex,
 * index and uniform bindings are left alone.
 */
/*
 * Moves. glCopyBufferSubData within one buffer is undefined when the source and destination
 * ranges overlap, so an overlapping move goes through a scratch buffer: source to scratch, then
 * scratch to destination, two copies. The scratch buffer is made on the first overlapping move and
 * replaced by one of twice the size when a larger move needs it, so a run of moves allocates it
 * O(log n) times, never past the buffer's own size; a move that does not overlap is one copy and
 * needs none. When the driver cannot make the scratch buffer, the move goes in steps instead: for a
 * move by d bytes, copies of d bytes each, nearest the destination first, so that no copy's source
 * and destination overlap and none overwrites a source still to be read. That takes no memory, so
 * a move never fails for want of it; it takes bytes / d copies, which is why it is only the
 * fallback (a move by one vertex of a long range is one copy per vertex).
 *
 * Growth copies only [0, keep): the caller passes the end of its last live range, so the free tail
 * of the old buffer is not copied.
 */
final class GpuBuffer implements AutoCloseable {

  private final int usage;
  private int name;
  private long size;
  private int scratch;
  private long scratchSize;

  /**
   * Test seam: when {@code >= 0}, the number of scratch buffers made before the next one is refused
   * as the driver refuses one it cannot allocate; -1, always outside tests, never refuses.
   */
  int scratchesBeforeFailure = -1;

  /**
   * Throws unless this thread has LWJGL's OpenGL capabilities, which LWJGL sets where a context is
   * made current: called without them, LWJGL's first OpenGL function aborts the whole JVM ("No
   * context is current"), where a caller on the wrong thread should get an exception it can read.
   * The arenas call it before anything changes. It cannot tell a context that was released without
   * clearing the capabilities; OpenGL then ignores the calls.
   *
   * @param owner the arena's class name, for the message
   * @param call the call refused, for the message
   * @throws IllegalStateException if this thread has no OpenGL capabilities
   */
  static void requireCurrentContext(String owner, String call) {
    if (!hasCapabilities()) {
      throw noContext(owner + "." + call);
    }
  }

  /**
   * Throws as {@link #requireCurrentContext} does, for an arena's constructor.
   *
   * @param owner the arena's class name, for the message
   * @throws IllegalStateException if this thread has no OpenGL capabilities
   */
  static void requireCurrentContextToCreate(String owner) {
    if (!hasCapabilities()) {
      throw noContext("new " + owner);
    }
  }

  private static boolean hasCapabilities() {
    try {
      // null when LWJGL's checks are off (org.lwjgl.util.NoChecks)
      return GL.getCapabilities() != null;
    } catch (IllegalStateException e) {
      return false; // LWJGL's checks on: none set for this thread
    }
  }

  private static IllegalStateException noContext(String call) {
    return new IllegalStateException(
        call
            + ": no OpenGL context is current on thread '"
            + Thread.currentThread().getName()
            + "'; call it where the arena's context is current (with its capabilities set by"
            + " GL.createCapabilities or GL.setCapabilities)");
  }

  /**
   * Creates the buffer object with undefined contents.
   *
   * @param size its size in bytes
   * @param usage the usage hint, e.g. {@code GL_DYNAMIC_DRAW}
   */
  GpuBuffer(long size, int usage) {
    this.usage = usage;
    this.name = newBuffer(size, usage);
    this.size = size;
  }

  /**
   * Creates a buffer object of {@code size} bytes, left bound to {@code GL_COPY_WRITE_BUFFER}.
   *
   * @throws IllegalStateException if the driver did not make it that large ({@code glBufferData}
   *     failed with {@code GL_OUT_OF_MEMORY}, or the size passes the driver's limit); nothing is
   *     left behind
   */
  private static int newBuffer(long size, int usage) {
    int buffer = glGenBuffers();
    glBindBuffer(GL_COPY_WRITE_BUFFER, buffer);
    glBufferData(GL_COPY_WRITE_BUFFER, size, usage);
    // glBufferData reports failure only through the error flag and leaves an empty buffer object.
    // Without this check a growth went on with it: the copy of the live bytes failed, the old
    // buffer object was deleted, and every range's vertices were lost while the arena reported the
    // larger capacity. The size is read back rather than glGetError, which would also take (and
    // misread) errors of the caller's own calls. The 64-bit query is OpenGL 3.2; below 2 GiB the
    // OpenGL 1.5 one reads the size exactly, so a 3.1 context works as before.
    long made =
        size <= Integer.MAX_VALUE
            ? glGetBufferParameteri(GL_COPY_WRITE_BUFFER, GL_BUFFER_SIZE)
            : glGetBufferParameteri64(GL_COPY_WRITE_BUFFER, GL_BUFFER_SIZE);
    if (made != size) {
      glDeleteBuffers(buffer);
      throw new IllegalStateException(
          "glBufferData("
              + size
              + " bytes) made a buffer object of "
              + made
              + " bytes: the driver cannot allocate it (out of memory, or past its largest buffer)");
    }
    return buffer;
  }

  /** The buffer object's name, which {@link #enlarge} changes. */
  int name() {
    return name;
  }

  /** The size in bytes. */
  long size() {
    return size;
  }

  /**
   * Replaces the buffer object by one of {@code newSize} bytes holding the old one's first {@code
   * keep} bytes, and deletes the old one.
   */
  void enlarge(long newSize, long keep) {
    int larger = newBuffer(newSize, usage);
    if (keep > 0) {
      glBindBuffer(GL_COPY_READ_BUFFER, name);
      glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, keep);
    }
    glDeleteBuffers(name);
    name = larger;
    size = newSize;
  }

  /**
   * Copies {@code bytes} bytes from {@code from} to {@code to} with the result of {@link
   * System#arraycopy}, whether or not the ranges overlap.
   */
  void move(long from, long to, long bytes) {
    if (bytes == 0 || from == to) {
      return;
    }
    if (Math.abs(from - to) >= bytes) {
      copy(name, from, name, to, bytes);
      return;
    }
    if (scratchSize < bytes && !scratchFor(bytes)) {
      moveInSteps(from, to, bytes);
      return;
    }
    copy(name, from, scratch, 0, bytes);
    copy(scratch, 0, name, to, bytes);
  }

  /**
   * Replaces the scratch buffer by one of at least {@code bytes}; returns false, the old one kept,
   * when the driver cannot make it. The larger one is made before the old one is deleted, so that a
   * failure leaves the old one in place and named by the fields.
   */
  private boolean scratchFor(long bytes) {
    long largerSize = Math.max(bytes, Math.min(scratchSize * 2, size));
    int larger;
    try {
      if (scratchesBeforeFailure >= 0 && scratchesBeforeFailure-- == 0) {
        throw new IllegalStateException("scratch buffer refused by a test");
      }
      larger = newBuffer(largerSize, usage);
    } catch (IllegalStateException e) {
      return false;
    }
    if (scratch != 0) {
      glDeleteBuffers(scratch);
    }
    scratch = larger;
    scratchSize = largerSize;
    return true;
  }

  /** An overlapping move without a scratch buffer (see the design comment). */
  private void moveInSteps(long from, long to, long bytes) {
    long step = Math.abs(from - to);
    if (to < from) {
      for (long done = 0; done < bytes; done += step) {
        copy(name, from + done, name, to + done, Math.min(step, bytes - done));
      }
    } else {
      for (long left = bytes; left > 0; left -= step) {
        long length = Math.min(step, left);
        copy(name, from + left - length, name, to + left - length, length);
      }
    }
  }

  private static void copy(int source, long from, int target, long to, long bytes) {
    glBindBuffer(GL_COPY_READ_BUFFER, source);
    glBindBuffer(GL_COPY_WRITE_BUFFER, target);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, from, to, bytes);
  }

  /** Writes {@code data}'s remaining bytes at {@code offset} with {@code glBufferSubData}. */
  void write(long offset, ByteBuffer data) {
    glBindBuffer(GL_COPY_WRITE_BUFFER, name);
    glBufferSubData(GL_COPY_WRITE_BUFFER, offset, data);
  }

  /** Writes {@code data}'s remaining floats at {@code offset} with {@code glBufferSubData}. */
  void write(long offset, FloatBuffer data) {
    glBindBuffer(GL_COPY_WRITE_BUFFER, name);
    glBufferSubData(GL_COPY_WRITE_BUFFER, offset, data);
  }

  /** Reads {@code into.remaining()} bytes at {@code offset} with {@code glGetBufferSubData}. */
  void read(long offset, ByteBuffer into) {
    glBindBuffer(GL_COPY_READ_BUFFER, name);
    glGetBufferSubData(GL_COPY_READ_BUFFER, offset, into);
  }

  /** Deletes the buffer object and the scratch buffer. */
  @Override
  public void close() {
    glDeleteBuffers(name);
    if (scratch != 0) {
      glDeleteBuffers(scratch);
    }
    name = 0;
    scratch = 0;
    scratchSize = 0;
  }
}
