package dev.allot.lwjgl;

import static dev.allot.lwjgl.ContextlessThread.refusal;
import static dev.allot.lwjgl.ContextlessThread.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The vertex arena's calls one by one, on real OpenGL: results, state, and bad input. */
@ExtendWith(HeadlessGl.class)
class VertexArenaGlTest {

  /** Four bytes a vertex: one int, so a vertex's content is easy to write and read. */
  private static final int STRIDE = 4;

  private static VertexArena arena(int capacity) {
    return new VertexArena(
        Allocators.create("first-fit", capacity), STRIDE, GrowthPolicy.doubling());
  }

  /** Vertices holding {@code tag, tag + 1, ...}. */
  private static ByteBuffer vertices(int tag, int count) {
    ByteBuffer bytes = ByteBuffer.allocateDirect(count * STRIDE).order(ByteOrder.nativeOrder());
    for (int i = 0; i < count; i++) {
      bytes.putInt(tag + i);
    }
    return bytes.flip();
  }

  private static ByteBuffer read(VertexArena arena, VertexRange range) {
    ByteBuffer into =
        ByteBuffer.allocateDirect(range.getCount() * STRIDE).order(ByteOrder.nativeOrder());
    arena.download(range, 0, into);
    return into;
  }

  @Test
  void allocate_doesNotFit_newBufferObjectHoldsTheOldVertices() {
    try (VertexArena arena = arena(8)) {
      VertexRange a = arena.allocate(6);
      arena.upload(a, vertices(100, 6));
      int before = arena.getBuffer();
      VertexRange b = arena.allocate(6);
      arena.upload(b, vertices(200, 6));
      assertNotEquals(before, arena.getBuffer());
      assertEquals(16, arena.getCapacity());
      assertEquals(1, arena.getGrowths());
      assertEquals(vertices(100, 6), read(arena, a));
      assertEquals(vertices(200, 6), read(arena, b));
      assertEquals(6, b.getFirst());
    }
  }

  @Test
  void resize_mustMove_verticesFollowAndFirstChanges() {
    try (VertexArena arena = arena(32)) {
      VertexRange a = arena.allocate(4);
      arena.upload(a, vertices(10, 4));
      VertexRange b = arena.allocate(4);
      arena.resize(a, 8);
      assertEquals(8, a.getFirst());
      assertEquals(8, a.getCount());
      assertEquals(1, arena.getRelocations());
      ByteBuffer kept = ByteBuffer.allocateDirect(4 * STRIDE).order(ByteOrder.nativeOrder());
      arena.download(a, 0, kept);
      assertEquals(vertices(10, 4), kept);
      assertEquals(4, b.getFirst());
    }
  }

  @Test
  void resize_toZeroAndBack_rangeStaysLive() {
    try (VertexArena arena = arena(16)) {
      VertexRange a = arena.allocate(4);
      arena.resize(a, 0);
      assertTrue(a.isLive());
      assertEquals(0, a.getCount());
      assertEquals(1, arena.getRangeCount());
      assertEquals(0.0, arena.getUsage());
      arena.resize(a, 3);
      assertEquals(3, a.getCount());
      arena.upload(a, vertices(7, 3));
      assertEquals(vertices(7, 3), read(arena, a));
    }
  }

  @Test
  void upload_atVertexOffsetAndFloats_writesThere() {
    try (VertexArena arena = arena(16)) {
      VertexRange a = arena.allocate(4);
      arena.upload(a, vertices(0, 4));
      arena.upload(a, 2, vertices(50, 1));
      ByteBuffer floats = ByteBuffer.allocateDirect(STRIDE).order(ByteOrder.nativeOrder());
      floats.putFloat(1.5f).flip();
      arena.upload(a, 3, floats.asFloatBuffer());
      ByteBuffer read = read(arena, a);
      assertEquals(0, read.getInt(0));
      assertEquals(1, read.getInt(4));
      assertEquals(50, read.getInt(8));
      assertEquals(1.5f, read.getFloat(12));
    }
  }

  @Test
  void compact_afterFree_rangesSlideDownBytesIntactNoFragmentation() {
    try (VertexArena arena = arena(32)) {
      VertexRange a = arena.allocate(2);
      VertexRange b = arena.allocate(6);
      VertexRange c = arena.allocate(3);
      arena.upload(b, vertices(20, 6));
      arena.upload(c, vertices(30, 3));
      arena.free(a);
      assertTrue(arena.getFragmentation() > 0);
      CompactionPlan plan = arena.compact();
      assertTrue(plan.isComplete());
      assertEquals(9, plan.movedIndices());
      assertTrue(plan.moves().get(0).overlapping(), "2 -> 0 over 9 vertices overlaps");
      assertEquals(0, b.getFirst());
      assertEquals(6, c.getFirst());
      assertEquals(0.0, arena.getFragmentation());
      assertEquals(vertices(20, 6), read(arena, b));
      assertEquals(vertices(30, 3), read(arena, c));
    }
  }

  @Test
  void draw_noRanges_drawsNothingWithoutError() {
    try (OffscreenFramebuffer target = new OffscreenFramebuffer(4, 4);
        QuadPainter painter = new QuadPainter(target);
        VertexArena arena = new VertexArena(QuadPainter.STRIDE, 0)) {
      painter.draw(arena);
      for (int pixel : target.readArgb()) {
        assertEquals(0, pixel);
      }
    }
  }

  @Test
  void badInput_illegalArgumentNamingTheCallAndArenaUnchanged() {
    try (VertexArena arena = arena(16);
        VertexArena other = arena(16)) {
      VertexRange a = arena.allocate(4);
      VertexRange foreign = other.allocate(2);
      VertexRange freed = arena.allocate(2);
      arena.free(freed);
      int buffer = arena.getBuffer();

      assertMessage("allocate(-1): negative vertex count", () -> arena.allocate(-1));
      assertMessage(
          "resize(VertexRange[first=0, count=4], -2): negative vertex count",
          () -> arena.resize(a, -2));
      assertMessage(
          "free(VertexRange[first=4, count=2, freed], 0): the range is freed",
          () -> arena.free(freed));
      assertMessage(
          "resize(VertexRange[first=0, count=2], 1): the range belongs to another arena",
          () -> arena.resize(foreign, 1));
      ByteBuffer five = vertices(0, 5);
      assertMessage(
          "upload(VertexRange[first=0, count=4], 0, "
              + five
              + "): 20 bytes from vertex 0 do not fit in 4 vertices of 4 bytes",
          () -> arena.upload(a, five));
      ByteBuffer one = vertices(0, 1);
      assertMessage(
          "upload(VertexRange[first=0, count=4], 5, "
              + one
              + "): 4 bytes from vertex 5 do not fit in 4 vertices of 4 bytes",
          () -> arena.upload(a, 5, one));
      ByteBuffer two = ByteBuffer.allocateDirect(2 * STRIDE);
      assertMessage(
          "download(VertexRange[first=0, count=4], -1, "
              + two
              + "): 8 bytes from vertex -1 do not fit in 4 vertices of 4 bytes",
          () -> arena.download(a, -1, two));
      assertMessage("compact(-1, 1): negative number -1", () -> arena.compact(-1));

      assertEquals(1, arena.getRangeCount());
      assertEquals(16, arena.getCapacity());
      assertEquals(buffer, arena.getBuffer());
      assertEquals(0, a.getFirst());
      assertEquals(4, a.getCount());
    }
  }

  @Test
  void uploadAndDownload_heapOrReadOnlyBuffer_illegalArgumentVerticesUnchanged() {
    // A heap buffer's address is no native pointer: OpenGL read or wrote through it (the JVM died
    // with SIGSEGV in glBufferSubData). A read-only buffer must not be written into.
    try (VertexArena arena = arena(16)) {
      VertexRange a = arena.allocate(4);
      arena.upload(a, vertices(10, 4));
      ByteBuffer heap = ByteBuffer.allocate(4 * STRIDE);
      FloatBuffer heapFloats = FloatBuffer.allocate(4);
      ByteBuffer heapInto = ByteBuffer.allocate(4 * STRIDE);
      ByteBuffer readOnlyInto = ByteBuffer.allocateDirect(4 * STRIDE).asReadOnlyBuffer();

      assertMessage(
          "upload(VertexRange[first=0, count=4], 0, "
              + heap
              + "): the buffer is not direct; OpenGL reads and writes native memory only",
          () -> arena.upload(a, heap));
      assertMessage(
          "upload(VertexRange[first=0, count=4], 1, "
              + heapFloats
              + "): the buffer is not direct; OpenGL reads and writes native memory only",
          () -> arena.upload(a, 1, heapFloats));
      assertMessage(
          "download(VertexRange[first=0, count=4], 0, "
              + heapInto
              + "): the buffer is not direct; OpenGL reads and writes native memory only",
          () -> arena.download(a, 0, heapInto));
      assertMessage(
          "download(VertexRange[first=0, count=4], 0, "
              + readOnlyInto
              + "): the buffer is read-only",
          () -> arena.download(a, 0, readOnlyInto));

      assertEquals(0, readOnlyInto.get(0));
      assertEquals(vertices(10, 4), read(arena, a));
    }
  }

  @Test
  void upload_floatsInTheOtherByteOrder_illegalArgumentVerticesUnchanged() {
    // OpenGL copies the bytes as they lie in memory: such a buffer's floats arrived byte-swapped
    // (1.5f was read back as 1.5f with its bytes reversed), not as the floats the buffer holds.
    ByteOrder other =
        ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
            ? ByteOrder.BIG_ENDIAN
            : ByteOrder.LITTLE_ENDIAN;
    try (VertexArena arena = arena(16)) {
      VertexRange a = arena.allocate(1);
      arena.upload(a, vertices(3, 1));
      FloatBuffer swapped = ByteBuffer.allocateDirect(STRIDE).order(other).asFloatBuffer();
      swapped.put(0, 1.5f);

      assertMessage(
          "upload(VertexRange[first=0, count=1], 0, "
              + swapped
              + "): the floats are in "
              + other
              + " order; OpenGL reads them in the native order "
              + ByteOrder.nativeOrder(),
          () -> arena.upload(a, 0, swapped));

      assertEquals(vertices(3, 1), read(arena, a));
    }
  }

  private static void assertMessage(String expected, Runnable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }

  @Test
  void constructor_badArguments_illegalArgument() {
    Allocator used = Allocators.create("first-fit", 8);
    used.alloc(2);
    assertThrows(
        IllegalArgumentException.class,
        () -> new VertexArena(Allocators.create("first-fit", 8), 0, GrowthPolicy.doubling()));
    assertThrows(IllegalArgumentException.class, () -> new VertexArena(0, 8));
    assertThrows(IllegalArgumentException.class, () -> new VertexArena(4, -1));
    assertThrows(
        IllegalArgumentException.class, () -> new VertexArena(used, 4, GrowthPolicy.doubling()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VertexArena(
                Allocators.create("first-fit", Integer.MAX_VALUE + 1L),
                4,
                GrowthPolicy.doubling()));
  }

  @Test
  void allocate_growthPastIntVertices_illegalStateArenaUnchanged() {
    try (VertexArena arena =
        new VertexArena(
            Allocators.create("first-fit", 4), STRIDE, (current, requested) -> 1L << 31)) {
      VertexRange a = arena.allocate(4);
      int buffer = arena.getBuffer();
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> arena.allocate(1));
      assertEquals(
          "VertexArena cannot grow to 2147483648 units; at most 2147483647", refused.getMessage());
      assertEquals(4, arena.getCapacity());
      assertEquals(buffer, arena.getBuffer());
      assertEquals(1, arena.getRangeCount());
      assertTrue(a.isLive());
    }
  }

  /**
   * 16 MiB vertices: a few hundred of them ask {@code glBufferData} for more than llvmpipe makes
   * (its buffers end at 4 GiB, and it answers {@code GL_OUT_OF_MEMORY} without allocating).
   */
  private static final int HUGE_STRIDE = 1 << 24;

  /** Checks that OpenGL reported {@code error} (and clears the record, as the test expects it). */
  private static void assertGlErrorReported(String error) {
    AssertionError reported =
        assertThrows(AssertionError.class, () -> HeadlessGl.assertNoGlError("expected"));
    assertTrue(reported.getMessage().contains(error), reported.getMessage());
  }

  @Test
  void allocate_growthTheDriverCannotAllocate_illegalStateArenaAndVerticesUnchanged() {
    try (VertexArena arena =
        new VertexArena(Allocators.create("first-fit", 2), HUGE_STRIDE, GrowthPolicy.doubling())) {
      VertexRange a = arena.allocate(1);
      ByteBuffer tag = ByteBuffer.allocateDirect(8).putLong(0, 0x1122334455667788L);
      arena.upload(a, tag);
      int buffer = arena.getBuffer();

      // doubling asks for 512 vertices: 8 GiB
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> arena.allocate(300));
      assertGlErrorReported("GL_OUT_OF_MEMORY");

      assertTrue(refused.getMessage().contains("8589934592"), refused.getMessage());
      assertEquals(2, arena.getCapacity());
      assertEquals(0, arena.getGrowths());
      assertEquals(buffer, arena.getBuffer());
      assertEquals(1, arena.getRangeCount());
      ByteBuffer back = ByteBuffer.allocateDirect(8);
      arena.download(a, 0, back);
      assertEquals(tag, back);
    }
  }

  @Test
  void constructor_bufferTheDriverCannotAllocate_illegalState() {
    // 512 vertices of 16 MiB: 8 GiB
    assertThrows(
        IllegalStateException.class,
        () ->
            new VertexArena(
                Allocators.create("first-fit", 512), HUGE_STRIDE, GrowthPolicy.doubling()));
    assertGlErrorReported("GL_OUT_OF_MEMORY");
  }

  @Test
  void close_rangesDeadCallsRefusedSecondCloseNothing() {
    VertexArena arena = arena(8);
    VertexRange a = arena.allocate(2);
    arena.close();
    assertFalse(a.isLive());
    assertEquals("VertexRange[first=0, count=2, freed]", a.toString());
    assertThrows(IllegalStateException.class, () -> arena.allocate(1));
    assertThrows(IllegalStateException.class, () -> arena.draw(GL_TRIANGLES));
    arena.close();
  }

  @Test
  void calls_fromAThreadWithoutTheContext_illegalStateArenaUnchanged() throws Exception {
    try (VertexArena arena = arena(8)) {
      VertexRange a = arena.allocate(4);
      arena.upload(a, vertices(10, 4));
      VertexRange b = arena.allocate(2);
      int buffer = arena.getBuffer();
      ByteBuffer into = ByteBuffer.allocateDirect(4 * STRIDE);

      assertEquals(
          List.of(
              refusal("VertexArena.allocate"),
              refusal("VertexArena.resize"),
              refusal("VertexArena.free"),
              refusal("VertexArena.upload"),
              refusal("VertexArena.download"),
              refusal("VertexArena.compact"),
              refusal("VertexArena.draw"),
              refusal("VertexArena.bindVertexBuffer"),
              refusal("VertexArena.close"),
              refusal("new VertexArena")),
          refusals(
              () -> arena.allocate(8), // would grow: a new buffer object
              () -> arena.resize(a, 6), // would move
              () -> arena.free(b),
              () -> arena.upload(a, vertices(20, 4)),
              () -> arena.download(a, 0, into),
              () -> arena.compact(),
              () -> arena.draw(GL_TRIANGLES),
              () -> arena.bindVertexBuffer(0),
              arena::close,
              () -> arena(8)));

      assertEquals(2, arena.getRangeCount());
      assertEquals(8, arena.getCapacity());
      assertEquals(buffer, arena.getBuffer());
      assertTrue(b.isLive());
      assertEquals(0, a.getFirst());
      assertEquals(4, a.getCount());
      assertEquals(vertices(10, 4), read(arena, a));
      arena.free(b); // still open, and usable on the context's thread
      assertEquals(1, arena.getRangeCount());
    }
  }

  @Test
  void getters_describeTheArena() {
    try (VertexArena arena = arena(8)) {
      arena.allocate(2);
      assertEquals(STRIDE, arena.getStride());
      assertEquals("first-fit", arena.getStrategyName());
      assertEquals(0.25, arena.getUsage());
      assertEquals(0, arena.getRelocations());
      assertEquals(
          "VertexArena[first-fit, stride=4, ranges=1, capacity=8 vertices]", arena.toString());
    }
  }
}
