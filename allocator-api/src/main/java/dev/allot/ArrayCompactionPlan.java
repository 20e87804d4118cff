package dev.allot;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The plan {@link CompactionPlan.Builder} builds: the moves in three parallel arrays, read through
 * a list view that creates each {@link CompactionMove} on demand.
 */
final class ArrayCompactionPlan implements CompactionPlan {

  /*
   * Layout: froms/tos/sizes in application order, the first count slots (shared with the builder,
   * which only writes past them). translate() needs the moves ordered by source;
   * since no index moves twice, the sources are disjoint and distinct, so sorting the starts and
   * placing each move at its start's rank gives that order without boxing. The sorted copy is built
   * on the first translate(), not while the allocator plans (callers that only copy never pay for
   * it), and published through a volatile field: two threads may both build it, with equal
   * results.
   *
   * Complexity: building the plan O(m); first translate O(m log m), then O(log m) each.
   */

  private final long[] froms;
  private final long[] tos;
  private final long[] sizes;

  /** The moves: the arrays' first count slots (a builder may write past them). */
  private final int count;

  private final long moved;
  private final boolean complete;
  private final List<CompactionMove> moves = new MoveList();

  /** The moves ordered by source, or null until the first translation. */
  private volatile @Nullable SourceOrder sourceOrder;

  ArrayCompactionPlan(
      long[] froms, long[] tos, long[] sizes, int count, long moved, boolean complete) {
    this.froms = froms;
    this.tos = tos;
    this.sizes = sizes;
    this.count = count;
    this.moved = moved;
    this.complete = complete;
  }

  @Override
  public List<CompactionMove> moves() {
    return moves;
  }

  @Override
  public long movedIndices() {
    return moved;
  }

  @Override
  public boolean isComplete() {
    return complete;
  }

  @Override
  public long translate(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("translate(" + index + "): negative index");
    }
    SourceOrder order = sourceOrder;
    if (order == null) {
      order = new SourceOrder(froms, tos, sizes, count);
      sourceOrder = order;
    }
    return order.translate(index);
  }

  @Override
  public String toString() {
    return "CompactionPlan[moves=" + count + ", moved=" + moved + ", complete=" + complete + "]";
  }

  /** The moves sorted by source start. */
  private static final class SourceOrder {
    private final long[] froms;
    private final long[] deltas;
    private final long[] ends;

    SourceOrder(long[] froms, long[] tos, long[] sizes, int count) {
      this.froms = Arrays.copyOf(froms, count);
      Arrays.sort(this.froms);
      deltas = new long[count];
      ends = new long[count];
      for (int i = 0; i < count; i++) {
        int rank = Arrays.binarySearch(this.froms, froms[i]);
        deltas[rank] = tos[i] - froms[i];
        ends[rank] = froms[i] + sizes[i];
      }
    }

    long translate(long index) {
      int found = Arrays.binarySearch(froms, index);
      int rank = found >= 0 ? found : -found - 2;
      return rank >= 0 && index < ends[rank] ? index + deltas[rank] : index;
    }
  }

  /** The moves as records, made when read. */
  private final class MoveList extends AbstractList<CompactionMove> implements RandomAccess {
    @Override
    public CompactionMove get(int index) {
      Objects.checkIndex(index, count);
      return CompactionMove.of(froms[index], tos[index], sizes[index]);
    }

    @Override
    public int size() {
      return count;
    }
  }
}
