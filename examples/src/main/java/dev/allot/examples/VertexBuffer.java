package dev.allot.examples;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A buffer of 3D vertices in one direct {@link ByteBuffer}, sub-allocated by a {@linkplain
 * Allocators#growing growing} first-fit allocator: the shape of pyglet's vertex domain, where many
 * vertex lists share one GPU buffer.
 *
 * <pre>
 * index:   0        1        2        3   ...   capacity
 * bytes:   [x y z ] [x y z ] [x y z ] [x y z ]   12 bytes a vertex
 *          |-- list A --|    |-- list B ...
 * </pre>
 *
 * <p>The allocator counts vertices; its two listeners keep the bytes in step: on growth it copies
 * the buffer into a larger one (doubling, so {@code n} vertices added one by one cost {@code log2
 * n} copies), on relocation it moves the list's bytes to the new start. A vertex list is named by
 * its start, which changes when {@link #resize} moves it.
 *
 * <p>Not thread-safe.
 */
public final class VertexBuffer {

  /** Floats in one vertex: x, y, z. */
  public static final int FLOATS_PER_VERTEX = 3;

  /** Bytes in one vertex. */
  private static final int VERTEX_BYTES = FLOATS_PER_VERTEX * Float.BYTES;

  private final Allocator allocator;
  private ByteBuffer bytes;
  private int growths;
  private int relocations;

  /**
   * Creates a buffer with room for {@code initialVertices} vertices.
   *
   * @param initialVertices the initial capacity, {@code >= 0}
   */
  public VertexBuffer(int initialVertices) {
    bytes = ByteBuffer.allocateDirect(byteOffset(initialVertices)).order(ByteOrder.nativeOrder());
    allocator =
        Allocators.growing(
            Allocators.create("first-fit", initialVertices),
            GrowthPolicy.doubling(),
            this::enlarge,
            this::moveVertices);
  }

  /**
   * Copies the bytes into a larger buffer before the allocator's capacity rises; the only code that
   * replaces {@link #bytes}.
   */
  private void enlarge(long oldCapacity, long newCapacity) {
    // A ByteBuffer holds at most Integer.MAX_VALUE bytes; refusing here leaves the allocator as it
    // was.
    if (newCapacity > Integer.MAX_VALUE / VERTEX_BYTES) {
      throw new IllegalStateException("a ByteBuffer cannot hold " + newCapacity + " vertices");
    }
    ByteBuffer larger =
        ByteBuffer.allocateDirect(byteOffset(newCapacity)).order(ByteOrder.nativeOrder());
    larger.put(bytes.duplicate().clear());
    bytes = larger;
    growths++;
  }

  /** Moves a relocated list's bytes to its new start. */
  private void moveVertices(long oldStart, long newStart, long size) {
    ByteBuffer from =
        bytes.duplicate().limit(byteOffset(oldStart + size)).position(byteOffset(oldStart));
    // put(ByteBuffer) copies as if through a temporary buffer, so overlapping ranges are safe.
    bytes.duplicate().position(byteOffset(newStart)).put(from);
    relocations++;
  }

  private static int byteOffset(long vertex) {
    return Math.toIntExact(vertex * VERTEX_BYTES);
  }

  /**
   * Adds a vertex list, growing the buffer if needed.
   *
   * @param xyz the coordinates, {@value #FLOATS_PER_VERTEX} floats a vertex
   * @return the start of the list, in vertices
   * @throws IllegalArgumentException if the length is not a multiple of {@value #FLOATS_PER_VERTEX}
   */
  public long add(float... xyz) {
    if (xyz.length % FLOATS_PER_VERTEX != 0) {
      throw new IllegalArgumentException(
          "add(" + xyz.length + " floats): not whole vertices of " + FLOATS_PER_VERTEX + " floats");
    }
    long start = allocator.alloc(xyz.length / FLOATS_PER_VERTEX);
    write(start, xyz);
    return start;
  }

  /**
   * Overwrites vertices of a list.
   *
   * @param start the first vertex to write
   * @param xyz the coordinates, whole vertices
   */
  public void write(long start, float[] xyz) {
    bytes
        .duplicate()
        .order(ByteOrder.nativeOrder())
        .position(byteOffset(start))
        .asFloatBuffer()
        .put(xyz);
  }

  /**
   * Reads vertices.
   *
   * @param start the first vertex
   * @param count how many vertices
   * @return their coordinates
   */
  public float[] read(long start, long count) {
    float[] xyz = new float[Math.toIntExact(count * FLOATS_PER_VERTEX)];
    bytes
        .duplicate()
        .order(ByteOrder.nativeOrder())
        .position(byteOffset(start))
        .asFloatBuffer()
        .get(xyz);
    return xyz;
  }

  /**
   * Changes the length of a list, keeping its first {@code min(count, newCount)} vertices; new
   * vertices read as whatever the buffer held there.
   *
   * @param start the list's start
   * @param count its length in vertices
   * @param newCount the new length
   * @return the list's start afterwards, which differs from {@code start} when it moved
   */
  public long resize(long start, long count, long newCount) {
    return allocator.realloc(start, count, newCount);
  }

  /**
   * Frees a list, or part of it.
   *
   * @param start the first vertex to free
   * @param count how many
   */
  public void remove(long start, long count) {
    allocator.dealloc(start, count);
  }

  /**
   * Returns the allocator, for its metrics.
   *
   * @return the growing allocator in vertices
   */
  public Allocator allocator() {
    return allocator;
  }

  /**
   * Returns how many times the byte buffer was replaced by a larger one.
   *
   * @return the growth count
   */
  public int growths() {
    return growths;
  }

  /**
   * Returns how many times a list's bytes were moved.
   *
   * @return the relocation count
   */
  public int relocations() {
    return relocations;
  }
}
