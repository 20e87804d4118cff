package dev.allot.testkit;

/**
 * A promise a strategy makes beyond the allocator contract, which turns on an extra property of
 * {@link AllocatorContract}. Guava-testlib style: a property whose feature is not declared is
 * skipped, not failed.
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
  SMALLEST_FIT
}
