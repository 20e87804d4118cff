package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Allocators;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: a short run that shows which strategy the classpath picked, what allocation,
 * freeing, growth and reallocation do to the buffer, and the metrics.
 */
@Command(
    name = "demo",
    header = "Show an allocator at work on a small buffer.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%n",
    optionListHeading = "%nOptions:%n",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description =
        "Shows an allocator at work on a small buffer, with an ASCII map after each step.")
final class DemoCommand implements Callable<Integer> {

  @Mixin StrategyOption strategy = new StrategyOption();

  /** Wide enough to show every index of the demo's buffer. */
  private static final int MAP_WIDTH = 64;

  @Override
  public Integer call() {
    run(System.out, strategy.strategy());
    return 0;
  }

  static void run(PrintStream out, AllocationStrategy strategy) {
    out.println(
        "Strategies on the classpath: "
            + Allocators.strategies().stream().map(AllocationStrategy::getName).toList());
    out.println("Showing: " + strategy.getName() + " (choose another with --strategy NAME)");
    Allocator allocator = Allocators.create(strategy, 32);
    out.println();
    long a = step(out, allocator, "a = alloc(8)", () -> allocator.alloc(8));
    long b = step(out, allocator, "b = alloc(6)", () -> allocator.alloc(6));
    step(out, allocator, "c = alloc(10)", () -> allocator.alloc(10));
    step(
        out,
        allocator,
        "dealloc(b, 6)",
        () -> {
          allocator.dealloc(b, 6);
          return b;
        });
    long d = step(out, allocator, "d = alloc(4), reuses b's hole", () -> allocator.alloc(4));
    step(out, allocator, "realloc(d, 4, 6), fills the gap", () -> allocator.realloc(d, 4, 6));
    try {
      allocator.alloc(16);
    } catch (AllocatorMemoryException e) {
      out.println("alloc(16) fails: " + e.getMessage());
      allocator.setCapacity(e.getRequestedCapacity());
      step(
          out,
          allocator,
          "setCapacity(" + e.getRequestedCapacity() + "); alloc(16)",
          () -> allocator.alloc(16));
    }
    step(
        out,
        allocator,
        "dealloc(a, 8)",
        () -> {
          allocator.dealloc(a, 8);
          return a;
        });
    out.printf(
        "%nusage %.2f, fragmentation %.2f (free %d, of which fragmented %d)%n",
        allocator.getUsage(),
        allocator.getFragmentation(),
        allocator.getFreeSize(),
        allocator.getFragmentedFreeSize());
  }

  private interface Step {
    long apply();
  }

  private static long step(PrintStream out, Allocator allocator, String label, Step step) {
    long start = step.apply();
    out.printf(
        "%-34s -> %2d  %s  blocks %s%n",
        label,
        start,
        AsciiMap.render(allocator, MAP_WIDTH),
        AsciiMap.blocks(allocator.getAllocatedRegions()));
    return start;
  }
}
