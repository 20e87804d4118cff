package dev.allot.tlsf;

import dev.allot.Allocator;
import dev.allot.testkit.BadInputContract;

/** TLSF rejects every case of the kit's bad-input table with the exact message and no change. */
class TlsfBadInputTest extends BadInputContract {

  @Override
  protected Allocator create(long capacity) {
    return new TlsfStrategy().create(capacity);
  }
}
