package dev.allot;

import java.util.List;

/**
 * An allocator that reports whatever it is given: for breaking one invariant at a time, or for
 * rendering known blocks. Every call that would change it throws.
 */
public record ReportedAllocator(
    long getCapacity,
    List<Region> getAllocatedRegions,
    long getFreeSize,
    long getFragmentedFreeSize,
    boolean isEmpty)
    implements Allocator {

  /** A consistent allocator of capacity 20 with blocks 2:3 and 8:4. */
  public static ReportedAllocator healthy() {
    return new ReportedAllocator(20, List.of(new Region(2, 3), new Region(8, 4)), 13, 5, false);
  }

  @Override
  public long alloc(long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dealloc(long start, long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setCapacity(long capacity) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getStrategyName() {
    return "reported";
  }
}
