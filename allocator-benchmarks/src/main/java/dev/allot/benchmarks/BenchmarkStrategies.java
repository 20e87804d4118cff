package dev.allot.benchmarks;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.Optional;

/**
 * Finds the strategy a benchmark parameter names: the shipped ones by {@link Allocators}, so a
 * strategy module added to this module's dependencies is measured with no code change, and the
 * literal pyglet reference, which is deliberately not a registered strategy.
 */
final class BenchmarkStrategies {

  /**
   * Live regions above which the reference is not run: its O(n) calls make the setup and each
   * iteration too slow to be worth waiting for (1M live would take hours of warm-up).
   */
  static final int REFERENCE_MAX_LIVE = 100_000;

  private BenchmarkStrategies() {}

  /**
   * Returns the named strategy, or empty when it is not on the class path or is the reference above
   * {@link #REFERENCE_MAX_LIVE}.
   */
  static Optional<AllocationStrategy> find(String name, int live) {
    if (name.equals(PygletReferenceStrategy.NAME)) {
      return live > REFERENCE_MAX_LIVE
          ? Optional.empty()
          : Optional.of(new PygletReferenceStrategy());
    }
    return Allocators.strategies().stream().filter(s -> s.getName().equals(name)).findFirst();
  }

  /**
   * Returns the named strategy or throws the exception with which JMH reports one parameter
   * combination as failed and moves on to the next: the way to skip a combination.
   */
  static AllocationStrategy require(String name, int live) {
    return find(name, live)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Skipped: strategy '"
                        + name
                        + "' is not on the class path"
                        + (name.equals(PygletReferenceStrategy.NAME)
                            ? " above " + REFERENCE_MAX_LIVE + " live regions (O(n) per call)"
                            : "")));
  }
}
