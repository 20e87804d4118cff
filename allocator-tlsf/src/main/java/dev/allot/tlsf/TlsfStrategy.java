package dev.allot.tlsf;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;

/**
 * Two-level segregated fit (TLSF), as OffsetAllocator and VMA's virtual blocks do it: free chunks
 * sorted into size classes with bitmaps, so that {@code alloc} and {@code dealloc} of a region as
 * it was placed take constant time however many regions are live. A region goes to the start of a
 * free chunk of the lowest size class that surely holds it (good fit: not first-fit's placement,
 * not always the smallest hole); {@code realloc} grows in place whenever the free space after the
 * region suffices. Aligned calls are supported for any alignment.
 *
 * <p>Registered as {@code tlsf} with priority {@value #PRIORITY}, below first-fit (10) and best-fit
 * (0): adding this jar never changes a default; choose it by name.
 *
 * @since 0.1.0
 */
public final class TlsfStrategy implements AllocationStrategy {

  /** The name users choose this strategy by. */
  public static final String NAME = "tlsf";

  /**
   * The default rank, below first-fit's and best-fit's, so that adding this jar changes no default.
   */
  public static final int PRIORITY = -10;

  /** Creates the strategy; {@link java.util.ServiceLoader} calls this. */
  public TlsfStrategy() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }

  @Override
  public Allocator create(long capacity) {
    return new TlsfAllocator(capacity); // its skeleton rejects a negative capacity
  }

  @Override
  public String toString() {
    return NAME;
  }
}
