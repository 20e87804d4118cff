package dev.allot.lwjgl;

/**
 * A run of vertices in a {@link VertexArena}: {@link #getCount()} vertices from {@link
 * #getFirst()}, the numbers {@code glDrawArrays} takes. The arena updates both when it resizes or
 * moves the range, so hold the handle, not the numbers. Kotlin reads them as properties: {@code
 * range.first}, {@code range.count}, {@code range.isLive}.
 *
 * @since 0.1.0
 */
public final class VertexRange {

  final VertexArena arena;
  int first;
  int count;

  /** The range's slot in the arena's draw arrays; -1 once freed. */
  int slot = -1;

  VertexRange(VertexArena arena, int first, int count) {
    this.arena = arena;
    this.first = first;
    this.count = count;
  }

  /**
   * Returns the index of the range's first vertex in the arena's buffer.
   *
   * @return the first vertex; 0 for an empty range
   */
  public int getFirst() {
    return first;
  }

  /**
   * Returns the number of vertices.
   *
   * @return the vertex count, {@code >= 0}
   */
  public int getCount() {
    return count;
  }

  /**
   * Tells whether the range is still in its arena: not freed, and the arena not closed.
   *
   * @return {@code true} while the range can be used
   */
  public boolean isLive() {
    return slot >= 0;
  }

  @Override
  public String toString() {
    return "VertexRange[first=" + first + ", count=" + count + (isLive() ? "]" : ", freed]");
  }
}
