package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.Set;

/** The kit's own oracle passes the contract, and agrees with itself step by step. */
class PygletReferenceContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new PygletReferenceStrategy();
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(AllocatorFeature.PYGLET_FIRST_FIT);
  }
}
