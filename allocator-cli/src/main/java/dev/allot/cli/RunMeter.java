package dev.allot.cli;

import dev.allot.Allocator;
import dev.allot.CapacityListener;
import dev.allot.RelocationListener;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What {@code compare} measures of one strategy over one run: calls, relocations, growths,
 * compactions and the indices they moved, peak capacity, the allocator at the end, and samples of
 * fragmentation and capacity every {@code interval} calls for the chart (primitive arrays grown by
 * doubling; a chart needs a few thousand points at most). It listens to the growing allocator for
 * growths and relocations and to {@link MeteredAllocator}s for calls, so whatever drives the
 * allocator (a trace, a workload) is measured the same way.
 *
 * <p>Not thread-safe.
 */
final class RunMeter implements CapacityListener, RelocationListener {

  private final String strategy;
  private final int interval;
  private long calls;
  private long relocations;
  private long growths;
  private long compactions;
  private long movedIndices;

  /** Whether {@link #movedIndices} stopped at {@link Long#MAX_VALUE}, the sum being larger. */
  private boolean movedSaturated;

  private long peakCapacity;
  private long nanos;
  private long skipped;
  private @Nullable Allocator last;

  private long[] x = new long[64];
  private double[] fragmentation = new double[64];
  private long[] capacity = new long[64];
  private int samples;

  RunMeter(String strategy, int interval) {
    this.strategy = strategy;
    this.interval = Math.max(1, interval);
  }

  /** Wraps a new allocator of the run (one per trace section) so that its calls are measured. */
  Allocator attach(Allocator allocator) {
    last = allocator;
    peakCapacity = Math.max(peakCapacity, allocator.getCapacity());
    return new MeteredAllocator(allocator, this);
  }

  @Override
  public void capacityGrowing(long oldCapacity, long newCapacity) {
    growths++;
    peakCapacity = Math.max(peakCapacity, newCapacity);
  }

  @Override
  public void regionRelocated(long oldStart, long newStart, long size) {
    relocations++;
  }

  void called(Allocator allocator) {
    calls++;
    if (calls % interval == 0) {
      sample(calls, allocator.getFragmentation(), allocator.getCapacity());
    }
  }

  /** Counts a compaction and samples right after it, so that the chart shows its drop. */
  void compacted(Allocator allocator, long moved) {
    compactions++;
    // Saturated, not wrapped: a run over a capacity near Long.MAX_VALUE can move more than a long
    // holds in all, and a wrapped sum printed as a negative count.
    if (moved > Long.MAX_VALUE - movedIndices) {
      movedIndices = Long.MAX_VALUE;
      movedSaturated = true;
    } else {
      movedIndices += moved;
    }
    sample(calls, allocator.getFragmentation(), allocator.getCapacity());
  }

  private void sample(long call, double fragmentationNow, long capacityNow) {
    if (samples == x.length) {
      x = Arrays.copyOf(x, samples * 2);
      fragmentation = Arrays.copyOf(fragmentation, samples * 2);
      capacity = Arrays.copyOf(capacity, samples * 2);
    }
    x[samples] = call;
    fragmentation[samples] = fragmentationNow;
    capacity[samples] = capacityNow;
    samples++;
  }

  /** Records the duration of the run made without a meter, for {@link #opsPerSecond()}. */
  void timed(long timedNanos) {
    nanos = timedNanos;
  }

  /** Records the calls the run could not translate. */
  void skipped(long skippedCalls) {
    skipped = skippedCalls;
  }

  /** Calls a second in the timed run, which had no meter attached. */
  double opsPerSecond() {
    return nanos == 0 ? 0 : calls * 1e9 / nanos;
  }

  long skipped() {
    return skipped;
  }

  String strategy() {
    return strategy;
  }

  long calls() {
    return calls;
  }

  long relocations() {
    return relocations;
  }

  long growths() {
    return growths;
  }

  long compactions() {
    return compactions;
  }

  /** Indices copied by all the compactions of the run, {@link Long#MAX_VALUE} at most. */
  long movedIndices() {
    return movedIndices;
  }

  /**
   * The moved indices as the table prints them: the count, or {@code >9223372036854775807} when the
   * sum passed what a long holds.
   */
  String movedText() {
    return movedSaturated ? ">" + Long.MAX_VALUE : Long.toString(movedIndices);
  }

  long peakCapacity() {
    return peakCapacity;
  }

  /** The allocator of the last section, for the final usage and fragmentation. */
  @Nullable Allocator last() {
    return last;
  }

  int samples() {
    return samples;
  }

  long x(int i) {
    return x[i];
  }

  double fragmentation(int i) {
    return fragmentation[i];
  }

  long capacity(int i) {
    return capacity[i];
  }
}
