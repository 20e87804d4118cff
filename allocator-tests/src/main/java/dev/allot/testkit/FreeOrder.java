package dev.allot.testkit;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * Orders in which a seeded test program frees the pieces it cut out of a buffer: each fills an
 * allocator's nodes from another side, so that splits and merges happen at other places (the first
 * node, the last, both halves in turn). The memory failure tests of the strategies free long runs
 * of small pieces in one of these orders.
 *
 * <pre>{@code
 * for (long start : FreeOrder.pick(random).of(starts, random)) {
 *   allocator.dealloc(start, 1);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FreeOrder {
  /** As given. */
  ASCENDING,
  /** Last first. */
  DESCENDING,
  /** Shuffled by the generator (Fisher-Yates, from the last place down). */
  SHUFFLED,
  /** The odd places (1, 3, ...), then the even ones (0, 2, ...). */
  ODD_THEN_EVEN,
  /** From the middle place outwards: n/2, n/2 - 1, n/2 + 1, n/2 - 2, ... */
  MIDDLE_OUTWARDS;

  /**
   * Returns one of the orders, drawn from {@code random} (one {@code nextInt(5)}).
   *
   * @param random the program's generator
   * @return the order
   */
  public static FreeOrder pick(RandomGenerator random) {
    return values()[random.nextInt(values().length)];
  }

  /**
   * Returns a copy of {@code values} in this order; {@link #SHUFFLED} draws from {@code random},
   * the others do not.
   *
   * @param values the values, typically the starts of the pieces to free
   * @param random the program's generator
   * @return a new array of the same values
   */
  public long[] of(long[] values, RandomGenerator random) {
    long[] order = values.clone();
    int n = order.length;
    switch (this) {
      case ASCENDING -> {}
      case DESCENDING -> {
        for (int i = 0; i < n; i++) {
          order[i] = values[n - 1 - i];
        }
      }
      case SHUFFLED -> {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          long swap = order[i];
          order[i] = order[j];
          order[j] = swap;
        }
      }
      case ODD_THEN_EVEN -> {
        int at = 0;
        for (int parity = 1; parity >= 0; parity--) {
          for (int i = parity; i < n; i += 2) {
            order[at++] = values[i];
          }
        }
      }
      case MIDDLE_OUTWARDS -> {
        for (int i = 0; i < n; i++) {
          int offset = (i + 1) / 2;
          order[i] = values[Math.floorMod(n / 2 + (i % 2 == 0 ? offset : -offset), n)];
        }
      }
    }
    return order;
  }

  /**
   * Returns a copy of {@code values} in this order, as {@link #of(long[], RandomGenerator)} does.
   *
   * @param values the values, typically the starts of the pieces to free
   * @param random the program's generator
   * @return a new, unmodifiable list of the same values
   */
  public List<Long> of(List<Long> values, RandomGenerator random) {
    return LongStream.of(of(values.stream().mapToLong(Long::longValue).toArray(), random))
        .boxed()
        .toList();
  }
}
