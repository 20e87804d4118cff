package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an allocator's buffer for {@code map}, as VMA's memory dump visualiser draws a GPU heap:
 * the index axis runs left to right, wrapped into rows when there are many blocks, allocated blocks
 * in blue, holes between blocks (fragmented free space) in orange and the free tail in grey. A hole
 * is drawn at least one pixel wide, so that fragmentation never disappears at a large scale.
 *
 * <p>Three or more blocks and holes narrower than a pixel that start in the same pixel column of a
 * row are drawn as one run, so that the picture's size follows its width and not the block count
 * (200,000 blocks were 400,000 rectangles, 27.6 MB). A run of blocks only is blue; one holding both
 * is a mixed run: orange, at least a pixel wide, with a blue bar from the bottom as tall as the
 * share of its indices that are allocated, at least a pixel of each colour showing, as the ASCII
 * map's {@code +} marks a character partly allocated. What is a pixel wide or more, or one of at
 * most two narrow pieces in its column, is drawn as before: no more rectangles than a mixed run's
 * two, and a small map is the picture it was.
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

  /** How far the rows move down for the legend's line on mixed runs. */
  private static final int LEGEND_LINE = 22;

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
    double scale = (RIGHT - LEFT) / (double) span;
    List<List<Run>> rowRuns = new ArrayList<>(rows);
    boolean mixed = false;
    for (int row = 0; row < rows; row++) {
      long rowStart = row * span;
      // rowStart + span can pass Long.MAX_VALUE in the last row.
      long rowEnd = capacity - rowStart <= span ? capacity : rowStart + span;
      RowRuns runs = new RowRuns(rowStart, rowEnd, scale);
      long holeStart = 0;
      for (Region block : blocks) {
        runs.add(holeStart, block.start(), false);
        runs.add(block.start(), block.end(), true);
        holeStart = block.end();
      }
      rowRuns.add(runs.finish());
      mixed |= runs.mixed;
    }
    // A mixed run needs its line in the legend; a picture without one is drawn as before.
    int rowsTop = mixed ? TOP + LEGEND_LINE : TOP;
    Svg svg = new Svg(WIDTH, rowsTop + rows * ROW_PITCH + 20);
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
    legend(svg, 84, mixed);
    svg.text(RIGHT, 96, "row: first index on the left, offsets below", 12, "end");
    for (int row = 0; row < rows; row++) {
      long rowStart = row * span;
      long rowEnd = capacity - rowStart <= span ? capacity : rowStart + span;
      double top = rowsTop + row * ROW_PITCH;
      svg.rect(LEFT, top, (rowEnd - rowStart) * scale, BAR, TAIL, null);
      for (Run run : rowRuns.get(row)) {
        run.draw(svg, top);
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
    if (blocks.isEmpty()) {
      svg.text(WIDTH / 2.0, rowsTop + BAR / 2.0 + 5, "(nothing allocated)", 13, "middle");
    }
    return svg;
  }

  /**
   * What a row draws from left to right: blocks and holes, or runs of them.
   *
   * @param x the left edge in pixels
   * @param width the width in pixels
   * @param allocated the allocated indices
   * @param free the free indices (of holes)
   */
  private record Run(double x, double width, long allocated, long free) {

    void draw(Svg svg, double top) {
      if (free == 0) {
        svg.rect(x, top, width, BAR, ALLOCATED, null);
      } else if (allocated == 0) {
        svg.rect(x, top, Math.max(1, width), BAR, HOLE, null); // a pixel at least, so it shows
      } else {
        double share = BAR * ((double) allocated / ((double) allocated + free));
        svg.rect(x, top, Math.max(1, width), BAR, HOLE, null);
        double bar = Math.min(BAR - 1, Math.max(1, share));
        svg.rect(x, top + BAR - bar, Math.max(1, width), bar, ALLOCATED, null);
      }
    }
  }

  /**
   * Gathers a row's runs as its blocks and holes come, in index order: one pixel wide or more is a
   * run of its own, as are one or two narrower ones that start in one pixel column, each drawn as
   * before; three or more narrower ones that start in one pixel column are one run. A mixed run is
   * two rectangles, and so are two pieces drawn as they are, so each pixel column holds the start
   * of at most two rectangles of narrow pieces; what is a pixel wide leaves its column. A row of
   * 880 pixels draws at most 2 * 881 + 880 rectangles of runs, whatever the block count.
   */
  private static final class RowRuns {

    /** Narrow pieces in one column drawn each as it is; more are merged into one run. */
    private static final int PIECES = 2;

    private final long rowStart;
    private final long rowEnd;
    private final double scale;
    private final List<Run> runs = new ArrayList<>();

    /** Whether a merged run holds both blocks and holes. */
    boolean mixed;

    /** The narrow pieces of the column being gathered, the first PIECES of them. */
    private final List<Run> pieces = new ArrayList<>(PIECES);

    /** The column being gathered: its indices, how many allocated and free, how many pieces. */
    private long start;

    private long end;
    private long allocated;
    private long free;
    private int parts;

    RowRuns(long rowStart, long rowEnd, double scale) {
      this.rowStart = rowStart;
      this.rowEnd = rowEnd;
      this.scale = scale;
    }

    /** Adds {@code [from, to)}, allocated or a hole, clipped to the row. */
    void add(long from, long to, boolean isAllocated) {
      long clippedStart = Math.max(from, rowStart);
      long clippedEnd = Math.min(to, rowEnd);
      if (clippedStart >= clippedEnd) {
        return;
      }
      long size = clippedEnd - clippedStart;
      Run piece = run(clippedStart, clippedEnd, isAllocated ? size : 0, isAllocated ? 0 : size);
      boolean narrow = piece.width() < 1;
      if (parts > 0 && !(narrow && column(clippedStart) == column(start))) {
        gathered();
      }
      if (!narrow) {
        runs.add(piece);
        return;
      }
      if (parts == 0) {
        start = clippedStart;
      }
      end = clippedEnd;
      parts++;
      allocated += piece.allocated();
      free += piece.free();
      if (parts <= PIECES) {
        pieces.add(piece);
      }
    }

    /** The runs, those of the column being gathered last. */
    List<Run> finish() {
      if (parts > 0) {
        gathered();
      }
      return runs;
    }

    private Run run(long from, long to, long allocatedIndices, long freeIndices) {
      return new Run(
          LEFT + (from - rowStart) * scale, (to - from) * scale, allocatedIndices, freeIndices);
    }

    private double column(long index) {
      return Math.floor((index - rowStart) * scale);
    }

    private void gathered() {
      if (parts <= PIECES) {
        runs.addAll(pieces);
      } else {
        runs.add(run(start, end, allocated, free));
        mixed |= allocated > 0 && free > 0;
      }
      pieces.clear();
      allocated = 0;
      free = 0;
      parts = 0;
    }
  }

  /**
   * The legend; with {@code mixed}, a second line for the mixed runs, {@link #LEGEND_LINE} down.
   */
  private static void legend(Svg svg, double y, boolean mixed) {
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
    if (mixed) {
      double below = y + LEGEND_LINE;
      svg.rect(LEFT, below, 14, 14, HOLE, "#444444");
      svg.rect(LEFT, below + 7, 14, 7, ALLOCATED, "#444444");
      svg.text(
          LEFT + 20,
          below + 12,
          "blocks and holes within one pixel: the allocated share in blue from the bottom",
          13,
          "start");
    }
  }
}
