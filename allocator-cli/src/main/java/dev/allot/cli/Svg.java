package dev.allot.cli;

import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A minimal SVG writer for the charts of {@code compare} and {@code map}: rectangles, lines,
 * polylines and text, as plain strings, so the examples need no drawing library. Coordinates are
 * pixels from the top left. Text comes from outside (file names, strategy names) and is escaped
 * ({@link #escape}); colours, dashes and anchors are the charts' own constants. Not thread-safe.
 */
final class Svg {

  /** The font of every label; the viewers' default sans-serif. */
  private static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";

  /** The end of the document. */
  private static final String END = "</svg>\n";

  private final StringBuilder text = new StringBuilder(1 << 14);
  private final int width;
  private final int height;

  Svg(int width, int height) {
    this.width = width;
    this.height = height;
    text.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n");
    rect(0, 0, width, height, "#ffffff", null);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Draws a rectangle; {@code stroke} may be {@code null} for none. */
  Svg rect(double x, double y, double w, double h, String fill, @Nullable String stroke) {
    text.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(w))
        .append("\" height=\"")
        .append(n(h))
        .append("\" fill=\"")
        .append(fill)
        .append('"');
    if (stroke != null) {
      text.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
    }
    text.append("/>\n");
    return this;
  }

  /** Draws a straight line. */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    text.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(n(strokeWidth))
        .append("\"/>\n");
    return this;
  }

  /**
   * Draws a polyline through {@code points} given as x0, y0, x1, y1, ...; {@code dash} as SVG's
   * dasharray, {@code none} for solid.
   */
  Svg polyline(double[] points, int count, String stroke, String dash) {
    text.append("<polyline fill=\"none\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-dasharray=\"")
        .append(dash)
        .append("\" points=\"");
    for (int i = 0; i < count; i++) {
      text.append(n(points[2 * i])).append(',').append(n(points[2 * i + 1])).append(' ');
    }
    text.append("\"/>\n");
    return this;
  }

  /** Writes text; {@code anchor} is {@code start}, {@code middle} or {@code end}. */
  Svg text(double x, double y, String content, int size, String anchor) {
    return text(x, y, content, size, anchor, 0);
  }

  /** Writes text rotated by {@code degrees} around its anchor point. */
  Svg text(double x, double y, String content, int size, String anchor, int degrees) {
    text.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" ")
        .append(FONT)
        .append(" font-size=\"")
        .append(size)
        .append("\" text-anchor=\"")
        .append(anchor)
        .append('"');
    if (degrees != 0) {
      text.append(" transform=\"rotate(")
          .append(degrees)
          .append(' ')
          .append(n(x))
          .append(' ')
          .append(n(y))
          .append(")\"");
    }
    text.append(" fill=\"#222222\">").append(escape(content)).append("</text>\n");
    return this;
  }

  /**
   * Finishes the document and writes it as UTF-8 to {@code file}, which the caller commits; a
   * failure names the file.
   */
  void write(OutputFile file) throws IOException {
    file.write(text);
    file.write(END);
  }

  @Override
  public String toString() {
    return text + END;
  }

  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * Escapes {@code content} for text or an attribute value, and replaces each character XML 1.0
   * does not allow in a document (C0 controls but tab, line feed and carriage return; U+FFFE,
   * U+FFFF; a surrogate that is not half of a pair) with U+FFFD, as a decoder replaces what it
   * cannot read: no character reference may stand for them either, and a parser refuses the whole
   * picture at the first (a trace file may be named with any character but {@code /}).
   */
  static String escape(String content) {
    StringBuilder escaped = new StringBuilder(content.length() + 16);
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < content.length()
              && Character.isLowSurrogate(content.charAt(i + 1))) {
            escaped.append(c).append(content.charAt(++i));
          } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || Character.isSurrogate(c)
              || c == '\uFFFE'
              || c == '\uFFFF') {
            escaped.append('\uFFFD');
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
