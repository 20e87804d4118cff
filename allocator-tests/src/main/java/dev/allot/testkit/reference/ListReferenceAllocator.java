package dev.allot.testkit.reference;

import dev.allot.Region;
import dev.allot.spi.AbstractAllocator;
import dev.allot.spi.Alignment;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The plainest correct strategy for a {@link HoleChoice}: a list of blocks, every hole found by
 * walking it. With {@link HoleChoice#SMALLEST} it is best-fit exactly as {@code
 * docs/spec/semantics.md} defines it, aligned calls included, and the oracle best-fit's tree is
 * checked against; with {@link HoleChoice#LARGEST} it is the worst-fit the custom-strategy example
 * is checked against; {@link HoleChoice#FIRST} is plain first-fit, the spec's aligned first-fit,
 * not pyglet's unaligned quirks ({@link PygletReferenceAllocator} has those). Made by {@link
 * ListReferenceStrategy}.
 *
 * <p>Why it extends {@link AbstractAllocator} while {@link PygletReferenceAllocator} does not. What
 * this reference is for is the one thing strategies differ in: which hole a region takes, how a
 * block grows in place, how a range is freed. The call rules around those steps (argument checks
 * and messages, the order of the {@code realloc} rules, placing before freeing) are the skeleton's,
 * the same for every strategy, and they are checked against oracles that share nothing with it: the
 * literal pyglet transcription at every step of first-fit's contract and differential runs, the
 * kit's model ({@link dev.allot.testkit.AllocationModel}) for every strategy, and the shared
 * corpora, computed from the spec, for both shipped strategies. Writing the rules out again here
 * would only add a copy that could drift, which is what the skeleton was made to end. The pyglet
 * reference stays a line-by-line transcription, independent of the skeleton, so that the skeleton
 * itself has an oracle.
 *
 * <p>Clarity over speed: every call is {@code O(n)}, and a placement lists every hole first. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public class ListReferenceAllocator extends AbstractAllocator {

  /*
   * Layout: blocks, in address order; every block has size > 0 and ends before the next one
   * starts (never touching: touching blocks are merged as they form). The holes are the gaps
   * before, between and after the blocks, up to the capacity.
   */

  private final HoleChoice choice;

  /** The allocated blocks in address order. */
  private final List<Region> blocks = new ArrayList<>();

  /**
   * Creates an empty allocator; {@link ListReferenceStrategy#create} is the public way.
   *
   * @param choice which hole a placement takes
   * @param capacity the capacity, {@code >= 0}
   */
  ListReferenceAllocator(HoleChoice choice, long capacity) {
    super(capacity);
    this.choice = choice;
  }

  @Override
  protected long place(long size) {
    return placeIn(size, 1);
  }

  @Override
  protected long placeAligned(long size, long alignment) {
    return placeIn(size, alignment);
  }

  @Override
  protected boolean supportsAlignment() {
    return true;
  }

  /** Puts the region at the aligned start of the hole the choice picks. */
  private long placeIn(long size, long alignment) {
    Region hole = pickHole(holes(), size, alignment);
    if (hole == null) {
      return NO_ROOM;
    }
    long start = alignedStart(hole, alignment);
    take(hole, start, size);
    return start;
  }

  /**
   * Returns the hole the choice picks for a region. Package-private and overridable so that the
   * kit's own tests can break the fit test and see the contract catch it.
   *
   * @param holes the free holes in address order
   * @param size the region's size
   * @param alignment the alignment, {@code >= 1}
   * @return the hole, or {@code null} if none fits
   */
  @Nullable Region pickHole(List<Region> holes, long size, long alignment) {
    return choice.pick(holes, size, alignment);
  }

  /**
   * Returns where a region goes in the hole the choice picked: its aligned start. Package-private
   * and overridable so that the kit's own tests can break it and see the contract catch it.
   *
   * @param hole the hole, which fits the region
   * @param alignment the alignment, {@code >= 1}
   * @return the start
   */
  long alignedStart(Region hole, long alignment) {
    return Alignment.up(hole.start(), alignment);
  }

  /**
   * Allocates the region {@code [start, start + size)} in {@code hole}, leaving the padding before
   * it free. Package-private and overridable, as {@link #alignedStart}.
   *
   * @param hole the hole the region goes in
   * @param start the region's start
   * @param size the region's size
   */
  void take(Region hole, long start, long size) {
    occupy(start, size);
  }

  /** The holes in address order: before the first block, between blocks, and the tail. */
  private List<Region> holes() {
    List<Region> holes = new ArrayList<>(blocks.size() + 1);
    long previousEnd = 0;
    for (Region block : blocks) {
      holes.add(new Region(previousEnd, block.start() - previousEnd));
      previousEnd = block.end();
    }
    holes.add(new Region(previousEnd, getCapacity() - previousEnd));
    return holes;
  }

  /**
   * Marks a free range allocated, merging it with the blocks it touches; for the overrides of
   * {@link #take}.
   *
   * @param start the first index
   * @param size the length
   */
  final void occupy(long start, long size) {
    int index = 0;
    while (index < blocks.size() && blocks.get(index).start() < start) {
      index++;
    }
    blocks.add(index, new Region(start, size));
    mergeWithNext(index);
    if (index > 0) {
      mergeWithNext(index - 1);
    }
  }

  /**
   * Merges block {@code index} with the next one if they touch. Package-private and overridable so
   * that the kit's own tests can break the merge and see the contract catch it.
   *
   * @param index a block's position in the list
   */
  void mergeWithNext(int index) {
    if (index + 1 < blocks.size() && blocks.get(index).end() == blocks.get(index + 1).start()) {
      Region next = blocks.remove(index + 1);
      Region block = blocks.get(index);
      blocks.set(index, new Region(block.start(), block.size() + next.size()));
    }
  }

  /** The position of the block holding all of {@code [start, start + size)}, or -1. */
  private int indexOf(long start, long size) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).contains(start, size)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected boolean free(long start, long size) {
    int index = indexOf(start, size);
    if (index < 0) {
      return false;
    }
    Region block = blocks.remove(index);
    long end = start + size;
    if (end < block.end()) {
      blocks.add(index, new Region(end, block.end() - end));
    }
    if (block.start() < start) {
      blocks.add(index, new Region(block.start(), start - block.start()));
    }
    return true;
  }

  @Override
  protected long blockEnd(long start, long size) {
    int index = indexOf(start, size);
    return index < 0 ? NO_BLOCK : blocks.get(index).end();
  }

  /** Grows into the hole after the block when it is long enough, whatever the choice. */
  @Override
  protected boolean growInPlace(long end, long growth, long alignment) {
    int index = indexOf(end - 1, 1);
    long holeEnd = index + 1 < blocks.size() ? blocks.get(index + 1).start() : getCapacity();
    if (holeEnd - end < growth) {
      return false;
    }
    occupy(end, growth);
    return true;
  }

  @Override
  protected long lastEnd() {
    return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).end();
  }

  /** Nothing to do: the tail is measured from the capacity whenever holes are listed. */
  @Override
  protected void capacityRaised(long oldCapacity) {}

  @Override
  protected boolean supportsCompaction() {
    return true;
  }

  @Override
  protected long firstGapEnd(long minGap) {
    long previousEnd = 0;
    for (Region block : blocks) {
      if (block.start() - previousEnd >= minGap) {
        return block.start();
      }
      previousEnd = block.end();
    }
    return NO_BLOCK;
  }

  @Override
  protected long previousEnd(long start) {
    int index = indexOf(start, 1);
    return index == 0 ? 0 : blocks.get(index - 1).end();
  }

  @Override
  protected long lastStart() {
    return blocks.get(blocks.size() - 1).start();
  }

  @Override
  protected void moveBlock(long from, long size, long to) {
    free(from, size);
    occupy(to, size);
  }

  @Override
  public List<Region> getAllocatedRegions() {
    return List.copyOf(blocks);
  }

  @Override
  public String getStrategyName() {
    return ListReferenceStrategy.name(choice);
  }
}
