package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Broken on purpose: hands out an unmodifiable view of a list it refills in place on every read, so
 * a caller cannot change the allocator through it, but a list the caller kept changes under it at
 * the allocator's next call, where {@code getAllocatedRegions()} promises a snapshot.
 */
final class LiveViewAllocator extends FaultInjectingAllocator {

  private final List<Region> blocks = new ArrayList<>();

  LiveViewAllocator(Allocator delegate) {
    super(delegate);
  }

  @Override
  public List<Region> getAllocatedRegions() {
    blocks.clear();
    blocks.addAll(delegate.getAllocatedRegions());
    return Collections.unmodifiableList(blocks);
  }
}
