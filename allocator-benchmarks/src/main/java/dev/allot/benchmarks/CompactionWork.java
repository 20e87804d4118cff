package dev.allot.benchmarks;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the work compaction saves: for fragmented allocators, the indices a full compaction
 * moves against two references, printed as the Markdown rows of {@code docs/compaction.md}.
 *
 * <ul>
 *   <li><b>lower bound</b>: every allocated index at or past the allocated total {@code A} must
 *       move, since at the end state the blocks are {@code [0, A)}; no plan moves fewer.
 *   <li><b>slide</b>: sliding every block down in address order (what a compacting garbage
 *       collector or Sodium's arena does), which moves every block after the first gap.
 *   <li><b>allot</b>: {@code compact()} of the strategy.
 * </ul>
 *
 * <p>The workloads of {@code dev.allot.workload} are filled to 10,000 live regions, churned for as
 * many steps, and compacted once. Each pyglet trace given as an argument is replayed with
 * first-fit, and every {@value #EVERY} operations (and at the end of each allocator's trace) the
 * allocator is copied and the copy compacted, so the replay goes on with the trace's addresses.
 *
 * <pre>
 * java -cp allocator-benchmarks/target/benchmarks.jar dev.allot.benchmarks.CompactionWork \
 *     ../shared/workloads/*.trace
 * </pre>
 */
public final class CompactionWork {

  /** Operations between two measurements of a trace. */
  static final int EVERY = 1_000;

  /** Live regions of the synthetic workloads. */
  private static final int LIVE = 10_000;

  private CompactionWork() {}

  /** The three totals over some compactions. */
  private static final class Totals {
    long compactions;
    long lowerBound;
    long slide;
    long allot;

    void add(Allocator allocator) {
      if (allocator.getFragmentedFreeSize() == 0) {
        return;
      }
      List<Region> blocks = allocator.getAllocatedRegions();
      long allocated = allocator.getCapacity() - allocator.getFreeSize();
      for (int i = 0; i < blocks.size(); i++) {
        Region block = blocks.get(i);
        lowerBound += Math.max(0, block.end() - Math.max(block.start(), allocated));
        if (i > 0 || block.start() > 0) {
          slide += block.size();
        }
      }
      allot += allocator.compact().movedIndices();
      compactions++;
    }

    String row(String name) {
      return String.format(
          Locale.ROOT,
          "| %s | %,d | %,d | %,d (%.2f) | %,d (%.2f) |",
          name,
          compactions,
          lowerBound,
          slide,
          (double) slide / lowerBound,
          allot,
          (double) allot / lowerBound);
    }
  }

  /**
   * Prints the table rows.
   *
   * @param args pyglet trace files
   * @throws IOException if a trace cannot be read
   */
  public static void main(String[] args) throws IOException {
    System.out.println(
        "| load | compactions | lower bound | slide (x bound) | allot first-fit (x bound) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (WorkloadKind kind : WorkloadKind.values()) {
      Allocator allocator = Allocators.create("first-fit", 0);
      Workload workload = kind.create(allocator, WorkloadState.SEED);
      workload.fill(LIVE);
      for (int i = 0; i < LIVE; i++) {
        workload.step();
      }
      Totals totals = new Totals();
      totals.add(allocator);
      System.out.println(totals.row(kind.name().toLowerCase(Locale.ROOT) + " (10,000 live)"));
    }
    AllocationStrategy firstFit = Allocators.strategy("first-fit");
    for (String file : args) {
      List<TraceOperation> operations = TraceParser.parse(Path.of(file));
      TraceReplayer replayer = new TraceReplayer(firstFit);
      Totals totals = new Totals();
      for (int i = 0; i < operations.size(); i++) {
        replayer.apply(operations.get(i));
        Allocator current = replayer.allocator();
        boolean lastOfTrace =
            i + 1 == operations.size() || operations.get(i + 1).kind() == OperationKind.CAPACITY;
        if (current != null && (lastOfTrace || (i + 1) % EVERY == 0)) {
          totals.add(copy(firstFit, current));
        }
      }
      System.out.println(totals.row(Path.of(file).getFileName().toString()));
    }
  }

  /** A new allocator of the strategy with the same capacity and blocks. */
  private static Allocator copy(AllocationStrategy strategy, Allocator allocator) {
    Allocator copy = strategy.create(allocator.getCapacity());
    List<Region> blocks = allocator.getAllocatedRegions();
    if (blocks.isEmpty()) {
      return copy;
    }
    long end = blocks.get(blocks.size() - 1).end();
    copy.alloc(end);
    long previousEnd = 0;
    for (Region block : blocks) {
      copy.dealloc(previousEnd, block.start() - previousEnd);
      previousEnd = block.end();
    }
    return copy;
  }
}
