package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * Broken on purpose, as pyglet 2.1 is: {@code getFreeSize} and {@code getFragmentedFreeSize} skip
 * the gap before the first block.
 */
final class PygletMetricsAllocator extends FaultInjectingAllocator {

  PygletMetricsAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public long getFreeSize() {
    return delegate.getFreeSize() - leadingGap();
  }

  @Override
  public long getFragmentedFreeSize() {
    return delegate.getFragmentedFreeSize() - leadingGap();
  }

  private long leadingGap() {
    List<Region> blocks = delegate.getAllocatedRegions();
    return blocks.isEmpty() ? 0 : blocks.get(0).start();
  }
}
