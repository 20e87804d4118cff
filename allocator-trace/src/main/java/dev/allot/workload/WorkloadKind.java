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
  TEXT("text"),

  /**
   * Like churn, but half the new regions are uniform buffer ranges: 16 to 1024 indices in steps of
   * 16, at alignment 256 ({@code GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT}); the other half are vertex
   * ranges of 1 to 64 indices at the workload's alignment (1 by default).
   */
  UNIFORM("uniform");

  private final String workloadName;

  WorkloadKind(String workloadName) {
    this.workloadName = workloadName;
  }

  /**
   * Returns the name used on the command line and in benchmark parameters.
   *
   * @return {@code churn}, {@code sprites}, {@code text} or {@code uniform}
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
   * Creates a workload of this kind whose placements ask for {@code alignment}.
   *
   * @param allocator the allocator to drive; its capacity grows as the workload needs
   * @param seed the seed of every random choice
   * @param alignment the alignment of every {@code alloc} and {@code realloc}, {@code >= 1} (the
   *     uniform ranges of {@link #UNIFORM} keep 256)
   * @return the workload
   * @throws IllegalArgumentException if {@code alignment < 1}
   */
  public Workload create(Allocator allocator, long seed, long alignment) {
    return new Workload(this, allocator, seed, alignment);
  }

  /**
   * Returns the kind with the given name.
   *
   * @param name {@code churn}, {@code sprites}, {@code text} or {@code uniform} (case-insensitive)
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
        "Unknown workload '" + name + "'; known: churn, sprites, text, uniform");
  }

  @Override
  public String toString() {
    return workloadName;
  }
}
