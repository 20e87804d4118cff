package dev.allot.bestfit;

import static dev.allot.spi.AllocatorArguments.notAllocated;
import static dev.allot.spi.AllocatorArguments.requireEndFits;
import static dev.allot.spi.AllocatorArguments.requireNonNegative;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * The best-fit rules of {@code docs/spec/semantics.md} written as plainly as possible: a list of
 * blocks, every hole found by walking it, touching blocks merged by a normalising pass. O(n) per
 * call; the oracle of {@link BestFitDifferentialTest}.
 */
final class ListBestFitOracle implements Allocator {

  private final List<Region> blocks = new ArrayList<>();
  private long capacity;

  ListBestFitOracle(long capacity) {
    this.capacity = capacity;
  }

  @Override
  public long alloc(long size) {
    requireNonNegative("alloc", size);
    return size == 0 ? 0 : place(size, "alloc", size);
  }

  private long place(long size, String call, long... args) {
    long bestStart = -1;
    long bestLength = Long.MAX_VALUE;
    long previousEnd = 0;
    List<Region> holes = new ArrayList<>();
    for (Region block : blocks) {
      holes.add(new Region(previousEnd, block.start() - previousEnd));
      previousEnd = block.end();
    }
    holes.add(new Region(previousEnd, capacity - previousEnd));
    for (Region hole : holes) { // address order, so a strict < keeps the lowest start on a tie
      if (hole.size() >= size && hole.size() < bestLength) {
        bestStart = hole.start();
        bestLength = hole.size();
      }
    }
    if (bestStart < 0) {
      requireEndFits(previousEnd, size, call, args);
      throw new AllocatorMemoryException(
          previousEnd + size, getLargestFreeHole(), getFragmentedFreeSize());
    }
    blocks.add(new Region(bestStart, size));
    normalise();
    return bestStart;
  }

  /** Sorts the blocks and merges touching ones. */
  private void normalise() {
    blocks.sort((x, y) -> Long.compare(x.start(), y.start()));
    for (int i = 0; i + 1 < blocks.size(); ) {
      Region left = blocks.get(i);
      Region right = blocks.get(i + 1);
      if (left.end() == right.start()) {
        blocks.set(i, new Region(left.start(), left.size() + right.size()));
        blocks.remove(i + 1);
      } else {
        i++;
      }
    }
  }

  private int containing(long start, long size) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).contains(start, size)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void dealloc(long start, long size) {
    requireNonNegative("dealloc", start, size);
    if (size != 0) {
      free(start, size, "dealloc", start, size);
    }
  }

  private void free(long start, long size, String call, long... args) {
    requireEndFits(start, size, call, args);
    int index = containing(start, size);
    if (index < 0) {
      throw notAllocated(start, size, call, args);
    }
    Region block = blocks.remove(index);
    if (start > block.start()) {
      blocks.add(new Region(block.start(), start - block.start()));
    }
    if (start + size < block.end()) {
      blocks.add(new Region(start + size, block.end() - start - size));
    }
    normalise();
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    requireNonNegative("realloc", start, size, newSize);
    if (newSize == 0) {
      if (size != 0) {
        free(start, size, "realloc", start, size, newSize);
      }
      return 0;
    }
    if (size == 0) {
      return place(newSize, "realloc", start, size, newSize);
    }
    requireEndFits(start, size, "realloc", start, size, newSize);
    if (newSize < size) {
      free(start + newSize, size - newSize, "realloc", start, size, newSize);
      return start;
    }
    int index = containing(start, size);
    if (index < 0) {
      throw notAllocated(start, size, "realloc", start, size, newSize);
    }
    if (newSize == size) {
      return start;
    }
    Region block = blocks.get(index);
    long holeEnd = index + 1 < blocks.size() ? blocks.get(index + 1).start() : capacity;
    if (start + size == block.end() && holeEnd - block.end() >= newSize - size) {
      blocks.add(new Region(block.end(), newSize - size));
      normalise();
      return start;
    }
    long result = place(newSize, "realloc", start, size, newSize);
    free(start, size, "realloc", start, size, newSize);
    return result;
  }

  @Override
  public long getCapacity() {
    return capacity;
  }

  @Override
  public void setCapacity(long capacity) {
    AllocatorArguments.requireNoShrink(this.capacity, capacity);
    this.capacity = capacity;
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return List.copyOf(blocks);
  }

  @Override
  public long getFreeSize() {
    return capacity - blocks.stream().mapToLong(Region::size).sum();
  }

  @Override
  public long getFragmentedFreeSize() {
    return blocks.isEmpty() ? 0 : getFreeSize() - (capacity - blocks.get(blocks.size() - 1).end());
  }

  @Override
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  @Override
  public String getStrategyName() {
    return "best-fit-oracle";
  }
}
