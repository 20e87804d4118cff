/**
 * Two-level segregated fit in constant time per call, provided to {@link dev.allot.Allocators} as
 * the strategy {@code tlsf}.
 */
module dev.allot.tlsf {
  requires transitive dev.allot.api;
  requires static org.jspecify;

  exports dev.allot.tlsf;

  provides dev.allot.AllocationStrategy with
      dev.allot.tlsf.TlsfStrategy;
}
