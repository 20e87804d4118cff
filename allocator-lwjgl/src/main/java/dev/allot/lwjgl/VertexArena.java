package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL14.glMultiDrawArrays;
import static org.lwjgl.opengl.GL15.GL_DYNAMIC_DRAW;
import static org.lwjgl.opengl.GL43.glBindVertexBuffer;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.BufferUtils;

/**
 * Many vertex ranges in one OpenGL buffer object, placed by an Allot allocator in vertex units, and
 * drawn with one {@code glMultiDrawArrays}: the vertex domain of pyglet, for LWJGL.
 *
 * <pre>{@code
 * try (VertexArena arena = new VertexArena(Allocators.create("first-fit", 4096), 12,
 *     GrowthPolicy.doubling())) {
 *   VertexRange quad = arena.allocate(6);
 *   arena.upload(quad, vertices);          // glBufferSubData at quad.getFirst() * 12
 *   arena.resize(quad, 12);                // may move it; quad.getFirst() follows
 *   arena.bindVertexBuffer(0);             // with your vertex array object bound
 *   arena.draw(GL_TRIANGLES);              // every live range, one call
 *   arena.free(quad);
 * }
 * }</pre>
 *
 * <p>When a range does not fit, the arena grows as the allocator's {@link GrowthPolicy} says: a new
 * buffer object, the live bytes copied into it with {@code glCopyBufferSubData}, the old one
 * deleted. {@link #getBuffer()} then names the new object, so bind it again before drawing ({@link
 * #bindVertexBuffer} does, cheaply, every frame). When {@link #resize} moves a range, its bytes are
 * moved on the GPU and {@link VertexRange#getFirst()} follows. Ranges of 0 vertices are allowed and
 * draw nothing.
 *
 * <p>Bad input ({@code IllegalArgumentException}, naming the call and its values) and a growth that
 * fails leave the arena as it was. Calls use the thread's current OpenGL context (3.1 or later, 4.3
 * for {@link #bindVertexBuffer}); they bind the arena's buffers to {@code GL_COPY_READ_BUFFER} and
 * {@code GL_COPY_WRITE_BUFFER} only. Not thread-safe, like OpenGL contexts.
 *
 * <p>Every call but the getters, the constructors and {@link #close()} included, checks first that
 * LWJGL has capabilities set on this thread, as it has where a context is current: from another
 * thread the call throws {@code IllegalStateException} and changes nothing, where LWJGL itself
 * would abort the JVM.
 */
/*
 * Draw arrays. Slot i of the direct IntBuffers firsts and counts holds the first vertex and count of
 * the range in slot i of the LiveList; allocate appends, free moves the last range into the freed
 * slot, resize rewrites one slot, so each call is O(1) and draw() only sets the buffers' limit to
 * the live count and passes them to glMultiDrawArrays: no garbage and no copying per frame. The
 * buffers double when full and never shrink.
 *
 * @since 0.1.0
 */
public final class VertexArena implements AutoCloseable {

  private static final int INITIAL_SLOTS = 16;

  private final int stride;
  private final ArenaStorage storage;
  private final LiveList<VertexRange> ranges = new LiveList<>((range, slot) -> range.slot = slot);
  private IntBuffer firsts = BufferUtils.createIntBuffer(INITIAL_SLOTS);
  private IntBuffer counts = BufferUtils.createIntBuffer(INITIAL_SLOTS);
  private boolean closed;

  /**
   * Creates an arena of the strategy the classpath picks ({@link Allocators#create(long)}), growing
   * by {@link GrowthPolicy#doubling()}.
   *
   * @param stride bytes per vertex, {@code >= 1}
   * @param initialVertices the initial capacity in vertices, {@code >= 0}
   * @throws IllegalArgumentException if a number is out of range
   * @throws IllegalStateException if this thread has no current context, or OpenGL cannot make a
   *     buffer object of that size
   */
  public VertexArena(int stride, int initialVertices) {
    this(
        Allocators.create(requireInitial(stride, initialVertices)),
        stride,
        GrowthPolicy.doubling());
  }

  /**
   * Creates an arena over an empty allocator whose capacity is the initial size in vertices.
   *
   * @param allocator an empty allocator, used by the arena only from now on
   * @param stride bytes per vertex, {@code >= 1}
   * @param policy picks the capacity to grow to, as in {@link Allocators#growing}
   * @throws IllegalArgumentException if {@code stride < 1}, or the allocator is not empty or has a
   *     capacity above {@link Integer#MAX_VALUE}
   * @throws IllegalStateException if this thread has no current context, or OpenGL cannot make a
   *     buffer object of that size
   */
  public VertexArena(Allocator allocator, int stride, GrowthPolicy policy) {
    if (stride < 1) {
      throw new IllegalArgumentException(
          "VertexArena(" + allocator + ", stride=" + stride + "): stride must be >= 1");
    }
    this.stride = stride;
    this.storage =
        new ArenaStorage(
            "VertexArena", allocator, policy, stride, Integer.MAX_VALUE, GL_DYNAMIC_DRAW);
  }

  private static int requireInitial(int stride, int initialVertices) {
    if (stride < 1 || initialVertices < 0) {
      throw new IllegalArgumentException(
          "VertexArena(stride="
              + stride
              + ", initialVertices="
              + initialVertices
              + "): stride must be >= 1 and initialVertices >= 0");
    }
    return initialVertices;
  }

  /**
   * Allocates a range of {@code count} vertices, growing the buffer if needed. Its contents are
   * undefined until uploaded.
   *
   * @param count the number of vertices, {@code >= 0}
   * @return the live range
   * @throws IllegalArgumentException if {@code count} is negative
   * @throws IllegalStateException if the arena is closed, this thread has no current context, would
   *     need more than {@link Integer#MAX_VALUE} vertices, or OpenGL cannot make the larger buffer
   *     object; the arena is then as it was
   */
  public VertexRange allocate(int count) {
    requireOpen("allocate");
    if (count < 0) {
      throw new IllegalArgumentException("allocate(" + count + "): negative vertex count");
    }
    // Every array the new handle takes is made before the allocator takes its space (the handle
    // object itself is allocated before its arguments are evaluated): short of heap or direct
    // memory, the call fails with the arena as it was.
    ranges.reserve();
    if (ranges.size() == firsts.capacity()) {
      IntBuffer largerFirsts = larger(firsts);
      IntBuffer largerCounts = larger(counts);
      firsts = largerFirsts;
      counts = largerCounts;
    }
    VertexRange range = new VertexRange(this, (int) storage.alloc(count, 1), count);
    ranges.add(range);
    store(range);
    return range;
  }

  private static IntBuffer larger(IntBuffer slots) {
    IntBuffer larger = BufferUtils.createIntBuffer(slots.capacity() * 2);
    larger.put(slots.clear()).clear();
    return larger;
  }

  /** Writes a range's first and count into its slot of the draw arrays. */
  private void store(VertexRange range) {
    firsts.put(range.slot, range.first);
    counts.put(range.slot, range.count);
  }

  /**
   * Changes a range's length, keeping its first {@code min(count, newCount)} vertices. The range
   * grows in place where the allocator allows; otherwise it moves (its bytes are copied on the GPU)
   * and {@link VertexRange#getFirst()} changes. Resizing to 0 keeps the range live and empty.
   *
   * @param range a live range of this arena
   * @param newCount the new number of vertices, {@code >= 0}
   * @throws IllegalArgumentException if the range is freed or of another arena, or {@code newCount}
   *     is negative
   * @throws IllegalStateException if the arena is closed, this thread has no current context, would
   *     need more than {@link Integer#MAX_VALUE} vertices, or OpenGL cannot make the larger buffer
   *     object; the arena is then as it was
   */
  public void resize(VertexRange range, int newCount) {
    requireLive(range, "resize", newCount);
    if (newCount < 0) {
      throw new IllegalArgumentException(
          "resize(" + range + ", " + newCount + "): negative vertex count");
    }
    range.first = (int) storage.realloc(range.first, range.count, newCount, 1);
    range.count = newCount;
    store(range);
  }

  /**
   * Frees a range; the handle is dead afterwards.
   *
   * @param range a live range of this arena
   * @throws IllegalArgumentException if the range is already freed or of another arena
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void free(VertexRange range) {
    requireLive(range, "free", 0);
    storage.dealloc(range.first, range.count);
    VertexRange moved = ranges.remove(range.slot);
    if (moved != null) {
      store(moved);
    }
  }

  /**
   * Gives fragmented free space back by sliding ranges down, copying their vertices on the GPU
   * (overlapping copies through a scratch buffer), spending at most {@code budget} moved vertices:
   * call it once a frame with a fixed budget, or {@link #compact()} at a loading screen. Every live
   * range's {@link VertexRange#getFirst()} follows its move; the draw arrays too.
   *
   * @param budget the vertices this call may move, {@code >= 0}; a call with work left always makes
   *     one move, however large
   * @return what the call did: {@link CompactionPlan#isComplete()} tells whether work is left
   * @throws IllegalArgumentException if {@code budget} is negative
   * @throws dev.allot.UnsupportedCompactionException if the strategy cannot compact
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public CompactionPlan compact(long budget) {
    requireOpen("compact");
    return storage.compact(budget, 1, ranges.size(), this::translate);
  }

  /** Moves every live range's first, and its draw array entry, where the plan put its vertices. */
  private void translate(CompactionPlan plan) {
    for (int slot = 0; slot < ranges.size(); slot++) {
      VertexRange range = ranges.get(slot);
      if (range.count > 0) {
        range.first = (int) plan.translate(range.first);
        store(range);
      }
    }
  }

  /**
   * Compacts fully: afterwards the live vertices are one run from vertex 0.
   *
   * @return what the call did
   * @throws dev.allot.UnsupportedCompactionException if the strategy cannot compact
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public CompactionPlan compact() {
    return compact(Long.MAX_VALUE);
  }

  /**
   * Uploads {@code data}'s remaining bytes to the start of a range with {@code glBufferSubData}.
   * The buffer's position is left as it was.
   *
   * @param range a live range of this arena
   * @param data at most {@code range.getCount() * getStride()} bytes
   * @throws IllegalArgumentException if the range is freed or of another arena, the buffer is not
   *     direct, or the data does not fit in it
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void upload(VertexRange range, ByteBuffer data) {
    upload(range, 0, data);
  }

  /**
   * Uploads {@code data}'s remaining bytes to a range from vertex {@code vertexOffset} on.
   *
   * @param range a live range of this arena
   * @param vertexOffset the first vertex of the range to write, {@code 0..count}
   * @param data at most {@code (range.getCount() - vertexOffset) * getStride()} bytes
   * @throws IllegalArgumentException if the range is freed or of another arena, the buffer is not
   *     direct, or the data does not fit from that vertex
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void upload(VertexRange range, int vertexOffset, ByteBuffer data) {
    storage.write(requireFits("upload", range, vertexOffset, data, data.remaining()), data);
  }

  /**
   * Uploads {@code data}'s remaining floats to a range from vertex {@code vertexOffset} on.
   *
   * @param range a live range of this arena
   * @param vertexOffset the first vertex of the range to write, {@code 0..count}
   * @param data at most {@code (range.getCount() - vertexOffset) * getStride() / 4} floats, direct
   *     and in the native byte order
   * @throws IllegalArgumentException if the range is freed or of another arena, the buffer is not
   *     direct or not in the native byte order, or the data does not fit from that vertex
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void upload(VertexRange range, int vertexOffset, FloatBuffer data) {
    storage.write(
        requireFits("upload", range, vertexOffset, data, (long) data.remaining() * Float.BYTES),
        data);
  }

  /**
   * Reads a range's bytes back with {@code glGetBufferSubData}, {@code into.remaining()} of them
   * from vertex {@code vertexOffset} on; for tests and debugging, since it waits for the GPU.
   *
   * @param range a live range of this arena
   * @param vertexOffset the first vertex of the range to read, {@code 0..count}
   * @param into receives the bytes; its position is left as it was
   * @throws IllegalArgumentException if the range is freed or of another arena, {@code into} is not
   *     direct or is read-only, or the read passes the range's end
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void download(VertexRange range, int vertexOffset, ByteBuffer into) {
    storage.read(requireFits("download", range, vertexOffset, into, into.remaining()), into);
  }

  /** Checks a transfer of {@code bytes} bytes into a range and returns its first vertex. */
  private long requireFits(
      String call, VertexRange range, int vertexOffset, Buffer data, long bytes) {
    requireLive(range, call, vertexOffset);
    String problem = ArenaStorage.nativeProblem(data, call.equals("download"));
    if (problem != null) {
      throw new IllegalArgumentException(
          call + "(" + range + ", " + vertexOffset + ", " + data + "): " + problem);
    }
    if (vertexOffset < 0
        || vertexOffset > range.count
        || bytes > (long) (range.count - vertexOffset) * stride) {
      throw new IllegalArgumentException(
          call
              + "("
              + range
              + ", "
              + vertexOffset
              + ", "
              + data
              + "): "
              + bytes
              + " bytes from vertex "
              + vertexOffset
              + " do not fit in "
              + range.count
              + " vertices of "
              + stride
              + " bytes");
    }
    return (long) range.first + vertexOffset;
  }

  /**
   * Draws every live range with one {@code glMultiDrawArrays(mode, firsts, counts)}. The vertex
   * array object that reads this arena's buffer must be bound ({@link #bindVertexBuffer}).
   *
   * @param mode the primitive, e.g. {@code GL_TRIANGLES}
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void draw(int mode) {
    requireOpen("draw");
    int live = ranges.size();
    if (live == 0) {
      return;
    }
    firsts.limit(live);
    counts.limit(live);
    glMultiDrawArrays(mode, firsts, counts);
    firsts.clear();
    counts.clear();
  }

  /**
   * Binds the arena's current buffer object to a vertex buffer binding point of the bound vertex
   * array object, at offset 0 with this arena's stride ({@code glBindVertexBuffer}, OpenGL 4.3).
   * Call it after growth, or simply before each draw.
   *
   * @param bindingIndex the binding point that the vertex attributes read, e.g. 0
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void bindVertexBuffer(int bindingIndex) {
    requireOpen("bindVertexBuffer");
    glBindVertexBuffer(bindingIndex, storage.bufferName(), 0, stride);
  }

  /** Refuses a call on a closed or unusable arena, or from a thread without the context. */
  private void requireOpen(String call) {
    if (closed) {
      throw new IllegalStateException("VertexArena is closed");
    }
    storage.requireIntact();
    GpuBuffer.requireCurrentContext("VertexArena", call);
  }

  private void requireLive(VertexRange range, String call, int argument) {
    requireOpen(call);
    if (range.arena != this || !range.isLive()) {
      throw new IllegalArgumentException(
          call
              + "("
              + range
              + ", "
              + argument
              + "): "
              + (range.arena != this
                  ? "the range belongs to another arena"
                  : "the range is freed"));
    }
  }

  /**
   * Returns the name of the buffer object that holds the vertices; it changes when the arena grows.
   *
   * @return the buffer object
   */
  public int getBuffer() {
    return storage.bufferName();
  }

  /**
   * Returns the bytes per vertex.
   *
   * @return the stride
   */
  public int getStride() {
    return stride;
  }

  /**
   * Returns the number of vertices the buffer holds.
   *
   * @return the capacity in vertices
   */
  public int getCapacity() {
    return (int) storage.allocator().getCapacity();
  }

  /**
   * Returns the number of live ranges, the draw count of {@link #draw}.
   *
   * @return the live range count
   */
  public int getRangeCount() {
    return ranges.size();
  }

  /**
   * Returns the used share of the capacity.
   *
   * @return usage in {@code [0, 1]}
   */
  public double getUsage() {
    return storage.allocator().getUsage();
  }

  /**
   * Returns the share of free vertices lying in holes rather than at the end.
   *
   * @return fragmentation in {@code [0, 1]}
   */
  public double getFragmentation() {
    return storage.allocator().getFragmentation();
  }

  /**
   * Returns how many times the buffer object was replaced by a larger one.
   *
   * @return the growth count
   */
  public long getGrowths() {
    return storage.growths();
  }

  /**
   * Returns how many times a range's bytes were moved on the GPU.
   *
   * @return the relocation count
   */
  public long getRelocations() {
    return storage.relocations();
  }

  /**
   * Returns the allocation strategy's name.
   *
   * @return e.g. {@code first-fit}
   */
  public String getStrategyName() {
    return storage.allocator().getStrategyName();
  }

  /**
   * Deletes the buffer objects; every range is dead afterwards. Closing twice does nothing.
   *
   * @throws IllegalStateException if this thread has no current context; the arena stays open
   */
  @Override
  public void close() {
    if (!closed) {
      GpuBuffer.requireCurrentContext("VertexArena", "close");
      closed = true;
      ranges.clear();
      storage.close();
    }
  }

  @Override
  public String toString() {
    return "VertexArena["
        + getStrategyName()
        + ", stride="
        + stride
        + ", ranges="
        + getRangeCount()
        + ", capacity="
        + getCapacity()
        + " vertices]";
  }
}
