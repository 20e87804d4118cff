package dev.allot.examples.sprites;

import dev.allot.lwjgl.HeadlessGlContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Renders {@value #SPRITES} churning sprites from one vertex arena for {@value #FRAMES} frames on a
 * headless OpenGL 4.5 context (EGL surfaceless, Mesa llvmpipe) and writes the last frame as a PNG.
 *
 * <pre>
 * SpritesExample OUT.png [STRATEGY] [--expect PNG]
 * </pre>
 *
 * <p>{@code STRATEGY} is {@code first-fit} (the default) or {@code best-fit}. With {@code --expect}
 * the picture must equal the given PNG pixel for pixel, or the program fails (a PNG that is {@code
 * OUT.png} itself, or does not exist yet, is not compared): CI checks so that the README's picture
 * is what the README's command makes. The README runs it through Maven: {@code mvn -B -q -P sprites
 * -pl examples -am package -DskipTests}.
 */
public final class SpritesExample {

  /** Sprites the churn keeps alive. */
  static final int SPRITES = 3_000;

  /** Frames rendered. */
  static final int FRAMES = 180;

  /** The seed of the run. */
  static final long SEED = 42;

  private SpritesExample() {}

  /**
   * Runs the program.
   *
   * @param args the PNG to write, then optionally the strategy and {@code --expect PNG}
   * @throws IOException if the PNG cannot be written or the expected one read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: SpritesExample OUT.png [STRATEGY] [--expect PNG]");
    }
    Path out = Path.of(args[0]);
    String strategy = args.length > 1 && !args[1].startsWith("--") ? args[1] : "first-fit";
    @Nullable Path expected = null;
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals("--expect")) {
        expected = Path.of(args[i + 1]);
      }
    }
    BufferedImage picture;
    try (HeadlessGlContext gl = HeadlessGlContext.create(4, 5);
        SpriteField field = new SpriteField(strategy, SPRITES, SEED)) {
      for (int frame = 0; frame < FRAMES; frame++) {
        field.frame();
      }
      picture = field.picture();
      System.out.println(field.summary() + " on " + gl.getRenderer());
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(picture, "png", out.toFile());
    System.out.println("wrote " + out);
    if (expected != null && Files.exists(expected) && !Files.isSameFile(expected, out)) {
      requireSamePixels(picture, ImageIO.read(expected.toFile()), expected);
      System.out.println("the picture equals " + expected + " pixel for pixel");
    }
  }

  private static void requireSamePixels(BufferedImage actual, BufferedImage expected, Path file) {
    if (actual.getWidth() != expected.getWidth() || actual.getHeight() != expected.getHeight()) {
      throw new IllegalStateException("the picture's size differs from " + file);
    }
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        if ((actual.getRGB(x, y) & 0xFFFFFF) != (expected.getRGB(x, y) & 0xFFFFFF)) {
          throw new IllegalStateException(
              String.format(
                  "the picture differs from %s at (%d, %d): %06x, expected %06x",
                  file, x, y, actual.getRGB(x, y) & 0xFFFFFF, expected.getRGB(x, y) & 0xFFFFFF));
        }
      }
    }
  }
}
