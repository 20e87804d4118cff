package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {

  @Test
  void map_smallCapacity_printsExactAsciiMapAndWritesSvg(@TempDir Path dir) throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("small.trace"), "capacity 16\nalloc 4\nalloc 6\nalloc 2\ndealloc 4 6\n");
    Path svg = dir.resolve("map.svg");

    CommandRun run =
        CommandRun.of("map", "--strategy", "first-fit", trace.toString(), "--out", svg.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals(
        """
        capacity 16, 2 blocks: 0:4,10:2
        |####------##----|
        free 10, fragmented 6, usage 0.375, fragmentation 0.600
        map written to %s
        """
            .formatted(svg),
        run.out());
    String picture = Files.readString(svg);
    assertEquals(
        2, picture.split("fill=\"#3b6fb6\"").length - 2, "two blocks plus the legend swatch");
    assertEquals(
        1, picture.split("fill=\"#f08a24\"").length - 2, "one hole plus the legend swatch");
    assertTrue(
        picture.contains("capacity 16, 2 blocks, free 10 (fragmented 6, largest hole 6)"), picture);
  }

  @Test
  void map_alignedTrace_showsThePaddingAsHoles(@TempDir Path dir) throws IOException {
    Path trace =
        Files.writeString(dir.resolve("aligned.trace"), "capacity 16\nalloc 3\nalloc 2 8\n");

    CommandRun run =
        CommandRun.of(
            "map",
            "--strategy",
            "first-fit",
            trace.toString(),
            "--out",
            dir.resolve("map.svg").toString());

    assertEquals(0, run.status(), run.err());
    assertTrue(
        run.out().startsWith("capacity 16, 2 blocks: 0:3,8:2\n|###-----##------|\n"), run.out());
  }

  @Test
  void map_compact_drawsBeforeAndAfterAndWritesBothPictures(@TempDir Path dir) throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("small.trace"), "capacity 16\nalloc 4\nalloc 6\nalloc 2\ndealloc 4 6\n");
    Path svg = dir.resolve("map.svg");

    CommandRun run =
        CommandRun.of(
            "map",
            "--strategy",
            "first-fit",
            "--compact",
            trace.toString(),
            "--out",
            svg.toString());

    assertEquals(0, run.status(), run.err());
    Path compacted = dir.resolve("map-compacted.svg");
    assertEquals(
        """
        capacity 16, 2 blocks: 0:4,10:2
        |####------##----|
        free 10, fragmented 6, usage 0.375, fragmentation 0.600
        map written to %s
        compact(): 1 moves, 2 indices moved
        capacity 16, 1 blocks: 0:6
        |######----------|
        free 10, fragmented 0, usage 0.375, fragmentation 0.000
        map written to %s
        """
            .formatted(svg, compacted),
        run.out());
    assertTrue(Files.readString(compacted).contains("compacted"));
  }

  @Test
  void map_largeCapacity_scalesAsciiMap(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("large.trace"), "capacity 1000\nalloc 500\n");

    CommandRun run = CommandRun.of("map", "--strategy", "first-fit", trace.toString());

    assertEquals("|" + "#".repeat(50) + "-".repeat(50) + "|", run.out().lines().toList().get(1));
    assertTrue(run.out().contains("(one character = 10 indices"), run.out());
  }

  @Test
  void map_noCapacityLine_failsWithMessage(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("empty.trace"), "# nothing\n");

    CommandRun run = CommandRun.of("map", trace.toString());

    assertEquals(1, run.status());
    assertTrue(run.err().contains("no 'capacity' line"), run.err());
  }
}
