package dev.allot.lwjgl;

import static org.lwjgl.opengl.GL11.GL_RGBA8;
import static org.lwjgl.opengl.GL11.glReadPixels;
import static org.lwjgl.opengl.GL11.glViewport;
import static org.lwjgl.opengl.GL12.GL_BGRA;
import static org.lwjgl.opengl.GL12.GL_UNSIGNED_INT_8_8_8_8_REV;
import static org.lwjgl.opengl.GL30.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL30.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL30.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL30.glBindFramebuffer;
import static org.lwjgl.opengl.GL30.glBindRenderbuffer;
import static org.lwjgl.opengl.GL30.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL30.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL30.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL30.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL30.glGenFramebuffers;
import static org.lwjgl.opengl.GL30.glGenRenderbuffers;
import static org.lwjgl.opengl.GL30.glRenderbufferStorage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lwjgl.BufferUtils;

/**
 * A framebuffer object with one RGBA8 colour renderbuffer: somewhere to draw when there is no
 * window, as with a {@link HeadlessGlContext}, and to read the picture back from.
 *
 * <pre>{@code
 * try (OffscreenFramebuffer target = new OffscreenFramebuffer(640, 480)) {
 *   target.bind();
 *   // draw
 *   target.writePng(Path.of("frame.png"));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OffscreenFramebuffer implements AutoCloseable {

  private final int width;
  private final int height;
  private final int framebuffer;
  private final int colour;
  private final IntBuffer pixels;

  /**
   * Creates the framebuffer; the current framebuffer binding is changed to it.
   *
   * @param width the width in pixels, {@code >= 1}
   * @param height the height in pixels, {@code >= 1}
   * @throws IllegalArgumentException if a size is below 1
   * @throws IllegalStateException if OpenGL reports the framebuffer incomplete
   */
  public OffscreenFramebuffer(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "OffscreenFramebuffer(" + width + ", " + height + "): sizes must be >= 1");
    }
    this.width = width;
    this.height = height;
    this.pixels = BufferUtils.createIntBuffer(width * height);
    colour = glGenRenderbuffers();
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    framebuffer = glGenFramebuffers();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
      close();
      throw new IllegalStateException(
          "OffscreenFramebuffer("
              + width
              + ", "
              + height
              + "): status 0x"
              + Integer.toHexString(status));
    }
  }

  /** Binds the framebuffer for drawing and reading, with a viewport over all of it. */
  public void bind() {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glViewport(0, 0, width, height);
  }

  /**
   * Reads the picture with {@code glReadPixels}, binding the framebuffer first.
   *
   * @return {@code width * height} pixels as {@code 0xAARRGGBB}, rows from the top, as images are
   *     stored (OpenGL's rows start at the bottom)
   */
  public int[] readArgb() {
    bind();
    pixels.clear();
    // BGRA with the reversed 8-8-8-8 type packs each pixel as one 0xAARRGGBB int.
    glReadPixels(0, 0, width, height, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, pixels);
    int[] argb = new int[width * height];
    for (int row = 0; row < height; row++) {
      pixels.position((height - 1 - row) * width).get(argb, row * width, width);
    }
    return argb;
  }

  /**
   * Reads the picture as an image.
   *
   * @return a {@code TYPE_INT_ARGB} image of the framebuffer
   */
  public BufferedImage readImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, width, height, readArgb(), 0, width);
    return image;
  }

  /**
   * Reads the picture and writes it as a PNG file.
   *
   * @param file where to write, replaced if it exists
   * @throws IOException if writing fails
   */
  public void writePng(Path file) throws IOException {
    if (!ImageIO.write(readImage(), "png", file.toFile())) {
      throw new IOException("no PNG writer in javax.imageio");
    }
  }

  /**
   * Returns the width.
   *
   * @return the width in pixels
   */
  public int getWidth() {
    return width;
  }

  /**
   * Returns the height.
   *
   * @return the height in pixels
   */
  public int getHeight() {
    return height;
  }

  /** Deletes the framebuffer and its renderbuffer; binds the default framebuffer. */
  @Override
  public void close() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(framebuffer);
    glDeleteRenderbuffers(colour);
  }
}
