package dev.allot.workload;

import dev.allot.Allocator;
import java.util.Locale;

/**
 * The shapes of allocation traffic a {@link Workload} produces, named as on the command line.
 *
 * <pre>{@code
 * Workload churn = WorkloadKind.byName("churn").create(Allocators.create("first-fit", 0), 42);
 * churn.fill(10_000);
 * for (int i = 0; i < 1_000_000; i++) {
 *   churn.step();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum WorkloadKind {

  /** Frees a random live region and allocates a new one of 1 to 64 indices: general churn. */
  CHURN("churn"),

  /** Like churn with sizes 4 and 6 only: quads and hexagons of a sprite batch. */
  SPRITES("sprites"),

  /**
   * Grows a random region by 1 to 8 indices with {@code realloc}, as text layouts grow while typed;
   * a region that would pass 256 indices is freed and re-created small.
   */
  TEXT("text");

  private final String workloadName;

  WorkloadKind(String workloadName) {
    this.workloadName = workloadName;
  }

  /**
   * Returns the name used on the command line and in benchmark parameters.
   *
   * @return {@code churn}, {@code sprites} or {@code text}
   */
  public String workloadName() {
    return workloadName;
  }

  /**
   * Creates a workload of this kind with no live regions yet.
   *
   * @param allocator the allocator to drive; its capacity grows as the workload needs
   * @param seed the seed of every random choice, so that a run can be repeated exactly
   * @return the workload
   */
  public Workload create(Allocator allocator, long seed) {
    return new Workload(this, allocator, seed);
  }

  /**
   * Returns the kind with the given name.
   *
   * @param name {@code churn}, {@code sprites} or {@code text} (case-insensitive)
   * @return the kind
   * @throws IllegalArgumentException naming the known kinds if none matches
   */
  public static WorkloadKind byName(String name) {
    for (WorkloadKind kind : values()) {
      if (kind.workloadName.equals(name.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "Unknown workload '" + name + "'; known: churn, sprites, text");
  }

  @Override
  public String toString() {
    return workloadName;
  }
}
