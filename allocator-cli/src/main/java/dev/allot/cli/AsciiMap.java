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
    long perCell = indicesPerCharacter(capacity, width);
    // The last character may stand for fewer indices; none lies wholly past the capacity.
    int cells = (int) ceilDiv(capacity, perCell);
    long[] used = new long[cells];
    for (Region region : allocator.getAllocatedRegions()) {
      for (long index = region.start(); index < region.end(); ) {
        int cell = (int) (index / perCell);
        // Steps, not cell ends: (cell + 1) * perCell can pass Long.MAX_VALUE in the last cell.
        long step = Math.min(region.end() - index, perCell - index % perCell);
        used[cell] += step;
        index += step;
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
   * Returns how many indices one character stands for when {@code capacity} indices are drawn in at
   * most {@code width} characters: 1 when they fit, else the capacity divided by the width, rounded
   * up.
   *
   * @param capacity the capacity, up to {@link Long#MAX_VALUE}
   * @param width the most characters, at least 1
   * @return the indices per character, at least 1
   */
  static long indicesPerCharacter(long capacity, int width) {
    return capacity <= width ? 1 : ceilDiv(capacity, width);
  }

  /** {@code dividend / divisor} rounded up, for non-negative numbers, without overflow. */
  static long ceilDiv(long dividend, long divisor) {
    return dividend / divisor + (dividend % divisor == 0 ? 0 : 1);
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
