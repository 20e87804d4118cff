package dev.allot.testkit;

import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.testkit.reference.SlidingCompactionAllocator;
import java.util.List;

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
    return new CompactionPlan() {
      @Override
      public List<CompactionMove> moves() {
        return plan.moves();
      }

      @Override
      public long movedIndices() {
        return plan.movedIndices();
      }

      @Override
      public long translate(long index) {
        boolean lastOfMove =
            plan.moves().stream().anyMatch(move -> index == move.from() + move.size() - 1);
        return plan.translate(index) + (lastOfMove ? 1 : 0);
      }

      @Override
      public boolean isComplete() {
        return plan.isComplete();
      }
    };
  }
}
