package dev.allot.tlsf;

import dev.allot.AllocationStrategy;
import dev.allot.testkit.AllocatorContract;

/** TLSF passes the generic allocator contract; it promises no placement beyond it. */
class TlsfContractTest extends AllocatorContract {

  @Override
  protected AllocationStrategy strategy() {
    return new TlsfStrategy();
  }
}
