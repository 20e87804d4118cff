package dev.allot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@linkplain Allocators#growing growing allocator}'s {@link GrowingAllocator#compact
 * compact} when its {@link RelocationListener} throws part-way through the moves. The allocator has
 * applied the whole {@link #getPlan() plan} (its blocks are where the plan says); the listener has
 * copied the first {@link #getCopiedMoves()} moves and failed on the next one, whose copy may be
 * partial; the remaining moves were not passed to it. The listener's exception is the {@linkplain
 * #getCause() cause}.
 *
 * <p>To recover, copy the moves from {@code getCopiedMoves()} on (the failed move again only when
 * its source is intact, which a partial copy of an {@linkplain CompactionMove#overlapping()
 * overlapping} move may have broken) and translate every held start with the plan, as after a
 * successful call.
 *
 * @since 0.1.0
 */
public class IncompleteCompactionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The plan the allocator applied; not serialized with the exception. */
  private final transient CompactionPlan plan;

  /** The moves the listener finished. */
  private final int copiedMoves;

  /**
   * Creates the exception.
   *
   * @param plan the plan the allocator applied
   * @param copiedMoves the moves the listener finished, {@code < plan.moves().size()}
   * @param cause what the listener threw
   * @throws IllegalArgumentException if {@code copiedMoves} is negative or not below the plan's
   *     move count
   */
  public IncompleteCompactionException(CompactionPlan plan, int copiedMoves, Throwable cause) {
    super(requireMove(plan, copiedMoves), Objects.requireNonNull(cause, "cause"));
    this.plan = plan;
    this.copiedMoves = copiedMoves;
  }

  /**
   * Returns null, the message {@link #getMessage()} builds when asked: the exception is made when a
   * listener failed, perhaps for want of the heap, and must then take as little of it as it can.
   */
  private static @Nullable String requireMove(CompactionPlan plan, int copiedMoves) {
    int moves = plan.moves().size();
    if (copiedMoves < 0 || copiedMoves >= moves) {
      throw new IllegalArgumentException(
          "IncompleteCompactionException: copiedMoves "
              + copiedMoves
              + " must name one of the plan's "
              + moves
              + " moves");
    }
    return null;
  }

  /**
   * Returns which move the listener failed on, of how many, and that the plan stands.
   *
   * @return the message
   */
  @Override
  @SuppressWarnings("ConstantConditions") // null after deserialization: the plan is transient
  public String getMessage() {
    CompactionPlan applied = plan;
    if (applied == null) {
      return "relocation listener failed on move "
          + copiedMoves
          + "; the allocator applied the whole plan (not serialized)";
    }
    return "relocation listener failed on move "
        + copiedMoves
        + " of "
        + applied.moves().size()
        + " ("
        + applied.moves().get(copiedMoves)
        + "); the allocator applied the whole plan";
  }

  /**
   * Returns the plan the allocator applied.
   *
   * @return the whole plan
   */
  public CompactionPlan getPlan() {
    return plan;
  }

  /**
   * Returns how many moves the listener finished: the index of the move it failed on.
   *
   * @return the count of copied moves
   */
  public int getCopiedMoves() {
    return copiedMoves;
  }
}
