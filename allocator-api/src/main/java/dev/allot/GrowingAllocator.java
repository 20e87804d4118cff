package dev.allot;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An allocator that grows instead of failing: when the delegate throws {@link
 * AllocatorMemoryException}, it asks its {@link GrowthPolicy} for a new capacity, tells its {@link
 * CapacityListener}, raises the delegate's capacity and retries the call. This is pyglet's vertex
 * domain ({@code safe_alloc}, {@code safe_realloc}) as a decorator. Made by {@link
 * Allocators#growing(Allocator, GrowthPolicy, CapacityListener, RelocationListener)}.
 *
 * <p>It tells its {@link RelocationListener} when {@link #realloc} moved a region, and an explicit
 * {@link #setCapacity} that raises the capacity goes through the capacity listener too, so the two
 * listeners are the one place where the caller's buffer is resized and its data moved.
 *
 * <p>What a failure leaves behind. Bad input is rejected by the delegate before any growth, and the
 * allocator is as it was. The capacity is raised only after {@link
 * CapacityListener#capacityGrowing} returned normally; if the policy or {@code capacityGrowing}
 * throws, the exception reaches the caller and the allocator is exactly as it was before the call.
 * A policy that answers less than the requested capacity is a bug reported as {@link
 * IllegalStateException}, again with nothing changed. A memory exception reaches the caller only
 * when growth cannot help: its requested capacity is not above the current one.
 *
 * <p>{@link RelocationListener#regionRelocated} is the exception: it runs after the move, so when
 * it throws, the {@code realloc} has already happened. The region is at the {@code newStart} the
 * listener was given and its old range is free, and any growth the call needed first stands (the
 * listener had already resized the buffer for it). The caller does not get the return value, so a
 * listener that can fail records {@code newStart} before anything that may throw.
 *
 * <p>Not thread-safe, like every allocator; see {@link Allocators#synchronizedAllocator}.
 *
 * @since 0.1.0
 */
public final class GrowingAllocator extends ForwardingAllocator {

  /**
   * The longs set aside while a compaction's moves go to the listener: room for an {@link
   * IncompleteCompactionException} and its stack trace (a few KiB) when the listener's failure left
   * the heap full.
   */
  private static final int EXCEPTION_RESERVE_LONGS = 4096;

  /** Heap set aside while {@link #compact} calls the listener; null otherwise. */
  @SuppressWarnings("unused") // written to keep the array alive, never read
  private long @Nullable [] exceptionReserve;

  private final GrowthPolicy policy;
  private final CapacityListener onGrow;
  private final RelocationListener onMove;

  /**
   * Creates the decorator.
   *
   * @param delegate the allocator to grow
   * @param policy picks the new capacity
   * @param onGrow resizes the caller's buffer
   * @param onMove moves relocated data
   */
  GrowingAllocator(
      Allocator delegate, GrowthPolicy policy, CapacityListener onGrow, RelocationListener onMove) {
    super(delegate);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.onGrow = Objects.requireNonNull(onGrow, "onGrow");
    this.onMove = Objects.requireNonNull(onMove, "onMove");
  }

  /** One attempt of a call that may fail for lack of capacity. */
  @FunctionalInterface
  private interface Attempt {
    long run();
  }

  @Override
  public long alloc(long size) {
    try {
      return delegate().alloc(size);
    } catch (AllocatorMemoryException failure) {
      return grownAndRetried(failure, () -> delegate().alloc(size));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Grows to the requested capacity of an aligned failure ({@code up(end(last)) + size}, through
   * the policy) and retries the aligned call.
   */
  @Override
  public long alloc(long size, long alignment) {
    try {
      return delegate().alloc(size, alignment);
    } catch (AllocatorMemoryException failure) {
      return grownAndRetried(failure, () -> delegate().alloc(size, alignment));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Grows when the region must move and nothing fits; when it moved, calls {@link
   * RelocationListener#regionRelocated} before returning.
   */
  @Override
  public long realloc(long start, long size, long newSize) {
    long newStart;
    try {
      newStart = delegate().realloc(start, size, newSize);
    } catch (AllocatorMemoryException failure) {
      newStart = grownAndRetried(failure, () -> delegate().realloc(start, size, newSize));
    }
    return relocated(start, size, newSize, newStart);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Grows as {@link #realloc(long, long, long)} does; a region whose start is not a multiple of
   * {@code alignment} moves even when it shrinks, and the listener is told of that move too.
   */
  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    long newStart;
    try {
      newStart = delegate().realloc(start, size, newSize, alignment);
    } catch (AllocatorMemoryException failure) {
      newStart =
          grownAndRetried(failure, () -> delegate().realloc(start, size, newSize, alignment));
    }
    return relocated(start, size, newSize, newStart);
  }

  /** Tells the listener when a realloc moved a region, and returns its new start. */
  private long relocated(long start, long size, long newSize, long newStart) {
    if (size != 0 && newSize != 0 && newStart != start) {
      onMove.regionRelocated(start, newStart, Math.min(size, newSize));
    }
    return newStart;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Compaction never needs growth. After the delegate has moved its blocks, each move is passed
   * to {@link RelocationListener#regionRelocated regionRelocated(from, to, size)} in plan order, so
   * the listener that copies relocated regions copies compacted blocks too ({@link
   * CompactionMove#overlapping()} is not passed: the listener copies as {@link System#arraycopy}
   * does).
   *
   * @throws IncompleteCompactionException if the listener throws: the allocator has applied the
   *     whole plan, which the exception carries with the count of moves the listener finished
   */
  @Override
  public CompactionPlan compact(long budget, long granularity) {
    CompactionPlan plan = delegate().compact(budget, granularity);
    List<CompactionMove> moves = plan.moves();
    if (moves.isEmpty()) {
      return plan;
    }
    // Heap for the exception that carries the plan, dropped just before it is made: a listener
    // that fails because it ran the heap out (and whose data still holds it) left no room for the
    // exception, and the caller got a bare OutOfMemoryError without the plan the blocks had
    // already followed.
    exceptionReserve = new long[EXCEPTION_RESERVE_LONGS];
    try {
      for (int i = 0; i < moves.size(); i++) {
        try {
          CompactionMove move = moves.get(i); // made when read: it may fail for want of the heap
          onMove.regionRelocated(move.from(), move.to(), move.size());
        } catch (RuntimeException | Error e) {
          exceptionReserve = null;
          throw new IncompleteCompactionException(plan, i, e);
        }
      }
    } finally {
      exceptionReserve = null;
    }
    return plan;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A rise is announced to {@link CapacityListener#capacityGrowing} first; the current capacity
   * or a smaller one goes straight to the delegate, which ignores or rejects it.
   */
  @Override
  public void setCapacity(long capacity) {
    long current = delegate().getCapacity();
    if (capacity > current) {
      onGrow.capacityGrowing(current, capacity);
    }
    delegate().setCapacity(capacity);
  }

  /**
   * Grows for a failed first attempt, then retries until the call fits or growth fails. Every call
   * makes its first attempt directly: a capturing lambda handed to one loop shared by all calls is
   * not inlined there, so it was allocated on every call, success included.
   */
  private long grownAndRetried(AllocatorMemoryException firstFailure, Attempt retry) {
    AllocatorMemoryException failure = firstFailure;
    while (true) {
      grow(failure);
      try {
        return retry.run();
      } catch (AllocatorMemoryException e) {
        failure = e;
      }
    }
  }

  /**
   * Raises the capacity so that the failed call fits. The loop in {@link #grownAndRetried} ends
   * because each pass raises the capacity strictly, or rethrows.
   */
  private void grow(AllocatorMemoryException failure) {
    long current = delegate().getCapacity();
    long requested = failure.getRequestedCapacity();
    if (requested <= current) {
      throw failure;
    }
    long target = policy.newCapacity(current, requested);
    if (target < requested) {
      // Named by what it did: a lambda policy's toString() says nothing.
      throw new IllegalStateException(
          "GrowthPolicy.newCapacity("
              + current
              + ", "
              + requested
              + ") returned "
              + target
              + ", less than the requested capacity "
              + requested
              + "; a policy must return at least the request");
    }
    onGrow.capacityGrowing(current, target);
    delegate().setCapacity(target);
  }
}
