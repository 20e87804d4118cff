package dev.allot.testkit;

import dev.allot.Allocator;

/**
 * Broken on purpose: keeps its largest free hole as a summary that, like a tree whose node
 * summaries stop being updated once the blocks outgrow one node, is refreshed only while there are
 * at most {@value #NODE_CAPACITY} blocks.
 */
final class StaleSummaryAllocator extends FaultInjectingAllocator {

  /** The blocks one node holds. */
  static final int NODE_CAPACITY = 64;

  private long largestFreeHole;

  StaleSummaryAllocator(Allocator delegate) {
    super(delegate);
    refresh();
  }

  @Override
  public long alloc(long size) {
    try {
      return delegate.alloc(size);
    } finally {
      refresh();
    }
  }

  @Override
  public void dealloc(long start, long size) {
    try {
      delegate.dealloc(start, size);
    } finally {
      refresh();
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    try {
      return delegate.realloc(start, size, newSize);
    } finally {
      refresh();
    }
  }

  @Override
  public void setCapacity(long capacity) {
    try {
      delegate.setCapacity(capacity);
    } finally {
      refresh();
    }
  }

  @Override
  public long getLargestFreeHole() {
    return largestFreeHole;
  }

  private void refresh() {
    if (delegate.getAllocatedRegions().size() <= NODE_CAPACITY) {
      largestFreeHole = delegate.getLargestFreeHole();
    }
  }
}
