package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void map_noCapacityLine_isOneLineNamingCommandAndFile(@TempDir Path dir) throws IOException {
    Path trace = Files.writeString(dir.resolve("empty.trace"), "alloc 3\n");

    CommandRun run = CommandRun.of("map", trace.toString());

    // docs/reliability.md: status 1 is "one line: COMMAND: FILE: [line N: ]REASON"; before, the
    // line named neither the command nor the file.
    assertEquals(1, run.status());
    assertEquals("map: " + trace + ": no 'capacity' line: there is no buffer to map\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void map_capacityNearLongMax_drawsWithoutOverflow(@TempDir Path dir) throws IOException {
    // A block of 2^62 indices ends inside character 49; one of 10 lies in character 50.
    Path trace =
        Files.writeString(
            dir.resolve("huge.trace"),
            """
            capacity 9223372036854775807
            alloc 4611686018427387904
            alloc 1000
            alloc 10
            dealloc 4611686018427387904 1000
            """);
    Path svg = dir.resolve("huge.svg");

    CommandRun run =
        CommandRun.of("map", "--strategy", "best-fit", trace.toString(), "--out", svg.toString());

    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "capacity 9223372036854775807, 2 blocks: 0:4611686018427387904,4611686018427388904:10",
        lines.get(0));
    assertEquals("|" + "#".repeat(49) + "++" + "-".repeat(49) + "|", lines.get(1));
    assertEquals(
        "(one character = 92233720368547759 indices; # allocated, - free, + partly allocated)",
        lines.get(2));
    String picture = Files.readString(svg);
    assertTrue(picture.contains("capacity 9223372036854775807, 2 blocks"), picture);
    assertFalse(picture.contains("=\"-") || picture.contains("NaN"), "a negative or NaN figure");
  }

  @Test
  void map_capacityJustOverTheWidth_drawsNoCharacterPastTheCapacity(@TempDir Path dir)
      throws IOException {
    Path trace = Files.writeString(dir.resolve("odd.trace"), "capacity 201\nalloc 201\n");

    CommandRun run = CommandRun.of("map", "--strategy", "first-fit", trace.toString());

    // 3 indices a character: 67 characters cover 201 indices, all allocated.
    assertEquals("|" + "#".repeat(67) + "|", run.out().lines().toList().get(1));
  }
}
