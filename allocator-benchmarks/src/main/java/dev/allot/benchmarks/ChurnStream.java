package dev.allot.benchmarks;

import java.util.SplittableRandom;

/**
 * One precomputed churn program, replayed identically by every implementation of {@link
 * PeerChurnBenchmark}: the sizes of {@code live} fill regions, then pairs "free the region in slot
 * s, allocate a new one of size n into that slot", as {@code shared/peers} streams them (sizes
 * 1..64, capacity 256 per live region, no growth). A class rather than a record: its arrays are
 * handed to the replayers as they are, without copies, and a record would promise value equality.
 */
final class ChurnStream {

  /** Largest size allocated. */
  static final int MAX_SIZE = 64;

  /** Capacity per live region: ample room, so that no implementation runs out. */
  static final long CAPACITY_PER_REGION = 4L * MAX_SIZE;

  private final int[] fill;
  private final int[] pairs;

  private ChurnStream(int[] fill, int[] pairs) {
    this.fill = fill;
    this.pairs = pairs;
  }

  /** The size of the region each slot gets while filling; not a copy. */
  int[] fill() {
    return fill;
  }

  /** {@code slot << 6 | (size - 1)} for each free-and-alloc pair; not a copy. */
  int[] pairs() {
    return pairs;
  }

  /**
   * Draws a stream.
   *
   * @param live the slots, all filled before the pairs start
   * @param pairs how many pairs; replayed cyclically when a run needs more
   * @param seed the seed, the same for every implementation
   * @return the stream
   */
  static ChurnStream generate(int live, int pairs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] fill = new int[live];
    for (int i = 0; i < live; i++) {
      fill[i] = 1 + random.nextInt(MAX_SIZE);
    }
    int[] ops = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      ops[i] = random.nextInt(live) << 6 | random.nextInt(MAX_SIZE);
    }
    return new ChurnStream(fill, ops);
  }

  /** The capacity every implementation gets. */
  long capacity() {
    return CAPACITY_PER_REGION * fill.length;
  }

  static int slot(int pair) {
    return pair >>> 6;
  }

  static int size(int pair) {
    return (pair & (MAX_SIZE - 1)) + 1;
  }
}
