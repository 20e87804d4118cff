package dev.allot.testkit;

/**
 * A promise a strategy makes beyond the allocator contract, which turns on an extra property of
 * {@link AllocatorContract}. Guava-testlib style: a property whose feature is not declared is
 * skipped, not failed.
 *
 * @since 0.1.0
 */
public enum AllocatorFeature {
  /**
   * Every result, block list and metric equals pyglet 2.1's allocator at every step, as the literal
   * {@link dev.allot.testkit.reference.PygletReferenceAllocator} computes them.
   */
  PYGLET_FIRST_FIT,

  /**
   * Every new placement ({@code alloc}, {@code realloc} from size 0, and {@code realloc} that moves
   * its region) goes to the smallest free hole that fits, the lowest start on a tie, with holes
   * taken as they were before the call (a moving region's old range still counts as allocated); and
   * a placement fails for memory only when no hole fits.
   */
  SMALLEST_FIT,

  /**
   * {@code compact(budget, granularity)} answers every good call with a plan, moving whole blocks
   * down by multiples of the granularity within the budget (one move at least while work is left),
   * no index twice in a call, with moves that copied in order keep every region's data, overlap
   * flags that are true and a translation that finds every region; a plan that says it is complete
   * leaves no gap of the granularity or more before a block (none at all with granularity 1).
   */
  COMPACTION,

  /**
   * {@code alloc(size, alignment)} and {@code realloc(start, size, newSize, alignment)} take any
   * alignment {@code >= 1} ({@code docs/spec/semantics.md}, "Aligned allocation"): a region placed
   * anew starts at a multiple of its alignment, at the aligned start of the free hole it takes, and
   * the padding before it stays free; alignment 1 is exactly the unaligned call. Without it or
   * {@link #ALIGNED_CALLS}, every aligned call above 1 throws {@link
   * dev.allot.UnsupportedAlignmentException} and changes nothing. The kit's programs make aligned
   * calls above 1 only for strategies that declare one of the two.
   */
  ALIGNMENT,

  /**
   * Aligned calls are accepted, with a placement rule of the strategy's own: a region an aligned
   * call returns starts at a multiple of its alignment, and every property that applies to all
   * strategies holds over programs that make aligned calls. {@link #ALIGNMENT} implies it and adds
   * the spec's placement at the aligned start of a hole; declare this one instead for a strategy
   * that supports alignment but places aligned regions elsewhere in a hole (say, at its top), which
   * would otherwise have to refuse aligned calls to pass.
   */
  ALIGNED_CALLS,

  /**
   * Once warm, churn at a steady live count allocates no heap memory: freeing a random live region
   * and allocating 1 to 64 indices in its place, 10,000 regions in a capacity of 256 indices per
   * region, a million steps allocate under 1 KiB on the calling thread after a million steps of
   * warm-up (the JVM's own allocations stay below that). Skipped where the JVM cannot count a
   * thread's allocations ({@code com.sun.management.ThreadMXBean}).
   */
  ALLOCATION_FREE_CHURN
}
