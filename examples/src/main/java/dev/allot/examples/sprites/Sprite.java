package dev.allot.examples.sprites;

import dev.allot.lwjgl.VertexRange;
import java.nio.ByteBuffer;

/**
 * One moving sprite: a square head with a trail of smaller, fainter squares behind it, one quad
 * each, all in one {@link VertexRange}. A longer trail is a larger range, so changing the trail
 * resizes the range, which may move it.
 */
final class Sprite {

  /** Vertices of one quad: two triangles. */
  static final int VERTICES_PER_QUAD = 6;

  /** Bytes of one vertex: x and y as floats, then R, G, B, A. */
  static final int STRIDE = 12;

  final VertexRange range;
  final int rgb;
  final float size;
  float x;
  float y;
  float vx;
  float vy;
  int quads;

  Sprite(VertexRange range, int rgb, float size, float x, float y, float vx, float vy, int quads) {
    this.range = range;
    this.rgb = rgb;
    this.size = size;
    this.x = x;
    this.y = y;
    this.vx = vx;
    this.vy = vy;
    this.quads = quads;
  }

  /** Moves one frame, bouncing off the edges of a {@code width x height} field. */
  void step(float width, float height) {
    x += vx;
    y += vy;
    if (x < 0 || x > width) {
      vx = -vx;
      x = Math.max(0, Math.min(width, x));
    }
    if (y < 0 || y > height) {
      vy = -vy;
      y = Math.max(0, Math.min(height, y));
    }
  }

  /**
   * Writes the sprite's quads, trail first so that the head is drawn over it: quad {@code i} of
   * {@code n} sits {@code i} steps behind the head, shrinking and fading.
   *
   * @param into receives {@code quads * VERTICES_PER_QUAD * STRIDE} bytes; its position advances
   */
  void write(ByteBuffer into) {
    for (int back = quads - 1; back >= 0; back--) {
      float scale = 1f - back / (float) (quads + 1);
      float half = size * scale / 2;
      float cx = x - vx * back * 3;
      float cy = y - vy * back * 3;
      int alpha = back == 0 ? 255 : (int) (160 * scale);
      putQuad(into, cx - half, cy - half, cx + half, cy + half, rgb, alpha);
    }
  }

  private static void putQuad(
      ByteBuffer into, float x0, float y0, float x1, float y1, int rgb, int alpha) {
    float[] corners = {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1};
    for (int corner = 0; corner < corners.length; corner += 2) {
      into.putFloat(corners[corner]).putFloat(corners[corner + 1]);
      into.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb).put((byte) alpha);
    }
  }
}
