package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * Draws an allocator's buffer as one line of text, as pyglet's comments do: {@code
 * |###--####-----|}. {@code #} is allocated, {@code -} free; when the capacity is wider than the
 * line, each character stands for several indices and {@code +} marks one that is partly allocated.
 */
final class AsciiMap {

  private AsciiMap() {}

  /**
   * Renders the buffer.
   *
   * @param allocator the allocator to draw
   * @param width the most characters between the bars
   * @return e.g. {@code |###--####-----|}
   */
  static String render(Allocator allocator, int width) {
    long capacity = allocator.getCapacity();
    int cells = (int) Math.min(width, capacity);
    long perCell = cells == 0 ? 1 : (capacity + cells - 1) / cells;
    long[] used = new long[cells];
    for (Region region : allocator.getAllocatedRegions()) {
      for (long index = region.start(); index < region.end(); ) {
        int cell = (int) (index / perCell);
        long cellEnd = Math.min((cell + 1) * perCell, region.end());
        used[cell] += cellEnd - index;
        index = cellEnd;
      }
    }
    StringBuilder line = new StringBuilder(cells + 2).append('|');
    for (int cell = 0; cell < cells; cell++) {
      long span = Math.min(perCell, capacity - cell * perCell);
      line.append(used[cell] == 0 ? '-' : used[cell] == span ? '#' : '+');
    }
    return line.append('|').toString();
  }

  /**
   * Renders the blocks as text, e.g. {@code 0:3,5:4}.
   *
   * @param regions the blocks
   * @return the list, or {@code -} when empty
   */
  static String blocks(List<Region> regions) {
    return dev.allot.trace.ReplayFormat.appendRegions(new StringBuilder(), regions).toString();
  }
}
