/**
 * First-fit placement, pyglet 2.1 exact, provided to {@link dev.allot.Allocators} as the strategy
 * {@code first-fit}.
 */
module dev.allot.firstfit {
  requires transitive dev.allot.api;
  requires static transitive org.jspecify;

  exports dev.allot.firstfit;

  provides dev.allot.AllocationStrategy with
      dev.allot.firstfit.FirstFitStrategy;
}
