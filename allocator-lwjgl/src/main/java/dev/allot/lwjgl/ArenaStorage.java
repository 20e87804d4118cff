package dev.allot.lwjgl;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import dev.allot.Region;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What both arenas share: a {@link GpuBuffer} kept in step with a {@linkplain Allocators#growing
 * growing} allocator, in units of {@code unitBytes} bytes (a vertex, or a byte). The allocator's
 * capacity listener enlarges the buffer object before the capacity rises, and its relocation
 * listener moves a relocated range's bytes on the GPU, so the allocator and the buffer never
 * disagree. Compaction asks the undecorated allocator for a plan and copies its moves on the GPU in
 * plan order, so it does not depend on the decorator passing compaction on. The arenas own the
 * handles; this class knows only starts and sizes.
 */
final class ArenaStorage implements AutoCloseable {

  private final String owner;
  private final long unitBytes;
  private final long maxUnits;
  private final GpuBuffer buffer;
  private final Allocator raw;
  private final Allocator allocator;
  private long growths;
  private long relocations;

  /**
   * Creates the buffer object at the allocator's capacity and wraps the allocator.
   *
   * @param owner the arena's class name, for messages
   * @param empty an empty allocator; its capacity is the initial size in units
   * @param policy picks the capacity to grow to
   * @param unitBytes bytes in one unit, {@code >= 1}
   * @param maxUnits the largest capacity the arena can address
   * @param usage the buffer object's usage hint
   */
  ArenaStorage(
      String owner,
      Allocator empty,
      GrowthPolicy policy,
      long unitBytes,
      long maxUnits,
      int usage) {
    this.owner = owner;
    this.unitBytes = unitBytes;
    this.maxUnits = maxUnits;
    if (!empty.isEmpty() || empty.getCapacity() > maxUnits) {
      throw new IllegalArgumentException(
          owner
              + "("
              + empty
              + "): the allocator must be empty with capacity <= "
              + maxUnits
              + ", it has "
              + empty.getAllocatedRegions().size()
              + " blocks and capacity "
              + empty.getCapacity());
    }
    this.buffer = new GpuBuffer(empty.getCapacity() * unitBytes, usage);
    this.raw = empty;
    this.allocator = Allocators.growing(empty, policy, this::enlarge, this::relocate);
  }

  /** The capacity listener: a larger buffer object holding the live bytes, before the rise. */
  private void enlarge(long oldCapacity, long newCapacity) {
    if (newCapacity > maxUnits) {
      throw new IllegalStateException(
          owner + " cannot grow to " + newCapacity + " units; at most " + maxUnits);
    }
    buffer.enlarge(newCapacity * unitBytes, liveEnd() * unitBytes);
    growths++;
  }

  /** The relocation listener: the range's bytes follow it, overlapping or not. */
  private void relocate(long oldStart, long newStart, long size) {
    buffer.move(oldStart * unitBytes, newStart * unitBytes, size * unitBytes);
    relocations++;
  }

  /** The end of the last allocated block: everything past it is free and need not be copied. */
  private long liveEnd() {
    List<Region> blocks = allocator.getAllocatedRegions();
    return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).end();
  }

  long alloc(long size, long alignment) {
    return allocator.alloc(size, alignment);
  }

  long realloc(long start, long size, long newSize, long alignment) {
    return allocator.realloc(start, size, newSize, alignment);
  }

  void dealloc(long start, long size) {
    allocator.dealloc(start, size);
  }

  /**
   * Compacts the allocator and copies the plan's moves on the GPU, in order; an overlapping move
   * (the plan's {@link CompactionMove#overlapping()}) goes through the scratch buffer. The caller
   * then translates the starts it holds.
   */
  CompactionPlan compact(long budget, long granularity) {
    CompactionPlan plan = raw.compact(budget, granularity);
    for (CompactionMove move : plan.moves()) {
      buffer.move(move.from() * unitBytes, move.to() * unitBytes, move.size() * unitBytes);
    }
    return plan;
  }

  /**
   * Tells why OpenGL cannot read a buffer's memory (or write it, for a download): LWJGL passes a
   * buffer's address to the driver unchecked, and a heap buffer's is no native pointer (the driver
   * read or wrote through it and the JVM died with SIGSEGV), while a read-only buffer's memory must
   * not be written. The arenas build their message only when this is not null, so an upload
   * allocates nothing.
   *
   * @param data the buffer to transfer
   * @param written whether OpenGL writes into it (a download)
   * @return the reason to refuse the buffer, or null when it can be passed to OpenGL
   */
  static @Nullable String nativeProblem(Buffer data, boolean written) {
    if (!data.isDirect()) {
      return "the buffer is not direct; OpenGL reads and writes native memory only";
    }
    if (data instanceof FloatBuffer floats && floats.order() != ByteOrder.nativeOrder()) {
      // OpenGL copies the bytes as they lie: floats of the other order arrived byte-swapped.
      return "the floats are in "
          + floats.order()
          + " order; OpenGL reads them in the native order "
          + ByteOrder.nativeOrder();
    }
    return written && data.isReadOnly() ? "the buffer is read-only" : null;
  }

  void write(long unit, ByteBuffer data) {
    buffer.write(unit * unitBytes, data);
  }

  void write(long unit, FloatBuffer data) {
    buffer.write(unit * unitBytes, data);
  }

  void read(long unit, ByteBuffer into) {
    buffer.read(unit * unitBytes, into);
  }

  /** The current buffer object's name. */
  int bufferName() {
    return buffer.name();
  }

  /** The allocator, behind the growing decorator; the arena is its only caller. */
  Allocator allocator() {
    return allocator;
  }

  long growths() {
    return growths;
  }

  long relocations() {
    return relocations;
  }

  @Override
  public void close() {
    buffer.close();
  }
}
