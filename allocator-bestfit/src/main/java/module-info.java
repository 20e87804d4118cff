/**
 * Best-fit placement, provided to {@link dev.allot.Allocators} as the strategy {@code best-fit}.
 */
module dev.allot.bestfit {
  requires transitive dev.allot.api;
  requires static transitive org.jspecify;

  exports dev.allot.bestfit;

  provides dev.allot.AllocationStrategy with
      dev.allot.bestfit.BestFitStrategy;
}
