package dev.allot.tlsf;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;
import dev.allot.testkit.AllocatorFeature;
import java.util.Set;

/**
 * TLSF passes the generic allocator contract, aligned calls included, and allocates nothing once
 * its churn is warm; it promises no choice of hole beyond the contract.
 */
class TlsfContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new TlsfStrategy();
  }

  @Override
  protected Set<AllocatorFeature> features() {
    return Set.of(AllocatorFeature.ALIGNMENT, AllocatorFeature.ALLOCATION_FREE_CHURN);
  }
}
