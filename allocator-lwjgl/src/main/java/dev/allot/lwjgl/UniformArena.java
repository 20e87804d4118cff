package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL11.glGetInteger;
import static org.lwjgl.opengl.GL15.GL_DYNAMIC_DRAW;
import static org.lwjgl.opengl.GL30.glBindBufferRange;
import static org.lwjgl.opengl.GL31.GL_UNIFORM_BUFFER;
import static org.lwjgl.opengl.GL31.GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.nio.ByteBuffer;

/**
 * Uniform blocks of many objects in one OpenGL buffer object, each starting at a multiple of {@code
 * GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT} as {@code glBindBufferRange} requires; placed by an Allot
 * allocator in bytes with {@link Allocator#alloc(long, long) aligned allocation}.
 *
 * <pre>{@code
 * try (UniformArena uniforms = new UniformArena(Allocators.create("best-fit", 65536),
 *     GrowthPolicy.doubling())) {
 *   UniformBlock material = uniforms.allocate(64);
 *   uniforms.upload(material, bytes);
 *   uniforms.bind(material, 1);           // glBindBufferRange(GL_UNIFORM_BUFFER, 1, ...)
 * }
 * }</pre>
 *
 * <p>Growth and moves work as in {@link VertexArena}: a larger buffer object with the live bytes
 * copied on the GPU, and a moved block's bytes copied to its new offset, which stays aligned. The
 * allocator's strategy must support alignment (first-fit and best-fit do). Bad input leaves the
 * arena as it was. Calls use the thread's current OpenGL context (3.1 or later). Not thread-safe.
 *
 * <p>Every call but the getters, the constructors and {@link #close()} included, checks first that
 * LWJGL has capabilities set on this thread, as it has where a context is current: from another
 * thread the call throws {@code IllegalStateException} and changes nothing, where LWJGL itself
 * would abort the JVM.
 *
 * @since 0.1.0
 */
public final class UniformArena implements AutoCloseable {

  private final int alignment;
  private final ArenaStorage storage;
  private final LiveList<UniformBlock> blocks = new LiveList<>((block, slot) -> block.slot = slot);
  private boolean closed;

  /**
   * Creates an arena of the strategy the classpath picks, growing by {@link
   * GrowthPolicy#doubling()}.
   *
   * @param initialBytes the initial size of the buffer in bytes, {@code >= 0}
   * @throws IllegalArgumentException if {@code initialBytes} is negative
   * @throws IllegalStateException if this thread has no current context, or OpenGL cannot make a
   *     buffer object of that size
   */
  public UniformArena(int initialBytes) {
    this(Allocators.create(initialBytes), GrowthPolicy.doubling());
  }

  /**
   * Creates an arena over an empty allocator whose capacity is the initial size in bytes; the
   * alignment is read from the current context.
   *
   * @param allocator an empty allocator, used by the arena only from now on
   * @param policy picks the capacity to grow to
   * @throws IllegalArgumentException if the allocator is not empty
   * @throws IllegalStateException if this thread has no current context, or OpenGL cannot make a
   *     buffer object of that size
   */
  public UniformArena(Allocator allocator, GrowthPolicy policy) {
    GpuBuffer.requireCurrentContextToCreate("UniformArena");
    this.alignment = glGetInteger(GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT);
    this.storage =
        new ArenaStorage("UniformArena", allocator, policy, 1, Long.MAX_VALUE, GL_DYNAMIC_DRAW);
  }

  /**
   * Allocates a block of {@code size} bytes at an aligned offset, growing the buffer if needed. Its
   * contents are undefined until uploaded.
   *
   * @param size the size in bytes, {@code >= 0}
   * @return the live block
   * @throws IllegalArgumentException if {@code size} is negative
   * @throws IllegalStateException if the arena is closed, this thread has no current context, or
   *     OpenGL cannot make the larger buffer object; the arena is then as it was
   */
  public UniformBlock allocate(int size) {
    requireOpen("allocate");
    if (size < 0) {
      throw new IllegalArgumentException("allocate(" + size + "): negative size");
    }
    blocks.reserve(); // before the allocator takes the space: see VertexArena.allocate
    UniformBlock block = new UniformBlock(this, storage.alloc(size, alignment), size);
    blocks.add(block);
    return block;
  }

  /**
   * Changes a block's size, keeping its first {@code min(size, newSize)} bytes; it may move to
   * another aligned offset, its bytes copied on the GPU.
   *
   * @param block a live block of this arena
   * @param newSize the new size in bytes, {@code >= 0}
   * @throws IllegalArgumentException if the block is freed or of another arena, or {@code newSize}
   *     is negative
   * @throws IllegalStateException if the arena is closed, this thread has no current context, or
   *     OpenGL cannot make the larger buffer object; the arena is then as it was
   */
  public void resize(UniformBlock block, int newSize) {
    requireLive(block, "resize", newSize);
    if (newSize < 0) {
      throw new IllegalArgumentException("resize(" + block + ", " + newSize + "): negative size");
    }
    block.offset = storage.realloc(block.offset, block.size, newSize, alignment);
    block.size = newSize;
  }

  /**
   * Frees a block; the handle is dead afterwards.
   *
   * @param block a live block of this arena
   * @throws IllegalArgumentException if the block is already freed or of another arena
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void free(UniformBlock block) {
    requireLive(block, "free", 0);
    storage.dealloc(block.offset, block.size);
    blocks.remove(block.slot);
  }

  /**
   * Gives fragmented free space back by moving blocks down by multiples of the alignment (so every
   * offset stays aligned), copying their bytes on the GPU, spending at most {@code budget} moved
   * bytes. Every live block's {@link UniformBlock#getOffset()} follows its move.
   *
   * @param budget the bytes this call may move, {@code >= 0}; a call with work left always makes
   *     one move
   * @return what the call did: {@link CompactionPlan#isComplete()} tells whether work is left
   * @throws IllegalArgumentException if {@code budget} is negative
   * @throws dev.allot.UnsupportedCompactionException if the strategy cannot compact
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public CompactionPlan compact(long budget) {
    requireOpen("compact");
    return storage.compact(budget, alignment, blocks.size(), this::translate);
  }

  /** Moves every live block's offset where the plan put its bytes. */
  private void translate(CompactionPlan plan) {
    for (int slot = 0; slot < blocks.size(); slot++) {
      UniformBlock block = blocks.get(slot);
      if (block.size > 0) {
        block.offset = plan.translate(block.offset);
      }
    }
  }

  /**
   * Uploads {@code data}'s remaining bytes to the start of a block with {@code glBufferSubData}.
   *
   * @param block a live block of this arena
   * @param data at most {@code block.getSize()} bytes; its position is left as it was
   * @throws IllegalArgumentException if the block is freed or of another arena, the buffer is not
   *     direct, or the data does not fit
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void upload(UniformBlock block, ByteBuffer data) {
    storage.write(requireFits("upload", block, data), data);
  }

  /**
   * Reads {@code into.remaining()} bytes from the start of a block with {@code glGetBufferSubData}.
   *
   * @param block a live block of this arena
   * @param into receives at most {@code block.getSize()} bytes; its position is left as it was
   * @throws IllegalArgumentException if the block is freed or of another arena, {@code into} is not
   *     direct or is read-only, or the read passes its end
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void download(UniformBlock block, ByteBuffer into) {
    storage.read(requireFits("download", block, into), into);
  }

  private long requireFits(String call, UniformBlock block, ByteBuffer data) {
    requireLive(block, call, data.remaining());
    String problem = ArenaStorage.nativeProblem(data, call.equals("download"));
    if (problem != null) {
      throw new IllegalArgumentException(call + "(" + block + ", " + data + "): " + problem);
    }
    if (data.remaining() > block.size) {
      throw new IllegalArgumentException(
          call + "(" + block + ", " + data + "): " + data.remaining() + " bytes do not fit");
    }
    return block.offset;
  }

  /**
   * Binds a block to a uniform buffer binding point: {@code glBindBufferRange(GL_UNIFORM_BUFFER,
   * bindingIndex, getBuffer(), offset, size)}.
   *
   * @param block a live, non-empty block of this arena
   * @param bindingIndex the binding point the shader's uniform block reads
   * @throws IllegalArgumentException if the block is freed, of another arena, or empty (OpenGL
   *     rejects a range of 0 bytes)
   * @throws IllegalStateException if the arena is closed or this thread has no current context
   */
  public void bind(UniformBlock block, int bindingIndex) {
    requireLive(block, "bind", bindingIndex);
    if (block.size == 0) {
      throw new IllegalArgumentException(
          "bind(" + block + ", " + bindingIndex + "): an empty block cannot be bound");
    }
    glBindBufferRange(
        GL_UNIFORM_BUFFER, bindingIndex, storage.bufferName(), block.offset, block.size);
  }

  /** Refuses a call on a closed or unusable arena, or from a thread without the context. */
  private void requireOpen(String call) {
    if (closed) {
      throw new IllegalStateException("UniformArena is closed");
    }
    storage.requireIntact();
    GpuBuffer.requireCurrentContext("UniformArena", call);
  }

  private void requireLive(UniformBlock block, String call, long argument) {
    requireOpen(call);
    if (block.arena != this || !block.isLive()) {
      throw new IllegalArgumentException(
          call
              + "("
              + block
              + ", "
              + argument
              + "): "
              + (block.arena != this
                  ? "the block belongs to another arena"
                  : "the block is freed"));
    }
  }

  /**
   * Returns the alignment of every block's offset, {@code GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT}.
   *
   * @return the alignment in bytes
   */
  public int getAlignment() {
    return alignment;
  }

  /**
   * Returns the name of the buffer object; it changes when the arena grows.
   *
   * @return the buffer object
   */
  public int getBuffer() {
    return storage.bufferName();
  }

  /**
   * Returns the size of the buffer in bytes.
   *
   * @return the capacity
   */
  public long getCapacity() {
    return storage.allocator().getCapacity();
  }

  /**
   * Returns the number of live blocks.
   *
   * @return the block count
   */
  public int getBlockCount() {
    return blocks.size();
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
   * Returns how many times a block's bytes were moved on the GPU.
   *
   * @return the relocation count
   */
  public long getRelocations() {
    return storage.relocations();
  }

  /**
   * Deletes the buffer objects; every block is dead afterwards. Closing twice does nothing.
   *
   * @throws IllegalStateException if this thread has no current context; the arena stays open
   */
  @Override
  public void close() {
    if (!closed) {
      GpuBuffer.requireCurrentContext("UniformArena", "close");
      closed = true;
      blocks.clear();
      storage.close();
    }
  }
}
