package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;

/**
 * Everything a caller can observe of an allocator at one moment, so that two moments can be
 * compared as a whole ("a failed call changes nothing") and against the model.
 *
 * @param capacity {@link Allocator#getCapacity()}
 * @param blocks {@link Allocator#getAllocatedRegions()}
 * @param freeSize {@link Allocator#getFreeSize()}
 * @param fragmentedFreeSize {@link Allocator#getFragmentedFreeSize()}
 * @param largestFreeHole {@link Allocator#getLargestFreeHole()}
 * @param usage {@link Allocator#getUsage()}
 * @param fragmentation {@link Allocator#getFragmentation()}
 * @param empty {@link Allocator#isEmpty()}
 * @since 0.1.0
 */
public record Observation(
    long capacity,
    List<Region> blocks,
    long freeSize,
    long fragmentedFreeSize,
    long largestFreeHole,
    double usage,
    double fragmentation,
    boolean empty) {

  /** How far usage and fragmentation may stray for {@link #agreesWith}, for rounding only. */
  private static final double RATIO_TOLERANCE = 1e-9;

  /**
   * Copies the block list, so that the observation stays as it was whatever the allocator does.
   *
   * @param capacity the capacity
   * @param blocks the allocated blocks
   * @param freeSize the free size
   * @param fragmentedFreeSize the fragmented free size
   * @param largestFreeHole the largest free hole
   * @param usage the usage
   * @param fragmentation the fragmentation
   * @param empty whether nothing is allocated
   */
  public Observation {
    blocks = List.copyOf(blocks);
  }

  /**
   * Reads every observable figure of an allocator.
   *
   * @param allocator the allocator
   * @return what it shows now
   */
  public static Observation of(Allocator allocator) {
    return new Observation(
        allocator.getCapacity(),
        allocator.getAllocatedRegions(),
        allocator.getFreeSize(),
        allocator.getFragmentedFreeSize(),
        allocator.getLargestFreeHole(),
        allocator.getUsage(),
        allocator.getFragmentation(),
        allocator.isEmpty());
  }

  /**
   * Compares two observations figure for figure: exactly, except usage and fragmentation, which
   * only have to agree to rounding, since an allocator may compute them another way.
   *
   * @param other the other observation
   * @return {@code true} if every figure and block agrees
   */
  public boolean agreesWith(Observation other) {
    return capacity == other.capacity
        && blocks.equals(other.blocks)
        && freeSize == other.freeSize
        && fragmentedFreeSize == other.fragmentedFreeSize
        && largestFreeHole == other.largestFreeHole
        && Math.abs(usage - other.usage) <= RATIO_TOLERANCE
        && Math.abs(fragmentation - other.fragmentation) <= RATIO_TOLERANCE
        && empty == other.empty;
  }

  /**
   * Renders the observation compactly for failure messages.
   *
   * @return e.g. {@code capacity=16 blocks=0:4,8:2 free=10 fragmented=4 largest=6 usage=0.375
   *     fragmentation=0.4 empty=false}
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("capacity=").append(capacity).append(" blocks=");
    dev.allot.trace.ReplayFormat.appendRegions(text, blocks);
    return text.append(" free=")
        .append(freeSize)
        .append(" fragmented=")
        .append(fragmentedFreeSize)
        .append(" largest=")
        .append(largestFreeHole)
        .append(" usage=")
        .append(usage)
        .append(" fragmentation=")
        .append(fragmentation)
        .append(" empty=")
        .append(empty)
        .toString();
  }
}
