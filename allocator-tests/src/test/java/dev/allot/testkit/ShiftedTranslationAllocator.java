package dev.allot.testkit;

import dev.allot.CompactionPlan;
import dev.allot.testkit.reference.SlidingCompactionAllocator;

/**
 * Broken on purpose: the plan's translation is one too far for the last index of a moved block, an
 * off-by-one at the block's end.
 */
final class ShiftedTranslationAllocator extends SlidingCompactionAllocator {

  ShiftedTranslationAllocator(long capacity) {
    super(capacity);
  }

  @Override
  protected CompactionPlan published(CompactionPlan plan) {
    return new ForwardingCompactionPlan(plan) {
      @Override
      public long translate(long index) {
        boolean lastOfMove =
            delegate.moves().stream().anyMatch(move -> index == move.from() + move.size() - 1);
        return delegate.translate(index) + (lastOfMove ? 1 : 0);
      }
    };
  }
}
