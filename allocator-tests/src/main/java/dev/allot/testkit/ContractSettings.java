package dev.allot.testkit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The system properties that tune a run of {@link AllocatorContract}.
 *
 * @since 0.1.0
 */
public final class ContractSettings {

  /**
   * Programs generated per property; raise it for a long soak, e.g. {@code
   * -Dallot.contract.iterations=20000}.
   */
  public static final String ITERATIONS_PROPERTY = "allot.contract.iterations";

  /** Fixes the seed, to run again exactly the programs of a failure report. */
  public static final String SEED_PROPERTY = "allot.contract.seed";

  /**
   * Programs per property by default. A program averages 40 to 50 calls (retries included), so the
   * eight properties every strategy runs check about 170,000 steps, and each declared feature adds
   * one more property: measured 5-10 s per strategy on a shared 2-core machine, most of it kotest's
   * warm-up in the first property.
   */
  public static final int DEFAULT_ITERATIONS = 500;

  private ContractSettings() {}

  /**
   * Returns the programs to generate per property.
   *
   * @return {@value #ITERATIONS_PROPERTY}, or {@value #DEFAULT_ITERATIONS}
   * @throws IllegalArgumentException if the property is set but not a positive integer
   */
  public static int iterations() {
    String value = System.getProperty(ITERATIONS_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_ITERATIONS;
    }
    try {
      int iterations = Integer.parseInt(value.strip());
      if (iterations > 0) {
        return iterations;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as a non-positive count
    }
    throw new IllegalArgumentException(
        ITERATIONS_PROPERTY + "=" + value + ": expected a positive integer");
  }

  /**
   * Returns the seed of the next property run.
   *
   * @return {@value #SEED_PROPERTY}, or a fresh random seed
   * @throws IllegalArgumentException if the property is set but not an integer
   */
  public static long seed() {
    String value = System.getProperty(SEED_PROPERTY);
    if (value == null || value.isBlank()) {
      return ThreadLocalRandom.current().nextLong();
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + "=" + value + ": expected an integer", e);
    }
  }
}
