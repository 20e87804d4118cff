package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Broken on purpose: hands out its own block list, a mutable one it keeps between calls, so a
 * caller who modifies the list changes what the allocator reports.
 */
final class SharedListAllocator extends FaultInjectingAllocator {

  private final List<Region> blocks = new ArrayList<>();

  SharedListAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long alloc(long size) {
    try {
      return delegate.alloc(size);
    } finally {
      blocks.clear();
    }
  }

  @Override
  public void dealloc(long start, long size) {
    try {
      delegate.dealloc(start, size);
    } finally {
      blocks.clear();
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    try {
      return delegate.realloc(start, size, newSize);
    } finally {
      blocks.clear();
    }
  }

  @Override
  public List<Region> getAllocatedRegions() {
    if (blocks.isEmpty()) {
      blocks.addAll(delegate.getAllocatedRegions());
    }
    return blocks;
  }
}
