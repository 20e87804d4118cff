package dev.allot.examples.sprites;

import static org.lwjgl.opengl.GL11.GL_BLEND;
import static org.lwjgl.opengl.GL11.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL11.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11.glBlendFunc;
import static org.lwjgl.opengl.GL11.glClear;
import static org.lwjgl.opengl.GL11.glClearColor;
import static org.lwjgl.opengl.GL11.glDisable;
import static org.lwjgl.opengl.GL11.glEnable;

import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import dev.allot.lwjgl.OffscreenFramebuffer;
import dev.allot.lwjgl.VertexArena;
import dev.allot.lwjgl.VertexRange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A field of moving sprites in one {@link VertexArena}, churned every frame: sprites are added and
 * removed, trails grow and shrink (resizing their ranges, which moves some), the arena grows as it
 * fills, and a budgeted compaction runs every {@value #COMPACT_EVERY} frames. Every frame uploads
 * each sprite's quads with {@code glBufferSubData} and draws all of them with one {@code
 * glMultiDrawArrays} into an offscreen framebuffer.
 *
 * <p>The picture is the last frame with a strip at the bottom showing the arena's buffer: each live
 * range in its sprite's colour at its place, from vertex 0 on the left to the capacity on the
 * right. Everything is seeded, so a run is repeatable to the pixel.
 */
final class SpriteField implements AutoCloseable {

  /** The picture's width. */
  static final int WIDTH = 1024;

  /** The height of the field the sprites move in. */
  static final int FIELD_HEIGHT = 544;

  /** The height of the buffer strip under the field. */
  static final int STRIP_HEIGHT = 32;

  /** Frames between two budgeted compactions. */
  static final int COMPACT_EVERY = 30;

  /** Vertices one compaction may move. */
  static final long COMPACT_BUDGET = 8_192;

  private static final int MAX_QUADS = 6;
  private static final int BACKGROUND = 0x101828;
  private static final int STRIP_BACKGROUND = 0x05070c;

  private final int targetLive;
  private final SplittableRandom random;
  private final OffscreenFramebuffer target;
  private final SpriteShader shader;
  private final VertexArena arena;
  private final List<Sprite> sprites = new ArrayList<>();
  private final ByteBuffer vertices =
      ByteBuffer.allocateDirect(MAX_QUADS * Sprite.VERTICES_PER_QUAD * Sprite.STRIDE)
          .order(ByteOrder.nativeOrder());
  private long compactedVertices;
  private int frames;

  /**
   * Sets up the framebuffer, the shader and an arena of the given strategy; needs a current OpenGL
   * 4.3 context.
   *
   * @param strategy the allocation strategy, e.g. {@code first-fit}
   * @param targetLive how many sprites the churn keeps alive
   * @param seed the seed of every random choice
   */
  SpriteField(String strategy, int targetLive, long seed) {
    this.targetLive = targetLive;
    this.random = new SplittableRandom(seed);
    this.target = new OffscreenFramebuffer(WIDTH, FIELD_HEIGHT + STRIP_HEIGHT);
    this.shader = new SpriteShader();
    this.arena =
        new VertexArena(Allocators.create(strategy, 1024), Sprite.STRIDE, GrowthPolicy.doubling());
  }

  /** Runs one frame: churn, move and upload every sprite, compact if due, draw. */
  void frame() {
    churn();
    for (Sprite sprite : sprites) {
      sprite.step(WIDTH, FIELD_HEIGHT);
      vertices.clear();
      sprite.write(vertices);
      arena.upload(sprite.range, vertices.flip());
    }
    frames++;
    if (frames % COMPACT_EVERY == 0) {
      CompactionPlan plan = arena.compact(COMPACT_BUDGET);
      compactedVertices += plan.movedIndices();
    }
    draw();
  }

  /** Adds sprites up to the target (a few a frame once there), removes and resizes some. */
  private void churn() {
    int adds = sprites.size() < targetLive ? targetLive / 40 : targetLive / 200;
    for (int i = 0; i < adds; i++) {
      add();
    }
    for (int i = random.nextInt(targetLive / 100 + 1); i > 0 && !sprites.isEmpty(); i--) {
      int index = random.nextInt(sprites.size());
      arena.free(sprites.get(index).range);
      sprites.set(index, sprites.get(sprites.size() - 1));
      sprites.remove(sprites.size() - 1);
    }
    for (int i = targetLive / 60; i > 0 && !sprites.isEmpty(); i--) {
      Sprite sprite = sprites.get(random.nextInt(sprites.size()));
      sprite.quads = 1 + random.nextInt(MAX_QUADS);
      arena.resize(sprite.range, sprite.quads * Sprite.VERTICES_PER_QUAD);
    }
  }

  private void add() {
    int quads = 1 + random.nextInt(MAX_QUADS);
    VertexRange range = arena.allocate(quads * Sprite.VERTICES_PER_QUAD);
    float hue = random.nextFloat();
    double angle = random.nextDouble() * 2 * Math.PI;
    float speed = 0.5f + 2.5f * random.nextFloat();
    sprites.add(
        new Sprite(
            range,
            Color.HSBtoRGB(hue, 0.65f, 1f) & 0xFFFFFF,
            4 + random.nextInt(11),
            random.nextFloat() * WIDTH,
            random.nextFloat() * FIELD_HEIGHT,
            (float) Math.cos(angle) * speed,
            (float) Math.sin(angle) * speed,
            quads));
  }

  private void draw() {
    target.bind();
    glClearColor(
        (BACKGROUND >> 16) / 255f, (BACKGROUND >> 8 & 0xFF) / 255f, (BACKGROUND & 0xFF) / 255f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    shader.use(WIDTH, FIELD_HEIGHT + STRIP_HEIGHT);
    arena.bindVertexBuffer(0);
    arena.draw(GL_TRIANGLES);
    glDisable(GL_BLEND);
  }

  /**
   * Reads the last frame back with {@code glReadPixels} and draws the buffer strip under it.
   *
   * @return the picture, opaque RGB
   */
  BufferedImage picture() {
    BufferedImage image =
        new BufferedImage(WIDTH, FIELD_HEIGHT + STRIP_HEIGHT, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, WIDTH, FIELD_HEIGHT + STRIP_HEIGHT, target.readArgb(), 0, WIDTH);
    Graphics2D strip = image.createGraphics();
    strip.setColor(new Color(STRIP_BACKGROUND));
    strip.fillRect(0, FIELD_HEIGHT, WIDTH, STRIP_HEIGHT);
    double scale = (double) WIDTH / arena.getCapacity();
    for (Sprite sprite : sprites) {
      int x0 = (int) (sprite.range.getFirst() * scale);
      int x1 = (int) Math.ceil((sprite.range.getFirst() + sprite.range.getCount()) * scale);
      strip.setColor(new Color(sprite.rgb));
      strip.fillRect(x0, FIELD_HEIGHT + 4, Math.max(1, x1 - x0), STRIP_HEIGHT - 8);
    }
    strip.dispose();
    return image;
  }

  /** A line of figures about the run. */
  String summary() {
    long quads = 0;
    for (Sprite sprite : sprites) {
      quads += sprite.quads;
    }
    return String.format(
        "%s: %d frames, %d sprites, %d quads, capacity %d vertices (usage %.2f, fragmentation"
            + " %.2f), %d growths, %d relocations, %d vertices compacted",
        arena.getStrategyName(),
        frames,
        sprites.size(),
        quads,
        arena.getCapacity(),
        arena.getUsage(),
        arena.getFragmentation(),
        arena.getGrowths(),
        arena.getRelocations(),
        compactedVertices);
  }

  /** The arena, for its figures. */
  VertexArena arena() {
    return arena;
  }

  /** Vertices moved by compaction so far. */
  long compactedVertices() {
    return compactedVertices;
  }

  /** The live sprites. */
  List<Sprite> sprites() {
    return sprites;
  }

  @Override
  public void close() {
    arena.close();
    shader.close();
    target.close();
  }
}
