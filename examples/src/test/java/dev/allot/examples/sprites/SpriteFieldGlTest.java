package dev.allot.examples.sprites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.lwjgl.HeadlessGl;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sprites program, shortened: the churn grows, relocates and compacts the arena, and every
 * sprite that nothing else overlaps shows its own colour at its head's centre in the picture read
 * back from the framebuffer.
 */
@ExtendWith(HeadlessGl.class)
class SpriteFieldGlTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"first-fit", "best-fit"})
  void frames_churnAndDraw_isolatedHeadsShowTheirColour(String strategy) {
    try (SpriteField field = new SpriteField(strategy, 400, 7)) {
      for (int frame = 0; frame < 2 * SpriteField.COMPACT_EVERY; frame++) {
        field.frame();
      }
      BufferedImage picture = field.picture();
      HeadlessGl.assertNoGlError("after the frames");
      assertTrue(field.arena().getGrowths() > 0, field.summary());
      assertTrue(field.arena().getRelocations() > 0, field.summary());
      assertTrue(field.compactedVertices() > 0, field.summary());

      List<Sprite> sprites = field.sprites();
      int checked = 0;
      for (Sprite sprite : sprites) {
        int x = (int) sprite.x;
        int y = (int) sprite.y;
        if (x >= SpriteField.WIDTH
            || y >= SpriteField.FIELD_HEIGHT
            || overlapped(sprite, sprites)) {
          continue;
        }
        assertEquals(
            Integer.toHexString(sprite.rgb),
            Integer.toHexString(picture.getRGB(x, y) & 0xFFFFFF),
            "head of the sprite at " + x + ", " + y);
        checked++;
      }
      assertTrue(checked > sprites.size() / 2, "checked " + checked + " of " + sprites.size());
    }
  }

  /** Whether another sprite's quads may cover this sprite's head. */
  private static boolean overlapped(Sprite sprite, List<Sprite> sprites) {
    float[] head = bounds(sprite, 1);
    for (Sprite other : sprites) {
      if (other != sprite) {
        float[] box = bounds(other, other.quads);
        if (box[0] < head[2] && head[0] < box[2] && box[1] < head[3] && head[1] < box[3]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The box around a sprite's first {@code quads} quads (head and trail), as Sprite writes them.
   */
  private static float[] bounds(Sprite sprite, int quads) {
    float half = sprite.size / 2;
    float tailX = sprite.x - sprite.vx * (quads - 1) * 3;
    float tailY = sprite.y - sprite.vy * (quads - 1) * 3;
    return new float[] {
      Math.min(sprite.x, tailX) - half,
      Math.min(sprite.y, tailY) - half,
      Math.max(sprite.x, tailX) + half,
      Math.max(sprite.y, tailY) + half
    };
  }
}
