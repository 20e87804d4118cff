package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.reference.TopOfHoleAlignedAllocator;
import java.util.Set;

/**
 * A correct strategy that supports aligned calls with a placement rule of its own (the top of the
 * first hole that fits) declares {@link AllocatorFeature#ALIGNED_CALLS}: every generic property
 * then runs with aligned calls, the refusal test is skipped, and the spec's placement rule ({@link
 * AllocatorFeature#ALIGNMENT}) is not asked of it. Without that feature such a strategy could pass
 * neither way: undeclared, the kit demanded that it refuse aligned calls; declared as {@code
 * ALIGNMENT}, that it place them at the bottom of the hole.
 */
class TopOfHoleAlignedContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new TestStrategy("top-of-hole", TopOfHoleAlignedAllocator::new);
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(AllocatorFeature.ALIGNED_CALLS, AllocatorFeature.COMPACTION);
  }
}
