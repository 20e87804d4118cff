package dev.allot.benchmarks;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the memory of each strategy: fills a churn workload, runs as many steps as there are
 * live regions (so freed and split blocks are in the picture), and walks the allocator's object
 * graph with JOL. Prints one line per strategy and size with bytes per block and per live region.
 *
 * <pre>
 * java -Djdk.attach.allowAttachSelf=true --add-opens java.base/java.util=ALL-UNNAMED \
 *     --add-opens java.base/java.lang=ALL-UNNAMED \
 *     -cp allocator-benchmarks/target/benchmarks.jar dev.allot.benchmarks.Footprint
 * </pre>
 */
public final class Footprint {

  /** Live-region counts measured. */
  private static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};

  /** Strategies measured, as the benchmarks name them. */
  private static final List<String> STRATEGIES =
      List.of("first-fit", "best-fit", "tlsf", "pyglet-reference");

  private Footprint() {}

  /**
   * Prints the footprint lines.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (String name : STRATEGIES) {
      for (int live : SIZES) {
        Optional<AllocationStrategy> strategy = BenchmarkStrategies.find(name, live);
        if (strategy.isEmpty()) {
          System.out.printf(Locale.ROOT, "strategy=%s live=%d skipped%n", name, live);
          continue;
        }
        Allocator allocator = strategy.get().create(0);
        Workload workload = WorkloadKind.CHURN.create(allocator, WorkloadState.SEED);
        workload.fill(live);
        for (int i = 0; i < live; i++) {
          workload.step();
        }
        long bytes = GraphLayout.parseInstance(allocator).totalSize();
        int blocks = allocator.getAllocatedRegions().size();
        System.out.printf(
            Locale.ROOT,
            "strategy=%s live=%d blocks=%d bytes=%d bytes_per_block=%.1f bytes_per_live_region=%.1f%n",
            name,
            live,
            blocks,
            bytes,
            (double) bytes / blocks,
            (double) bytes / live);
      }
    }
  }
}
