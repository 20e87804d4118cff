package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

  /**
   * A strategy that does not compact (tlsf), asked to: the map stands and no compacted picture is
   * written, as compare counts such a compaction skipped. Before, status 1 after the map, with
   * tlsf's refusal as the message.
   */
  @Test
  void map_compactWithAStrategyThatDoesNotCompact_drawsTheMapAndSaysSo(@TempDir Path dir)
      throws IOException {
    Path trace =
        Files.writeString(
            dir.resolve("small.trace"), "capacity 16\nalloc 4\nalloc 6\nalloc 2\ndealloc 4 6\n");
    Path svg = dir.resolve("map.svg");

    CommandRun run =
        CommandRun.of(
            "map", "--strategy", "tlsf", "--compact", trace.toString(), "--out", svg.toString());

    assertEquals(0, run.status(), run.err());
    assertTrue(
        run.out()
            .endsWith(
                "map written to "
                    + svg
                    + "\ncompact(): tlsf does not compact; no"
                    + " compacted map\n"),
        run.out());
    assertTrue(Files.exists(svg));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("map.svg", "small.trace"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
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

  @Test
  void map_traceNamedWithMarkupAndAControlCharacter_writesWellFormedSvg(@TempDir Path dir)
      throws IOException {
    // Before, only & < > were escaped: XML parsers refused the picture at the U+0001.
    Path trace = Files.writeString(dir.resolve("a&b<c>\u0001d\".trace"), "capacity 8\nalloc 2\n");
    Path svg = dir.resolve("map.svg");

    CommandRun run =
        CommandRun.of("map", "--strategy", "first-fit", trace.toString(), "--out", svg.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals(
        "a&b<c>\uFFFDd\".trace replayed with first-fit",
        XmlDocuments.text(XmlDocuments.parse(Files.readString(svg)), 0));
  }

  /** Trace of {@code blocks} blocks of 1 with a hole of 1 after each: a long picture. */
  private static String blocksAndHoles(int blocks) {
    StringBuilder trace = new StringBuilder("capacity " + 2 * blocks + "\n");
    trace.append("alloc 1\n".repeat(2 * blocks));
    for (int start = 1; start < 2 * blocks; start += 2) {
      trace.append("dealloc ").append(start).append(" 1\n");
    }
    return trace.toString();
  }

  /**
   * A write that fails part-way, as under a limit on file size ({@code ulimit -f}, which the JVM
   * sees as {@code File too large}): the jar's own main in a process of its own whose files may not
   * pass 16 blocks of the shell's (8 or 16 KiB), drawing a picture of some 70 KB over a good one.
   * Before, the picture was written in place: the good one was gone and a truncated SVG was left.
   */
  @Test
  void map_outputFailingPartWay_leavesTheOldPictureAndNoTemporaryFile(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path shell = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(shell), "no /bin/sh here");
    Path trace = Files.writeString(dir.resolve("many.trace"), blocksAndHoles(400));
    String good = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
    Path svg = Files.writeString(dir.resolve("part.svg"), good);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                shell.toString(),
                "-c",
                "ulimit -f 16 && exec \"$@\"",
                "sh",
                java,
                "-XX:-UsePerfData", // its memory-mapped file would pass the limit
                "-cp",
                System.getProperty("java.class.path"),
                AllotCommand.class.getName(),
                "map",
                trace.toString(),
                "--out",
                svg.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }

    assertTrue(ended, "still running");
    assertEquals(good, Files.readString(svg));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(trace, svg), files.sorted().toList());
    }
    assertEquals(1, process.exitValue(), err);
    assertEquals("map: " + svg + ": file too large\n", err);
  }
}
