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
import java.util.function.Consumer;
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

  /**
   * The heap the work after a compaction's moves takes per move, at most (see {@link #compact}).
   */
  private static final long BYTES_PER_MOVE = 64;

  /** The largest reserve: an array's longest length. */
  private static final long MAX_RESERVE = Integer.MAX_VALUE - 8;

  /** What went wrong when a compaction failed after the allocator had moved its blocks. */
  private static final String LOST_TRACK =
      "a compaction failed after the allocator had moved its blocks, so its ranges no longer match"
          + " the buffer; close it and build a new one";

  private final String owner;

  /** Heap set aside while the allocator compacts (see {@link #compact}); null otherwise. */
  @SuppressWarnings("unused") // written to keep the array alive, never read
  private long @Nullable [] heapReserve;

  /** Why the arena is unusable, or null while it is intact. */
  private @Nullable Throwable lostTrack;

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
    GpuBuffer.requireCurrentContextToCreate(owner);
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
   * Compacts the allocator, has {@code translate} move the starts the arena holds, then copies the
   * plan's moves on the GPU, in order (see {@link GpuBuffer#move} for overlapping ones).
   *
   * <p>Once the allocator has moved its blocks, the handles must follow whatever happens: a handle
   * left behind names space the allocator hands out again. So the Java heap that work needs (the
   * plan's move records and its translation index, at most {@link #BYTES_PER_MOVE} a move, and a
   * pass makes at most one move per live handle and one more than its budget) is set aside before
   * the allocator is asked, and let go once it has answered: short of heap, the call fails with
   * nothing changed. The copies need no memory that can run out (a refused scratch buffer makes
   * them go in steps). Should the work still fail, the arena is unusable from then on, every call
   * saying why, rather than hand out space a live handle still names.
   *
   * @param handles the arena's live handles
   * @param translate moves the arena's handles by the plan
   */
  CompactionPlan compact(
      long budget, long granularity, int handles, Consumer<CompactionPlan> translate) {
    // No gap before a block: no move to make room for (per-frame calls at the end state reserve
    // nothing).
    long moves =
        raw.getFragmentedFreeSize() == 0
            ? 0
            : Math.min(handles, budget == Long.MAX_VALUE ? budget : budget + 1);
    // Held by a field, so that the JIT cannot drop an array nothing reads.
    heapReserve = new long[(int) Math.min(moves * BYTES_PER_MOVE / Long.BYTES, MAX_RESERVE)];
    CompactionPlan plan;
    try {
      plan = raw.compact(budget, granularity);
    } finally {
      heapReserve = null; // the blocks have moved (or nothing has): the work below may take it
    }
    if (plan.moves().isEmpty()) {
      return plan; // the end state, or nothing to do: no handle to visit
    }
    try {
      translate.accept(plan);
      for (CompactionMove move : plan.moves()) {
        buffer.move(move.from() * unitBytes, move.to() * unitBytes, move.size() * unitBytes);
      }
    } catch (RuntimeException | Error e) {
      lostTrack = e;
      throw new IllegalStateException(owner + ": " + LOST_TRACK, e);
    }
    return plan;
  }

  /**
   * Throws when a compaction failed after the allocator had moved its blocks (see {@link
   * #compact}): the handles or the bytes no longer match the allocator.
   */
  void requireIntact() {
    Throwable failure = lostTrack;
    if (failure != null) {
      throw new IllegalStateException(owner + " is unusable: " + LOST_TRACK, failure);
    }
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
