package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Allocators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BufferMapTest {

  private static final Pattern RECT = Pattern.compile("<rect ");

  private static int rectangles(String svg) {
    Matcher rect = RECT.matcher(svg);
    int count = 0;
    while (rect.find()) {
      count++;
    }
    return count;
  }

  @Test
  void render_twoHundredThousandBlocks_drawsAtMostThreeRectanglesAPixelColumn() {
    // Blocks of 1 with holes of 1 between them: 200,000 blocks, each far narrower than a pixel.
    Allocator allocator = Allocators.create("first-fit", 400_000);
    for (int i = 0; i < 400_000; i++) {
      allocator.alloc(1);
    }
    for (int start = 1; start < 400_000; start += 2) {
      allocator.dealloc(start, 1);
    }

    String svg = BufferMap.render(allocator, "many blocks").toString();

    // 12 rows of 880 pixel columns (881 column starts); the page, the legend's five rectangles
    // and each row's background and frame. Before, two rectangles a block: 400,027.
    int bound = 1 + 5 + 12 * (2 + 3 * 881);
    int count = rectangles(svg);
    assertTrue(count <= bound, count + " rectangles, more than " + bound);
    assertTrue(svg.contains("capacity 400000, 200000 blocks"), "the figures are the buffer's");
  }

  @Test
  void render_blocksAndHolesWithinOnePixel_drawsOneRunShowingBoth() {
    // One row of 880 pixels for 88,000 indices: 100 indices a pixel. Block [0, 10), hole
    // [10, 20), block [20, 30) all fall in the first pixel column.
    Allocator allocator = Allocators.create("first-fit", 88_000);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.dealloc(10, 10);

    String svg = BufferMap.render(allocator, "mixed").toString();

    // The rows move down by the legend's second line; the run is the hole's colour with the
    // allocated share, 20 of 30, as a blue bar from the bottom: 34 * 2 / 3 = 22.7 pixels.
    assertTrue(
        svg.contains(
            """
            <rect x="90.0" y="142.0" width="1.0" height="34.0" fill="#f08a24"/>
            <rect x="90.0" y="153.3" width="1.0" height="22.7" fill="#3b6fb6"/>
            """),
        svg);
    // Two rectangles for the run, one more each for the legend's swatches (the mixed one is two).
    assertEquals(3, svg.split("fill=\"#f08a24\"", -1).length - 1, svg);
    assertEquals(3, svg.split("fill=\"#3b6fb6\"", -1).length - 1, svg);
  }

  @Test
  void render_twoPiecesWithinOnePixel_drawsEachAsBefore() {
    // 100 indices a pixel: block [0, 10) and hole [10, 20) share the first pixel column, as a
    // block and a hole of 3 do in pyglet-resize.trace; block [20, 1020) is ten pixels wide.
    Allocator allocator = Allocators.create("first-fit", 88_000);
    allocator.alloc(10);
    allocator.alloc(10);
    allocator.alloc(1000);
    allocator.dealloc(10, 10);

    String svg = BufferMap.render(allocator, "two pieces").toString();

    // As before: the block as wide as it is, the hole a pixel, no run and no legend line for one.
    assertTrue(
        svg.contains(
            """
            <rect x="90.0" y="120.0" width="0.1" height="34.0" fill="#3b6fb6"/>
            <rect x="90.1" y="120.0" width="1.0" height="34.0" fill="#f08a24"/>
            <rect x="90.2" y="120.0" width="10.0" height="34.0" fill="#3b6fb6"/>
            """),
        svg);
    assertFalse(svg.contains("within one pixel"), svg);
  }
}
