package dev.allot.cli;

import java.util.List;

/**
 * Draws the {@code compare} chart: fragmentation (top panel) and capacity (bottom panel) against
 * the number of calls, one line per strategy, each with its own colour and dash so that lines that
 * coincide stay visible, and a legend. Readable without the table.
 *
 * <pre>
 *  title
 *  +---------------------------+  legend
 *  | fragmentation, 0..1       |  -- first-fit
 *  +---------------------------+  - - best-fit
 *  +---------------------------+
 *  | capacity, 0..peak         |
 *  +---------------------------+
 *        calls
 * </pre>
 */
final class CompareChart {

  /** Colour-blind-safe line colours (Okabe and Ito), one per strategy, reused after the last. */
  private static final String[] COLOURS = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"
  };

  /** Dash patterns, so that a line drawn over another of the same values still shows. */
  private static final String[] DASHES = {"none", "9 5", "3 4", "12 4 3 4"};

  /** Picture width in pixels. */
  private static final int WIDTH = 980;

  /** Picture height in pixels. */
  private static final int HEIGHT = 660;

  /** Left edge of the plots, leaving room for tick labels and the rotated axis title. */
  private static final int LEFT = 90;

  /** Right edge of the plots; the legend is beyond it. */
  private static final int RIGHT = WIDTH - 210;

  /** Height of each of the two panels. */
  private static final int PANEL = 220;

  /** Top of the fragmentation panel and of the capacity panel. */
  private static final int[] PANEL_TOPS = {70, 350};

  private CompareChart() {}

  /**
   * Renders the chart.
   *
   * @param runs one meter per strategy, in legend order
   * @param source what was replayed, for the title
   * @return the SVG document
   */
  static Svg render(List<RunMeter> runs, String source) {
    Svg svg = new Svg(WIDTH, HEIGHT);
    svg.text(WIDTH / 2.0, 30, "Fragmentation and capacity over the run: " + source, 18, "middle");
    long calls = 1;
    long peak = 1;
    for (RunMeter run : runs) {
      calls = Math.max(calls, run.calls());
      peak = Math.max(peak, run.peakCapacity());
    }
    Axis x = Axis.exactly((double) calls);
    Axis fragmentation = new Axis(1, 0.25);
    Axis capacity = Axis.upTo((double) peak);
    panel(svg, PANEL_TOPS[0], x, fragmentation, "fragmentation");
    panel(svg, PANEL_TOPS[1], x, capacity, "capacity (indices)");
    svg.text(
        (LEFT + RIGHT) / 2.0,
        PANEL_TOPS[1] + PANEL + 45,
        "calls (alloc, dealloc, realloc) so far",
        14,
        "middle");
    for (int r = 0; r < runs.size(); r++) {
      RunMeter run = runs.get(r);
      String colour = COLOURS[r % COLOURS.length];
      String dash = DASHES[r % DASHES.length];
      double[] points = new double[2 * run.samples()];
      for (int i = 0; i < run.samples(); i++) {
        points[2 * i] = x.scale((double) run.x(i), LEFT, RIGHT);
        points[2 * i + 1] =
            fragmentation.scale(run.fragmentation(i), PANEL_TOPS[0] + PANEL, PANEL_TOPS[0]);
      }
      svg.polyline(points, run.samples(), colour, dash);
      for (int i = 0; i < run.samples(); i++) {
        points[2 * i + 1] =
            capacity.scale((double) run.capacity(i), PANEL_TOPS[1] + PANEL, PANEL_TOPS[1]);
      }
      svg.polyline(points, run.samples(), colour, dash);
      double legendY = PANEL_TOPS[0] + 10 + 26 * r;
      svg.polyline(new double[] {RIGHT + 20, legendY, RIGHT + 60, legendY}, 2, colour, dash);
      svg.text(RIGHT + 68, legendY + 5, run.strategy(), 14, "start");
    }
    return svg;
  }

  /** Frame, grid, tick labels and title of one panel. */
  private static void panel(Svg svg, int top, Axis x, Axis y, String title) {
    int bottom = top + PANEL;
    for (int i = 0; i <= y.steps(); i++) {
      double value = i * y.step();
      double py = y.scale(value, bottom, top);
      svg.line(LEFT, py, RIGHT, py, "#e4e4e4", 1);
      svg.text(LEFT - 8, py + 4, Axis.label(value), 12, "end");
    }
    for (int i = 0; i <= x.steps(); i++) {
      double value = i * x.step();
      double px = x.scale(value, LEFT, RIGHT);
      svg.line(px, bottom, px, bottom + 5, "#444444", 1);
      svg.text(px, bottom + 20, Axis.label(value), 12, "middle");
    }
    svg.rect(LEFT, top, RIGHT - LEFT, PANEL, "none", "#444444");
    svg.text(28, top + PANEL / 2.0, title, 14, "middle", -90);
  }
}
