package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.UnsupportedCompactionException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code map}: replays a trace and pictures the buffer at the end, allocated blocks and holes along
 * the index axis: an ASCII map on stdout and, with {@code --out}, an SVG; with {@code --compact},
 * the buffer is then compacted fully and drawn again.
 */
@Command(
    name = "map",
    header = "Draw the buffer after a trace: blocks and holes.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Replays a trace and draws the buffer after it: blocks and holes along the index axis.",
      "The trace runs as in 'compare': at the chosen strategy's own addresses, growing on demand."
    })
final class MapCommand implements Callable<Integer> {

  /** Capacities up to this are drawn one character an index; larger ones are scaled. */
  static final int EXACT_ASCII_LIMIT = 120;

  /** Blocks listed by start and size on stdout; more would flood the terminal. */
  private static final int LISTED_BLOCKS = 24;

  /** Characters of a scaled ASCII map. */
  private static final int SCALED_ASCII_WIDTH = 100;

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      converter = StrategyConverter.class,
      completionCandidates = StrategyNames.class,
      description =
          "Strategy to map: ${COMPLETION-CANDIDATES} (default: the one the trace was recorded with).")
  @Nullable AllocationStrategy strategy;

  @Mixin ProgramOptions replay = new ProgramOptions();

  @Option(
      names = "--out",
      paramLabel = "FILE.svg",
      converter = OutputFileConverter.class,
      description =
          "Write an SVG picture of the buffer; FILE.svg is replaced only once the picture is"
              + " written whole.")
  @Nullable Path out;

  @Option(
      names = "--compact",
      description =
          "Also compact the buffer fully after the trace and draw it again; with --out, the"
              + " compacted picture goes to FILE-compacted.svg.")
  boolean compact;

  @Parameters(
      paramLabel = "TRACE",
      converter = RereadTraceConverter.class,
      description = "A trace file; a file of several traces maps the last.")
  @Nullable Path trace;

  @Override
  public Integer call() throws IOException {
    Path file = Objects.requireNonNull(trace, "picocli requires TRACE");
    Path svgFile = out;
    // Opened before the replay, so that a path that cannot be written fails at once, not after
    // the work; each picture replaces its file only once it is written whole.
    try (OutputFile picture = svgFile == null ? null : OutputFile.open(svgFile);
        OutputFile compactedPicture =
            svgFile == null || !compact ? null : OutputFile.open(compactedFile(svgFile))) {
      AllocationStrategy chosen = strategy == null ? replay.recordedWith : strategy;
      TraceProgram program = replay.program(file);
      Allocator allocator =
          program
              .meter(
                  chosen,
                  replay.policy(),
                  Integer.MAX_VALUE,
                  0,
                  Progress.onTerminal("map", program.size()))
              .last();
      if (allocator == null) {
        // The one-line form of every status-1 failure (docs/reliability.md): command, file,
        // reason.
        System.err.println("map: " + file + ": no 'capacity' line: there is no buffer to map");
        return 1;
      }
      String title = file.getFileName() + " replayed with " + chosen.getName();
      draw(allocator, title, picture);
      if (compact) {
        CompactionPlan plan;
        try {
          plan = allocator.compact();
        } catch (UnsupportedCompactionException e) {
          // As compare counts such a compaction skipped: the map stands, and the compacted
          // picture is not written. Before, status 1 after the map, and only when the buffer held
          // fragmented space (with none, the strategy's compact returns an empty plan).
          System.out.printf("compact(): %s does not compact; no compacted map%n", chosen.getName());
          return 0;
        }
        System.out.printf(
            "compact(): %d moves, %d indices moved%n", plan.moves().size(), plan.movedIndices());
        draw(allocator, title + ", compacted", compactedPicture);
      }
    }
    return 0;
  }

  /** Prints the ASCII map and, when {@code svgFile} is given, writes the SVG. */
  private static void draw(Allocator allocator, String title, @Nullable OutputFile svgFile)
      throws IOException {
    printAscii(System.out, allocator);
    if (svgFile != null) {
      BufferMap.render(allocator, title).write(svgFile);
      svgFile.commit();
      System.out.println("map written to " + svgFile.file());
    }
  }

  /** {@code map.svg} becomes {@code map-compacted.svg}. */
  static Path compactedFile(Path svgFile) {
    String name = svgFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String compacted =
        dot < 0 ? name + "-compacted" : name.substring(0, dot) + "-compacted" + name.substring(dot);
    return svgFile.resolveSibling(compacted);
  }

  static void printAscii(PrintStream stdout, Allocator allocator) {
    long capacity = allocator.getCapacity();
    List<Region> blocks = allocator.getAllocatedRegions();
    stdout.printf(
        "capacity %d, %d blocks%s%n",
        capacity,
        blocks.size(),
        blocks.size() <= LISTED_BLOCKS ? ": " + AsciiMap.blocks(blocks) : "");
    if (capacity <= EXACT_ASCII_LIMIT) {
      stdout.println(AsciiMap.render(allocator, EXACT_ASCII_LIMIT));
    } else {
      long perChar = AsciiMap.indicesPerCharacter(capacity, SCALED_ASCII_WIDTH);
      stdout.println(AsciiMap.render(allocator, SCALED_ASCII_WIDTH));
      stdout.println(
          "(one character = " + perChar + " indices; # allocated, - free, + partly allocated)");
    }
    stdout.printf(
        "free %d, fragmented %d, usage %.3f, fragmentation %.3f%n",
        allocator.getFreeSize(),
        allocator.getFragmentedFreeSize(),
        allocator.getUsage(),
        allocator.getFragmentation());
  }
}
