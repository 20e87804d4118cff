package dev.allot.lwjgl;

/**
 * A block of bytes in a {@link UniformArena}, starting at an offset aligned to {@code
 * GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT}: the offset and size {@code glBindBufferRange} takes. The
 * arena updates both when it resizes or moves the block, so hold the handle, not the numbers.
 * Kotlin reads them as properties: {@code block.offset}, {@code block.size}, {@code block.isLive}.
 *
 * @since 0.1.0
 */
public final class UniformBlock {

  final UniformArena arena;
  long offset;
  int size;

  /** The block's slot among the arena's live blocks; -1 once freed. */
  int slot = -1;

  UniformBlock(UniformArena arena, long offset, int size) {
    this.arena = arena;
    this.offset = offset;
    this.size = size;
  }

  /**
   * Returns the byte offset of the block in the arena's buffer, a multiple of the arena's
   * alignment.
   *
   * @return the offset; 0 for an empty block
   */
  public long getOffset() {
    return offset;
  }

  /**
   * Returns the block's size in bytes.
   *
   * @return the size, {@code >= 0}
   */
  public int getSize() {
    return size;
  }

  /**
   * Tells whether the block is still in its arena: not freed, and the arena not closed.
   *
   * @return {@code true} while the block can be used
   */
  public boolean isLive() {
    return slot >= 0;
  }

  @Override
  public String toString() {
    return "UniformBlock[offset=" + offset + ", size=" + size + (isLive() ? "]" : ", freed]");
  }
}
