package dev.allot.lwjgl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glGetBufferSubData;
import static org.lwjgl.opengl.GL31.GL_COPY_READ_BUFFER;

import dev.allot.Allocators;
import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded churn of sprites in one {@link VertexArena} on real OpenGL (llvmpipe): sprites are
 * added, removed and resized (so the arena grows and relocates), and compacted every few steps (so
 * ranges slide down, overlapping moves included). After every step every live range's bytes, read
 * back with {@code glGetBufferSubData}, are the bytes written for it; the picture drawn with one
 * {@code glMultiDrawArrays} has every sprite's colour at the centre of each of its quads and
 * nothing where no sprite is; and OpenGL has reported no error.
 *
 * <p>Each sprite owns one cell of a grid and is a row of 1 to {@value #MAX_QUADS} quads, each quad
 * a 2-pixel-wide column of the cell: resizing a sprite changes how many columns are lit, and a
 * sprite whose moved data were lost or misplaced would light the wrong cells or colours.
 */
@ExtendWith(HeadlessGl.class)
class VertexArenaChurnGlTest {

  private static final int COLUMNS = 48;
  private static final int ROWS = 32;
  private static final int CELL = 8;
  private static final int MAX_QUADS = 4;
  private static final int STEPS = 100;
  private static final int CALLS_PER_STEP = 24;
  private static final int TARGET_LIVE = COLUMNS * ROWS * 3 / 5;

  /** One sprite: its cell, its number of quads, its range, and the colour it is drawn in. */
  private static final class Sprite {
    final int cell;
    final int argb;
    int quads;
    final VertexRange range;

    Sprite(int cell, int argb, int quads, VertexRange range) {
      this.cell = cell;
      this.argb = argb;
      this.quads = quads;
      this.range = range;
    }

    /** The bytes of quads {@code from..to-1}, as written to the arena. */
    ByteBuffer bytes(int from, int to) {
      ByteBuffer bytes = QuadPainter.quads(to - from);
      int x = cell % COLUMNS * CELL;
      int y = cell / COLUMNS * CELL;
      for (int quad = from; quad < to; quad++) {
        QuadPainter.putQuad(bytes, x + 2 * quad, y + 1, x + 2 * quad + 2, y + CELL - 1, argb);
      }
      return bytes.flip();
    }
  }

  /** A distinct opaque colour per sprite: 24-bit multiplication by an odd number is a bijection. */
  private static int colour(int id) {
    return 0xFF000000 | ((id + 1) * 0x9E3779 & 0xFFFFFF);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"first-fit", "best-fit"})
  void churn_afterEveryStep_bytesAndPixelsRightAndNoGlError(String strategy) {
    SplittableRandom random = new SplittableRandom(2026);
    List<Sprite> live = new ArrayList<>();
    List<Integer> freeCells = new ArrayList<>();
    for (int cell = 0; cell < COLUMNS * ROWS; cell++) {
      freeCells.add(cell);
    }
    long overlappingMoves = 0;
    long compactedVertices = 0;
    int ids = 0;
    try (OffscreenFramebuffer target = new OffscreenFramebuffer(COLUMNS * CELL, ROWS * CELL);
        QuadPainter painter = new QuadPainter(target);
        VertexArena arena =
            new VertexArena(
                Allocators.create(strategy, 64), QuadPainter.STRIDE, GrowthPolicy.doubling())) {
      for (int step = 0; step < STEPS; step++) {
        for (int call = 0; call < CALLS_PER_STEP; call++) {
          int roll = random.nextInt(10);
          if (live.isEmpty() || (live.size() < TARGET_LIVE && roll < 5)) {
            int cell = freeCells.remove(random.nextInt(freeCells.size()));
            int quads = 1 + random.nextInt(MAX_QUADS);
            Sprite sprite =
                new Sprite(
                    cell,
                    colour(ids++),
                    quads,
                    arena.allocate(quads * QuadPainter.VERTICES_PER_QUAD));
            arena.upload(sprite.range, sprite.bytes(0, quads));
            live.add(sprite);
          } else if (roll < 7) {
            Sprite sprite = live.remove(random.nextInt(live.size()));
            arena.free(sprite.range);
            freeCells.add(sprite.cell);
          } else {
            Sprite sprite = live.get(random.nextInt(live.size()));
            int quads = 1 + (sprite.quads + random.nextInt(MAX_QUADS - 1)) % MAX_QUADS;
            arena.resize(sprite.range, quads * QuadPainter.VERTICES_PER_QUAD);
            if (quads > sprite.quads) {
              // Only the new quads are written: the old ones must have survived any move.
              arena.upload(
                  sprite.range,
                  sprite.quads * QuadPainter.VERTICES_PER_QUAD,
                  sprite.bytes(sprite.quads, quads));
            }
            sprite.quads = quads;
          }
        }
        if (step % 8 == 7) {
          CompactionPlan plan = step % 40 == 39 ? arena.compact() : arena.compact(2_000);
          for (CompactionMove move : plan.moves()) {
            overlappingMoves += move.overlapping() ? 1 : 0;
          }
          compactedVertices += plan.movedIndices();
        }
        String where = strategy + " step " + step;
        assertEquals(live.size(), arena.getRangeCount(), where);
        assertBytes(arena, live, where);
        painter.draw(arena);
        assertPixels(target.readArgb(), live, where);
        HeadlessGl.assertNoGlError(where);
      }
      assertTrue(arena.getGrowths() >= 3, "growths " + arena.getGrowths());
      assertTrue(arena.getRelocations() > 0, "relocations " + arena.getRelocations());
      assertTrue(compactedVertices > 0, "compacted " + compactedVertices);
      assertTrue(overlappingMoves > 0, "overlapping moves " + overlappingMoves);
    }
  }

  /** Reads the whole buffer once and compares every live range with what was written. */
  private static void assertBytes(VertexArena arena, List<Sprite> live, String where) {
    ByteBuffer all = ByteBuffer.allocateDirect(arena.getCapacity() * QuadPainter.STRIDE);
    glBindBuffer(GL_COPY_READ_BUFFER, arena.getBuffer());
    glGetBufferSubData(GL_COPY_READ_BUFFER, 0, all);
    for (Sprite sprite : live) {
      VertexRange range = sprite.range;
      assertEquals(sprite.quads * QuadPainter.VERTICES_PER_QUAD, range.getCount(), where);
      ByteBuffer read =
          all.slice(range.getFirst() * QuadPainter.STRIDE, range.getCount() * QuadPainter.STRIDE);
      assertEquals(sprite.bytes(0, sprite.quads), read, where + ": bytes of " + range);
    }
  }

  /**
   * Checks the centre row of every quad column of every cell: the sprite's colour where it has a
   * quad, transparent black everywhere else.
   */
  private static void assertPixels(int[] argb, List<Sprite> live, String where) {
    Sprite[] byCell = new Sprite[COLUMNS * ROWS];
    for (Sprite sprite : live) {
      byCell[sprite.cell] = sprite;
    }
    int width = COLUMNS * CELL;
    for (int cell = 0; cell < byCell.length; cell++) {
      Sprite sprite = byCell[cell];
      int y = cell / COLUMNS * CELL + CELL / 2;
      for (int quad = 0; quad < MAX_QUADS; quad++) {
        int x = cell % COLUMNS * CELL + 2 * quad + 1;
        int expected = sprite != null && quad < sprite.quads ? sprite.argb : 0;
        int actual = argb[y * width + x];
        if (actual != expected) {
          throw new AssertionError(
              String.format(
                  "%s: pixel (%d, %d) of cell %d quad %d is %08x, expected %08x",
                  where, x, y, cell, quad, actual, expected));
        }
      }
    }
  }
}
