package dev.allot.benchmarks;

import dev.allot.AllocationStrategy;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Churn through several allocators in one JVM, in chunks that alternate between them, timed by the
 * thread's CPU time: the machine's slow phases, which move separate forks of the same code by up to
 * a third at 1M live regions on this 2-core machine (docs/alignment.md), fall on every arm alike.
 *
 * <pre>
 * java -cp allocator-benchmarks/target/benchmarks.jar dev.allot.benchmarks.InterleavedChurn \
 *     --live 1000000 first-fit@1 first-fit@16
 * java -cp ... dev.allot.benchmarks.InterleavedChurn old/allocator-firstfit.jar=first-fit@16 \
 *     allocator-firstfit/target/allocator-firstfit-0.1.0-SNAPSHOT.jar=first-fit@16
 * </pre>
 *
 * <p>An arm is {@code [JAR=]STRATEGY[@ALIGNMENT]}: a registered strategy, or the one of that name
 * in {@code JAR} (another build of it), at an alignment (1 unless given). Each arm runs the same
 * steps (one seed), in its own copy of {@link ChurnArm}.
 *
 * <p>What it can tell, measured at 1M live regions (2026-11-27): arms of one strategy share its
 * compiled code, and two arms of first-fit at alignment 1 came to 0.988x and 0.994x of each other;
 * alignment 16 against 1 gave 1.44x, 1.54x, 1.33x and 1.52x in four JVMs. Arms from jars are
 * compiled apart, and two copies of one jar gave 0.84x, 0.92x and 1.07x in three JVMs: the JIT's
 * choices for each copy move it by up to a sixth. Judge a change between builds over several JVMs,
 * in both orders, and beside JMH's rounds ({@code aligned-ratio.sh}) and the peers harness.
 */
public final class InterleavedChurn {

  /** The seed of every arm's steps. */
  private static final long SEED = 42;

  private InterleavedChurn() {}

  /**
   * Runs the comparison and prints one line per arm and one per arm after the first, against it.
   *
   * @param args options ({@code --live N}, {@code --chunks C}, {@code --chunk-steps S}, {@code
   *     --capacity-per-region K}, 0 for doubling from 0) and two or more arms
   */
  public static void main(String[] args) throws IOException {
    Settings settings = Settings.parse(args);
    List<Arm> arms = new ArrayList<>();
    try {
      for (ArmSpec spec : settings.arms) {
        arms.add(Arm.load(spec, settings));
      }
      double[][] times = run(arms, settings);
      report(settings, times, System.out);
    } finally {
      for (Arm arm : arms) {
        arm.loader.close();
      }
    }
  }

  /** Warms every arm up, then times each chunk; returns CPU ns per call, by arm and chunk. */
  static double[][] run(List<Arm> arms, Settings settings) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Arm arm : arms) {
      arm.steps.accept(2 * settings.chunkSteps); // the JIT compiles each arm's copy
    }
    int count = arms.size();
    double[][] times = new double[count][settings.chunks];
    for (int chunk = 0; chunk < settings.chunks; chunk++) {
      for (int k = 0; k < count; k++) {
        int arm = chunk % 2 == 0 ? k : count - 1 - k; // ABBA: neither arm always runs first
        long before = threads.getCurrentThreadCpuTime();
        arms.get(arm).steps.accept(settings.chunkSteps);
        times[arm][chunk] =
            (threads.getCurrentThreadCpuTime() - before) / (2.0 * settings.chunkSteps);
      }
    }
    return times;
  }

  /**
   * Prints each arm's median and range, then each later arm's chunk-by-chunk ratio to the first.
   */
  static void report(Settings settings, double[][] times, PrintStream out) {
    for (int arm = 0; arm < times.length; arm++) {
      double[] sorted = times[arm].clone();
      Arrays.sort(sorted);
      out.printf(
          Locale.ROOT,
          "arm=%s live=%d chunks=%d chunk_steps=%d cpu_ns_per_call_median=%.1f min=%.1f max=%.1f%n",
          settings.arms.get(arm),
          settings.live,
          settings.chunks,
          settings.chunkSteps,
          median(sorted),
          sorted[0],
          sorted[sorted.length - 1]);
    }
    for (int arm = 1; arm < times.length; arm++) {
      double[] ratios = new double[settings.chunks];
      int faster = 0;
      for (int chunk = 0; chunk < ratios.length; chunk++) {
        ratios[chunk] = times[arm][chunk] / times[0][chunk];
        faster += ratios[chunk] < 1 ? 1 : 0;
      }
      Arrays.sort(ratios);
      out.printf(
          Locale.ROOT,
          "ratio=%s/%s median=%.3f min=%.3f max=%.3f faster_chunks=%d of %d%n",
          settings.arms.get(arm),
          settings.arms.get(0),
          median(ratios),
          ratios[0],
          ratios[ratios.length - 1],
          faster,
          ratios.length);
    }
  }

  /** The median of sorted values: the middle one, or the mean of the two middle ones. */
  static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** What one arm runs: a strategy, where it comes from, an alignment. */
  record ArmSpec(@Nullable Path jar, String strategy, long alignment) {

    /** Parses {@code [JAR=]STRATEGY[@ALIGNMENT]}. */
    static ArmSpec parse(String text) {
      int equals = text.lastIndexOf('=');
      Path jar = equals < 0 ? null : Path.of(text.substring(0, equals));
      String rest = text.substring(equals + 1);
      int at = rest.indexOf('@');
      String strategy = at < 0 ? rest : rest.substring(0, at);
      long alignment = at < 0 ? 1 : positive("arm " + text + ": alignment", rest.substring(at + 1));
      if (strategy.isEmpty()) {
        throw new IllegalArgumentException("arm " + text + ": no strategy name");
      }
      return new ArmSpec(jar, strategy, alignment);
    }

    @Override
    public String toString() {
      return (jar == null ? "" : jar.getFileName() + "=") + strategy + "@" + alignment;
    }
  }

  /** A loaded arm: its class loader, its strategy and its steps. */
  static final class Arm {
    final ArmClassLoader loader;
    final AllocationStrategy strategy;
    final LongConsumer steps;

    private Arm(ArmClassLoader loader, AllocationStrategy strategy, LongConsumer steps) {
      this.loader = loader;
      this.strategy = strategy;
      this.steps = steps;
    }

    /** Loads the arm's strategy and its own {@link ChurnArm}, and fills the allocator. */
    static Arm load(ArmSpec spec, Settings settings) throws IOException {
      ArmClassLoader loader =
          new ArmClassLoader(spec.jar(), InterleavedChurn.class.getClassLoader());
      try {
        AllocationStrategy strategy = strategy(spec, loader);
        Class<?> arm = Class.forName(ChurnArm.class.getName(), true, loader);
        LongConsumer steps =
            (LongConsumer)
                arm.getConstructor(
                        AllocationStrategy.class, int.class, long.class, long.class, long.class)
                    .newInstance(
                        strategy,
                        settings.live,
                        spec.alignment(),
                        settings.capacityPerRegion,
                        SEED);
        return new Arm(loader, strategy, steps);
      } catch (ReflectiveOperationException e) {
        loader.close();
        throw new IllegalStateException("arm " + spec + ": " + e, e);
      } catch (RuntimeException e) {
        loader.close();
        throw e;
      }
    }

    /** The arm's strategy: from its jar when it has one, else the registered one of that name. */
    private static AllocationStrategy strategy(ArmSpec spec, ClassLoader loader) {
      for (AllocationStrategy candidate : ServiceLoader.load(AllocationStrategy.class, loader)) {
        boolean fromJar = candidate.getClass().getClassLoader() == loader;
        if (candidate.getName().equals(spec.strategy()) && fromJar == (spec.jar() != null)) {
          return candidate;
        }
      }
      throw new IllegalArgumentException(
          "arm "
              + spec
              + ": no strategy '"
              + spec.strategy()
              + "' "
              + (spec.jar() == null ? "on the class path" : "in " + spec.jar()));
    }
  }

  /** The command line: options, then the arms. */
  static final class Settings {
    int live = 1_000_000;
    int chunks = 40;
    long chunkSteps = 200_000;
    long capacityPerRegion;
    final List<ArmSpec> arms = new ArrayList<>();

    static Settings parse(String[] args) {
      Settings settings = new Settings();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.startsWith("--")) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException(arg + ": no value");
          }
          String value = args[++i];
          switch (arg) {
            case "--live" -> settings.live = Math.toIntExact(positive(arg, value));
            case "--chunks" -> settings.chunks = Math.toIntExact(positive(arg, value));
            case "--chunk-steps" -> settings.chunkSteps = positive(arg, value);
            case "--capacity-per-region" -> settings.capacityPerRegion = nonNegative(arg, value);
            default -> throw new IllegalArgumentException(arg + ": unknown option");
          }
        } else {
          settings.arms.add(ArmSpec.parse(arg));
        }
      }
      if (settings.capacityPerRegion > Long.MAX_VALUE / settings.live) {
        throw new IllegalArgumentException(
            "--capacity-per-region: "
                + settings.capacityPerRegion
                + " times --live "
                + settings.live
                + " passes Long.MAX_VALUE");
      }
      if (settings.arms.size() < 2) {
        throw new IllegalArgumentException("two or more arms needed, got " + settings.arms.size());
      }
      return settings;
    }
  }

  private static long positive(String what, String value) {
    return atLeast(what, value, 1);
  }

  private static long nonNegative(String what, String value) {
    return atLeast(what, value, 0);
  }

  private static long atLeast(String what, String value, long least) {
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + value + "' is not a number", e);
    }
    if (parsed < least) {
      throw new IllegalArgumentException(what + ": " + parsed + ", must be " + least + " or more");
    }
    return parsed;
  }
}
