package dev.allot.benchmarks;

import dev.allot.Allocator;

/** Replays a {@link ChurnStream} through an Allot {@link Allocator}, by its public API. */
final class AllotReplayer implements StreamReplayer {

  private final Allocator allocator;
  private long[] starts = new long[0];
  private int[] sizes = new int[0];

  AllotReplayer(Allocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public void fill(int[] fill) {
    starts = new long[fill.length];
    sizes = fill.clone();
    for (int slot = 0; slot < fill.length; slot++) {
      starts[slot] = allocator.alloc(fill[slot]);
    }
  }

  @Override
  public void replace(int slot, int size) {
    allocator.dealloc(starts[slot], sizes[slot]);
    starts[slot] = allocator.alloc(size);
    sizes[slot] = size;
  }

  @Override
  public void close() {}
}
