package dev.allot.testkit;

import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import dev.allot.testkit.reference.SlidingCompactionAllocator;
import java.util.List;

/** Broken on purpose: every move says its ranges do not overlap, even when they do. */
final class HiddenOverlapAllocator extends SlidingCompactionAllocator {

  HiddenOverlapAllocator(long capacity) {
    super(capacity);
  }

  @Override
  protected CompactionPlan published(CompactionPlan plan) {
    return new CompactionPlan() {
      @Override
      public List<CompactionMove> moves() {
        return plan.moves().stream()
            .map(move -> new CompactionMove(move.from(), move.to(), move.size(), false))
            .toList();
      }

      @Override
      public long movedIndices() {
        return plan.movedIndices();
      }

      @Override
      public long translate(long index) {
        return plan.translate(index);
      }

      @Override
      public boolean isComplete() {
        return plan.isComplete();
      }
    };
  }
}
