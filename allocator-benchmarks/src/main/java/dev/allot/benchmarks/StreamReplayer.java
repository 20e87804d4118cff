package dev.allot.benchmarks;

/**
 * What {@link PeerChurnBenchmark} drives: fills the slots of a {@link ChurnStream}, then replaces
 * the region in one slot per call. One implementation per allocator, so that a benchmark fork loads
 * only one and the call site stays monomorphic.
 */
interface StreamReplayer extends AutoCloseable {

  /**
   * Allocates the region of every slot.
   *
   * @param sizes the size of each slot's region
   */
  void fill(int[] sizes);

  /**
   * Frees the region in {@code slot}, then allocates {@code size} indices into it.
   *
   * @param slot the slot
   * @param size the new region's size
   */
  void replace(int slot, int size);

  /** Releases native memory, if any. */
  @Override
  void close();
}
