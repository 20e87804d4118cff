package dev.allot.testkit;

import dev.allot.CompactionMove;
import dev.allot.CompactionPlan;
import java.util.List;

/**
 * A compaction plan that answers as another one does, so that a plan broken on purpose overrides
 * just the answer it falsifies.
 */
abstract class ForwardingCompactionPlan implements CompactionPlan {

  /** The plan the compaction really made. */
  final CompactionPlan delegate;

  ForwardingCompactionPlan(CompactionPlan delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<CompactionMove> moves() {
    return delegate.moves();
  }

  @Override
  public long movedIndices() {
    return delegate.movedIndices();
  }

  @Override
  public long translate(long index) {
    return delegate.translate(index);
  }

  @Override
  public boolean isComplete() {
    return delegate.isComplete();
  }
}
