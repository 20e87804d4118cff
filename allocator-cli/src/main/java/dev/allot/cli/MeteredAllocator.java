package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.ForwardingAllocator;

/**
 * Reports every {@code alloc}, {@code dealloc} and {@code realloc}, aligned or not (failed ones
 * too), and every compaction's plan to a {@link RunMeter}; relocations reach the meter as the
 * growing allocator's relocation listener. Not thread-safe.
 */
final class MeteredAllocator extends ForwardingAllocator {

  private final RunMeter meter;

  MeteredAllocator(Allocator delegate, RunMeter meter) {
    super(delegate);
    this.meter = meter;
  }

  @Override
  public long alloc(long size) {
    try {
      return super.alloc(size);
    } finally {
      meter.called(delegate());
    }
  }

  @Override
  public long alloc(long size, long alignment) {
    try {
      return super.alloc(size, alignment);
    } finally {
      meter.called(delegate());
    }
  }

  @Override
  public void dealloc(long start, long size) {
    try {
      super.dealloc(start, size);
    } finally {
      meter.called(delegate());
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    try {
      return super.realloc(start, size, newSize);
    } finally {
      meter.called(delegate());
    }
  }

  @Override
  public CompactionPlan compact(long budget, long granularity) {
    CompactionPlan plan = super.compact(budget, granularity);
    meter.compacted(delegate(), plan.movedIndices());
    return plan;
  }

  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    try {
      return super.realloc(start, size, newSize, alignment);
    } finally {
      meter.called(delegate());
    }
  }
}
