package dev.allot.testkit.reference;

import dev.allot.CompactionPlan;
import dev.allot.ForwardingAllocator;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;

/**
 * The best-fit list reference with a compaction of its own: every block in address order slides
 * down as far as the granularity allows, not the skeleton's fill-then-slide, to show that the kit
 * accepts any correct plan. Its two hooks let the kit's tests break the plan.
 */
public class SlidingCompactionAllocator extends ForwardingAllocator {

  /** The allocator whose blocks the compaction moves, with the reference's own primitive. */
  private final ListReferenceAllocator reference;

  /**
   * Creates an empty allocator.
   *
   * @param capacity the capacity
   */
  public SlidingCompactionAllocator(long capacity) {
    this(new ListReferenceAllocator(HoleChoice.SMALLEST, capacity));
  }

  private SlidingCompactionAllocator(ListReferenceAllocator reference) {
    super(reference);
    this.reference = reference;
  }

  @Override
  public CompactionPlan compact(long budget, long granularity) {
    AllocatorArguments.requireCompaction(budget, granularity);
    CompactionPlan.Builder plan = CompactionPlan.builder();
    long previousEnd = 0;
    for (Region block : reference.getAllocatedRegions()) { // a snapshot: the moves change the list
      long start = block.start();
      long to = start - (start - previousEnd) / granularity * granularity;
      long size = movedSize(block.size());
      if (to != start) {
        if (plan.moveCount() > 0 && size > budget - plan.movedIndices()) {
          return published(plan.build(false));
        }
        reference.moveBlock(start, size, to);
        plan.add(start, to, size);
      }
      previousEnd = to + block.size();
    }
    return published(plan.build(true));
  }

  /**
   * Returns how much of a block of {@code size} a compaction moves: all of it.
   *
   * @param size the block's size
   * @return {@code size}
   */
  protected long movedSize(long size) {
    return size;
  }

  /**
   * Returns the plan a compaction hands to the caller: the plan itself.
   *
   * @param plan the plan as made
   * @return {@code plan}
   */
  protected CompactionPlan published(CompactionPlan plan) {
    return plan;
  }
}
