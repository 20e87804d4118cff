package dev.allot.lwjgl;

import static dev.allot.lwjgl.ContextlessThread.refusal;
import static dev.allot.lwjgl.ContextlessThread.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11.glGetInteger;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glGetBufferSubData;
import static org.lwjgl.opengl.GL31.GL_COPY_READ_BUFFER;
import static org.lwjgl.opengl.GL31.GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT;

import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The uniform arena on real OpenGL: every offset a multiple of {@code
 * GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT} through growth, moves and compaction, every block's bytes
 * intact, and a shader reading each block through {@code glBindBufferRange}.
 */
@ExtendWith(HeadlessGl.class)
class UniformArenaGlTest {

  /** Bytes {@code tag, tag + 1, ...} (mod 256). */
  private static ByteBuffer bytes(int tag, int size) {
    ByteBuffer bytes = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i++) {
      bytes.put((byte) (tag + i));
    }
    return bytes.flip();
  }

  @Test
  void alignment_isTheContextsUniformOffsetAlignment() {
    try (UniformArena arena = new UniformArena(256)) {
      assertEquals(glGetInteger(GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT), arena.getAlignment());
      assertTrue(arena.getAlignment() > 1, "alignment " + arena.getAlignment());
    }
  }

  /** One block: its handle and the tag of the bytes written to it. */
  private record Held(UniformBlock block, int tag) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"first-fit", "best-fit"})
  void churn_afterEveryStep_offsetsAlignedAndBytesIntact(String strategy) {
    SplittableRandom random = new SplittableRandom(11);
    List<Held> live = new ArrayList<>();
    long compacted = 0;
    try (UniformArena arena =
        new UniformArena(Allocators.create(strategy, 128), GrowthPolicy.doubling())) {
      int alignment = arena.getAlignment();
      for (int step = 0; step < 150; step++) {
        for (int call = 0; call < 8; call++) {
          int roll = random.nextInt(10);
          if (live.isEmpty() || roll < 4) {
            int size = 1 + random.nextInt(3 * alignment);
            UniformBlock block = arena.allocate(size);
            arena.upload(block, bytes(step * 8 + call, size));
            live.add(new Held(block, step * 8 + call));
          } else if (roll < 7) {
            arena.free(live.remove(random.nextInt(live.size())).block());
          } else {
            Held held = live.get(random.nextInt(live.size()));
            int size = held.block().getSize();
            int newSize = 1 + random.nextInt(4 * alignment);
            arena.resize(held.block(), newSize);
            if (newSize > size) {
              ByteBuffer all = bytes(held.tag(), newSize);
              arena.upload(held.block(), all);
            }
          }
        }
        if (step % 10 == 9) {
          CompactionPlan plan = arena.compact(step % 50 == 49 ? Long.MAX_VALUE : 4L * alignment);
          compacted += plan.movedIndices();
        }
        ByteBuffer all = ByteBuffer.allocateDirect((int) arena.getCapacity());
        glBindBuffer(GL_COPY_READ_BUFFER, arena.getBuffer());
        glGetBufferSubData(GL_COPY_READ_BUFFER, 0, all);
        for (Held held : live) {
          UniformBlock block = held.block();
          assertEquals(0, block.getOffset() % alignment, "step " + step + ": " + block);
          assertEquals(
              bytes(held.tag(), block.getSize()),
              all.slice((int) block.getOffset(), block.getSize()),
              "step " + step + ": bytes of " + block);
        }
        HeadlessGl.assertNoGlError("step " + step);
      }
      assertTrue(arena.getGrowths() > 0, "growths");
      assertTrue(arena.getRelocations() > 0, "relocations");
      assertTrue(compacted > 0, "compacted");
    }
  }

  @Test
  void bind_eachBlock_shaderReadsItsColour() {
    int[] colours = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF};
    try (OffscreenFramebuffer target = new OffscreenFramebuffer(4, 4);
        UniformColourPainter painter = new UniformColourPainter(target);
        UniformArena arena = new UniformArena(64)) {
      List<UniformBlock> blocks = new ArrayList<>();
      for (int colour : colours) {
        UniformBlock block = arena.allocate(4 * Float.BYTES);
        ByteBuffer rgba = ByteBuffer.allocateDirect(4 * Float.BYTES).order(ByteOrder.nativeOrder());
        rgba.putFloat((colour >> 16 & 0xFF) / 255f).putFloat((colour >> 8 & 0xFF) / 255f);
        rgba.putFloat((colour & 0xFF) / 255f).putFloat(1f);
        arena.upload(block, rgba.flip());
        blocks.add(block);
      }
      for (int i = 0; i < colours.length; i++) {
        arena.bind(blocks.get(i), UniformColourPainter.BINDING);
        painter.draw();
        assertEquals(Integer.toHexString(colours[i]), Integer.toHexString(target.readArgb()[5]));
      }
    }
  }

  @Test
  void badInput_illegalArgumentNamingTheCall() {
    try (UniformArena arena = new UniformArena(64);
        UniformArena other = new UniformArena(64)) {
      UniformBlock block = arena.allocate(8);
      UniformBlock empty = arena.allocate(0);
      UniformBlock foreign = other.allocate(8);
      UniformBlock freed = arena.allocate(4);
      arena.free(freed);
      assertMessage("allocate(-1): negative size", () -> arena.allocate(-1));
      assertMessage(
          "resize(UniformBlock[offset=0, size=8], -1): negative size",
          () -> arena.resize(block, -1));
      assertMessage(
          "bind(UniformBlock[offset=0, size=0], 2): an empty block cannot be bound",
          () -> arena.bind(empty, 2));
      assertMessage(
          "free(UniformBlock[offset=0, size=8], 0): the block belongs to another arena",
          () -> arena.free(foreign));
      assertMessage(
          "upload(" + freed + ", 1): the block is freed", () -> arena.upload(freed, bytes(0, 1)));
      ByteBuffer nine = bytes(0, 9);
      assertMessage(
          "upload(UniformBlock[offset=0, size=8], " + nine + "): 9 bytes do not fit",
          () -> arena.upload(block, nine));
      assertEquals(2, arena.getBlockCount());
      assertFalse(freed.isLive());
    }
  }

  @Test
  void uploadAndDownload_heapOrReadOnlyBuffer_illegalArgumentBytesUnchanged() {
    // A heap buffer's address is no native pointer: OpenGL read or wrote through it (the JVM died
    // with SIGSEGV in glBufferSubData). A read-only buffer must not be written into.
    try (UniformArena arena = new UniformArena(64)) {
      UniformBlock block = arena.allocate(8);
      arena.upload(block, bytes(5, 8));
      ByteBuffer heap = ByteBuffer.allocate(8);
      ByteBuffer heapInto = ByteBuffer.allocate(8);
      ByteBuffer readOnlyInto = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();

      assertMessage(
          "upload(UniformBlock[offset=0, size=8], "
              + heap
              + "): the buffer is not direct; OpenGL reads and writes native memory only",
          () -> arena.upload(block, heap));
      assertMessage(
          "download(UniformBlock[offset=0, size=8], "
              + heapInto
              + "): the buffer is not direct; OpenGL reads and writes native memory only",
          () -> arena.download(block, heapInto));
      assertMessage(
          "download(UniformBlock[offset=0, size=8], " + readOnlyInto + "): the buffer is read-only",
          () -> arena.download(block, readOnlyInto));

      assertEquals(0, readOnlyInto.get(0));
      ByteBuffer back = ByteBuffer.allocateDirect(8);
      arena.download(block, back);
      assertEquals(bytes(5, 8), back);
    }
  }

  @Test
  void calls_fromAThreadWithoutTheContext_illegalStateArenaUnchanged() throws Exception {
    try (UniformArena arena = new UniformArena(64)) {
      UniformBlock block = arena.allocate(8);
      arena.upload(block, bytes(7, 8));
      UniformBlock second = arena.allocate(4);
      long offset = second.getOffset();
      int buffer = arena.getBuffer();
      ByteBuffer into = ByteBuffer.allocateDirect(8);

      assertEquals(
          List.of(
              refusal("UniformArena.allocate"),
              refusal("UniformArena.resize"),
              refusal("UniformArena.free"),
              refusal("UniformArena.upload"),
              refusal("UniformArena.download"),
              refusal("UniformArena.compact"),
              refusal("UniformArena.bind"),
              refusal("UniformArena.close"),
              refusal("new UniformArena")),
          refusals(
              () -> arena.allocate(1024), // would grow: a new buffer object
              () -> arena.resize(block, 512), // would move
              () -> arena.free(second),
              () -> arena.upload(block, bytes(0, 8)),
              () -> arena.download(block, into),
              () -> arena.compact(Long.MAX_VALUE),
              () -> arena.bind(block, 1),
              arena::close,
              () -> new UniformArena(64)));

      assertEquals(2, arena.getBlockCount());
      assertEquals(64, arena.getCapacity());
      assertEquals(buffer, arena.getBuffer());
      assertEquals(offset, second.getOffset());
      assertEquals(8, block.getSize());
      ByteBuffer back = ByteBuffer.allocateDirect(8);
      arena.download(block, back);
      assertEquals(bytes(7, 8), back);
      arena.free(second); // still open, and usable on the context's thread
      assertEquals(1, arena.getBlockCount());
    }
  }

  private static void assertMessage(String expected, Runnable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }
}
