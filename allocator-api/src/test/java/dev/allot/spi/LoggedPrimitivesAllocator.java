package dev.allot.spi;

import dev.allot.Region;
import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * A strategy on the skeleton that supplies only the required primitives and logs each call to them,
 * so that a test sees which steps the skeleton took and in which order (find the block, grow in
 * place, place before free). Every optional hook (alignment, compaction, same-size realloc) is left
 * at the skeleton's default, which the tests pin too.
 *
 * <p>The primitives delegate to a {@link TreeMapAllocator}, reached through its {@link
 * AbstractAllocator} type so that this package may call them; only the delegate's blocks are used,
 * the counters are the skeleton's own. {@link #lastEnd()} is a query the metrics ask all the time,
 * so it is not logged.
 */
final class LoggedPrimitivesAllocator extends AbstractAllocator {

  /** The strategy name. */
  static final String NAME = "logged";

  /** Holds the blocks; its own counters are not used. */
  private final AbstractAllocator blocks;

  /** The primitive calls in order, as {@code "place 3"} or {@code "free 0 2"}. */
  private final List<String> calls = new ArrayList<>();

  LoggedPrimitivesAllocator(long capacity) {
    super(capacity);
    blocks = new TreeMapAllocator(capacity);
  }

  /**
   * Returns the primitive calls since the last time this was asked, and forgets them.
   *
   * @return the calls in order
   */
  List<String> takeCalls() {
    List<String> taken = List.copyOf(calls);
    calls.clear();
    return taken;
  }

  @Override
  protected long place(long size) {
    calls.add("place " + size);
    return blocks.place(size);
  }

  @Override
  protected boolean free(long start, long size) {
    calls.add("free " + start + " " + size);
    return blocks.free(start, size);
  }

  @Override
  protected long blockEnd(long start, long size) {
    calls.add("blockEnd " + start + " " + size);
    return blocks.blockEnd(start, size);
  }

  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    calls.add("growInPlace " + end + " " + growth + " " + alignment);
    return blocks.growInPlace(end, growth, alignment);
  }

  @Override
  protected long lastEnd() {
    return blocks.lastEnd();
  }

  @Override
  protected void capacityRaised(long oldCapacity) {
    calls.add("capacityRaised " + oldCapacity);
    blocks.setCapacity(getCapacity());
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return blocks.getAllocatedRegions();
  }

  @Override
  public String getStrategyName() {
    return NAME;
  }
}
