package dev.allot.examples;

import dev.allot.Allocator;
import dev.allot.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Passes every call on to another allocator and writes it as a trace line ({@code
 * spec/trace-format.md}) first, so that a failing or rejected call is recorded too and a replay
 * repeats the run exactly. {@code bench --record} uses it to produce traces for other allocators,
 * pyglet's included. Not thread-safe.
 */
final class RecordingAllocator implements Allocator {

  private final Allocator delegate;
  private final Appendable out;

  /** Wraps {@code delegate} and writes its {@code capacity} line. */
  RecordingAllocator(Allocator delegate, Appendable out) {
    this.delegate = delegate;
    this.out = out;
    write("capacity " + delegate.getCapacity());
  }

  private void write(String line) {
    try {
      out.append(line).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long alloc(long size) {
    write("alloc " + size);
    return delegate.alloc(size);
  }

  @Override
  public void dealloc(long start, long size) {
    write("dealloc " + start + " " + size);
    delegate.dealloc(start, size);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    write("realloc " + start + " " + size + " " + newSize);
    return delegate.realloc(start, size, newSize);
  }

  @Override
  public void setCapacity(long capacity) {
    write("set_capacity " + capacity);
    delegate.setCapacity(capacity);
  }

  @Override
  public long getCapacity() {
    return delegate.getCapacity();
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return delegate.getAllocatedRegions();
  }

  @Override
  public long getFreeSize() {
    return delegate.getFreeSize();
  }

  @Override
  public long getFragmentedFreeSize() {
    return delegate.getFragmentedFreeSize();
  }

  @Override
  public long getLargestFreeHole() {
    return delegate.getLargestFreeHole();
  }

  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return delegate.getStrategyName();
  }
}
