package dev.allot;

import java.util.Arrays;
import java.util.List;

/**
 * What one call of {@link Allocator#compact(long, long)} did: the allocator has already moved the
 * blocks in its bookkeeping, and the caller now copies its data, move by move in {@link #moves()}
 * order, then updates every start it holds with {@link #translate(long)}.
 *
 * <pre>{@code
 * CompactionPlan plan = allocator.compact(4096, 1); // at most one 4096-index copy budget a frame
 * for (CompactionMove move : plan.moves()) {
 *   System.arraycopy(buffer, (int) move.from(), buffer, (int) move.to(), (int) move.size());
 * }
 * sprites.forEach(sprite -> sprite.start = plan.translate(sprite.start));
 * }</pre>
 *
 * <p>The moves hold whole blocks, so a caller's region (which lies inside one block) moves as one
 * piece. No index moves twice in one plan, which is why the moves can be applied in order with one
 * copy each and why one translation serves every held start. A plan is immutable and may be read
 * from any thread.
 *
 * @since 0.1.0
 */
public interface CompactionPlan {

  /**
   * Returns the copies to make, in the order to make them.
   *
   * @return an immutable list; empty when the call found nothing to move
   */
  List<CompactionMove> moves();

  /**
   * Returns the number of indices the moves copy, the sum of their sizes.
   *
   * @return the total size of the moves
   */
  long movedIndices();

  /**
   * Returns where an index is after the plan: for an index inside a moved block, its new place; for
   * any other index, the index itself. A caller passes each start it holds.
   *
   * @param index an index before the plan, {@code >= 0}
   * @return the index after the plan
   * @throws IllegalArgumentException if {@code index} is negative
   */
  long translate(long index);

  /**
   * Tells whether compaction with this plan's granularity has reached its end state: another call
   * with the same granularity and no allocation in between would move nothing.
   *
   * @return {@code true} when no work is left
   */
  boolean isComplete();

  /**
   * Returns the plan of a call that moved nothing.
   *
   * @param complete whether no work is left
   * @return an empty plan
   */
  static CompactionPlan empty(boolean complete) {
    return new Builder().build(complete);
  }

  /**
   * Returns a builder that collects moves in application order.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Collects the moves of a plan in application order; used by strategies. Not thread-safe.
   *
   * @since 0.1.0
   */
  final class Builder {

    private long[] froms = new long[8];
    private long[] tos = new long[8];
    private long[] sizes = new long[8];
    private int count;
    private long moved;

    Builder() {}

    /**
     * Adds the next move.
     *
     * @param from the block's start before the move
     * @param to its start after
     * @param size its size, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException as {@link CompactionMove#CompactionMove}
     */
    public Builder add(long from, long to, long size) {
      CompactionMove.requireValid(from, to, size);
      if (count == froms.length) {
        int length = count + (count >> 1);
        froms = Arrays.copyOf(froms, length);
        tos = Arrays.copyOf(tos, length);
        sizes = Arrays.copyOf(sizes, length);
      }
      froms[count] = from;
      tos[count] = to;
      sizes[count] = size;
      count++;
      moved += size;
      return this;
    }

    /**
     * Returns the number of indices added so far.
     *
     * @return the total size of the moves
     */
    public long movedIndices() {
      return moved;
    }

    /**
     * Returns the number of moves added so far.
     *
     * @return the count of moves
     */
    public int moveCount() {
      return count;
    }

    /**
     * Builds the plan of the moves added so far, in O(1); the builder may go on.
     *
     * @param complete whether no work is left after these moves
     * @return the plan
     */
    public CompactionPlan build(boolean complete) {
      // The plan reads the first count moves of these arrays, which later adds never write: they
      // write past count, or into new arrays when they grow. So nothing is copied, and a plan per
      // move costs one small object (AbstractAllocator.compact builds one before each move).
      return new ArrayCompactionPlan(froms, tos, sizes, count, moved, complete);
    }
  }
}
