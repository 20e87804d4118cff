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
    return new ForwardingCompactionPlan(plan) {
      @Override
      public List<CompactionMove> moves() {
        return delegate.moves().stream()
            .map(move -> new CompactionMove(move.from(), move.to(), move.size(), false))
            .toList();
      }
    };
  }
}
