package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import java.util.Locale;

/**
 * Draws an allocator's buffer for {@code map}, as VMA's memory dump visualiser draws a GPU heap:
 * the index axis runs left to right, wrapped into rows when there are many blocks, allocated blocks
 * in blue, holes between blocks (fragmented free space) in orange and the free tail in grey. A hole
 * is drawn at least one pixel wide, so that fragmentation never disappears at a large scale.
 *
 * <pre>
 *   title, figures, legend
 *   0     [####|--|#######|-|####..........]
 *   1024  [##|---|######.....................]
 *          0    256   512   768   1024 (offset in row)
 * </pre>
 */
final class BufferMap {

  /** Allocated blocks. */
  private static final String ALLOCATED = "#3b6fb6";

  /** Holes before and between blocks: the fragmented free space. */
  private static final String HOLE = "#f08a24";

  /** The free tail after the last block. */
  private static final String TAIL = "#dadada";

  /** Picture width in pixels. */
  private static final int WIDTH = 1000;

  /** Left edge of the rows, leaving room for the row's first index. */
  private static final int LEFT = 90;

  /** Right edge of the rows. */
  private static final int RIGHT = WIDTH - 30;

  /** Top of the first row, below the title, figures and legend. */
  private static final int TOP = 120;

  /** Height of one row's bar. */
  private static final int BAR = 34;

  /** Distance from one row's top to the next, leaving room for tick labels. */
  private static final int ROW_PITCH = BAR + 34;

  /** Blocks a row shows before the map wraps into another row. */
  private static final int BLOCKS_PER_ROW = 60;

  /** The most rows; beyond, rows get denser. */
  private static final int MAX_ROWS = 12;

  private BufferMap() {}

  /**
   * Renders the buffer.
   *
   * @param allocator the allocator after the trace
   * @param title what is shown, e.g. the trace file and strategy
   * @return the SVG document
   */
  static Svg render(Allocator allocator, String title) {
    List<Region> blocks = allocator.getAllocatedRegions();
    long capacity = Math.max(1, allocator.getCapacity());
    int rows =
        Math.min(MAX_ROWS, Math.max(1, (blocks.size() + BLOCKS_PER_ROW - 1) / BLOCKS_PER_ROW));
    long span = AsciiMap.ceilDiv(capacity, rows);
    Svg svg = new Svg(WIDTH, TOP + rows * ROW_PITCH + 20);
    svg.text(WIDTH / 2.0, 30, title, 18, "middle");
    svg.text(
        WIDTH / 2.0,
        56,
        String.format(
            Locale.ROOT,
            "capacity %d, %d blocks, free %d (fragmented %d, largest hole %d), usage %.3f, fragmentation %.3f",
            allocator.getCapacity(),
            blocks.size(),
            allocator.getFreeSize(),
            allocator.getFragmentedFreeSize(),
            allocator.getLargestFreeHole(),
            allocator.getUsage(),
            allocator.getFragmentation()),
        13,
        "middle");
    legend(svg, 84);
    svg.text(RIGHT, 96, "row: first index on the left, offsets below", 12, "end");
    long tailStart = blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).end();
    for (int row = 0; row < rows; row++) {
      long rowStart = row * span;
      // rowStart + span can pass Long.MAX_VALUE in the last row.
      long rowEnd = capacity - rowStart <= span ? capacity : rowStart + span;
      double top = TOP + row * ROW_PITCH;
      double scale = (RIGHT - LEFT) / (double) span;
      svg.rect(LEFT, top, (rowEnd - rowStart) * scale, BAR, TAIL, null);
      long holeStart = 0;
      for (Region block : blocks) {
        drawClipped(svg, holeStart, block.start(), rowStart, rowEnd, top, scale, HOLE);
        drawClipped(svg, block.start(), block.end(), rowStart, rowEnd, top, scale, ALLOCATED);
        holeStart = block.end();
      }
      svg.rect(LEFT, top, (rowEnd - rowStart) * scale, BAR, "none", "#444444");
      svg.text(LEFT - 8, top + BAR / 2.0 + 4, Axis.label((double) rowStart), 12, "end");
      Axis ticks = Axis.upTo((double) span);
      for (int i = 0; i <= ticks.steps() && i * ticks.step() <= rowEnd - rowStart; i++) {
        double x = LEFT + i * ticks.step() * scale;
        svg.line(x, top + BAR, x, top + BAR + 5, "#444444", 1);
        svg.text(x, top + BAR + 19, "+" + Axis.label(i * ticks.step()), 11, "middle");
      }
    }
    if (tailStart == 0 && blocks.isEmpty()) {
      svg.text(WIDTH / 2.0, TOP + BAR / 2.0 + 5, "(nothing allocated)", 13, "middle");
    }
    return svg;
  }

  /** Draws {@code [from, to)} clipped to the row; holes at least a pixel wide so they show. */
  private static void drawClipped(
      Svg svg,
      long from,
      long to,
      long rowStart,
      long rowEnd,
      double top,
      double scale,
      String colour) {
    long start = Math.max(from, rowStart);
    long end = Math.min(to, rowEnd);
    if (start >= end) {
      return;
    }
    double width = (end - start) * scale;
    svg.rect(
        LEFT + (start - rowStart) * scale,
        top,
        colour.equals(HOLE) ? Math.max(1, width) : width,
        BAR,
        colour,
        null);
  }

  private static void legend(Svg svg, double y) {
    String[][] entries = {
      {ALLOCATED, "allocated block"},
      {HOLE, "hole between blocks (fragmented)"},
      {TAIL, "free tail"}
    };
    double x = LEFT;
    for (String[] entry : entries) {
      svg.rect(x, y, 14, 14, entry[0], "#444444");
      svg.text(x + 20, y + 12, entry[1], 13, "start");
      x += 36 + 7.5 * entry[1].length();
    }
  }
}
