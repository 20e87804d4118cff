package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.ForwardingAllocator;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Times every {@code alloc}, {@code dealloc} and {@code realloc} call, aligned or not, one {@link
 * System#nanoTime} pair around each, into an HdrHistogram while timing is on; failed calls count
 * too. No coordinated-omission correction: each call is timed as it ran, which is what a caller
 * waits.
 */
final class TimedAllocator extends ForwardingAllocator {

  /** Where durations go while timing, else {@code null}: a call then costs one more branch. */
  private @Nullable Histogram durations;

  TimedAllocator(Allocator delegate) {
    super(delegate);
  }

  /**
   * Starts recording into {@code histogram}, or stops with {@code null}.
   *
   * @param histogram nanoseconds per call
   */
  void record(@Nullable Histogram histogram) {
    durations = histogram;
  }

  @Override
  public long alloc(long size) {
    Histogram histogram = durations;
    if (histogram == null) {
      return super.alloc(size);
    }
    long begin = System.nanoTime();
    try {
      return super.alloc(size);
    } finally {
      histogram.recordValue(System.nanoTime() - begin);
    }
  }

  @Override
  public long alloc(long size, long alignment) {
    Histogram histogram = durations;
    if (histogram == null) {
      return super.alloc(size, alignment);
    }
    long begin = System.nanoTime();
    try {
      return super.alloc(size, alignment);
    } finally {
      histogram.recordValue(System.nanoTime() - begin);
    }
  }

  @Override
  public void dealloc(long start, long size) {
    Histogram histogram = durations;
    if (histogram == null) {
      super.dealloc(start, size);
      return;
    }
    long begin = System.nanoTime();
    try {
      super.dealloc(start, size);
    } finally {
      histogram.recordValue(System.nanoTime() - begin);
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    Histogram histogram = durations;
    if (histogram == null) {
      return super.realloc(start, size, newSize);
    }
    long begin = System.nanoTime();
    try {
      return super.realloc(start, size, newSize);
    } finally {
      histogram.recordValue(System.nanoTime() - begin);
    }
  }

  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    Histogram histogram = durations;
    if (histogram == null) {
      return super.realloc(start, size, newSize, alignment);
    }
    long begin = System.nanoTime();
    try {
      return super.realloc(start, size, newSize, alignment);
    } finally {
      histogram.recordValue(System.nanoTime() - begin);
    }
  }
}
