package dev.allot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An allocator that writes every call it receives as a trace line ({@code
 * docs/spec/trace-format.md}), so that a real workload can be captured once and replayed later
 * against any strategy with the {@code replay} or {@code compare} commands. Made by {@link
 * Allocators#recording(Allocator, Appendable)}.
 *
 * <p>The trace starts with {@code capacity N}, the delegate's capacity when recording began; that
 * is why the delegate must be empty then. Each {@code alloc}, {@code dealloc}, {@code realloc},
 * {@code setCapacity} and {@code compact} call adds one line, written <em>before</em> the call is
 * passed on, so calls that fail with bad input or lack of memory are recorded too: a replay
 * reproduces them. Reading calls (capacity, metrics, regions) are not recorded.
 *
 * <p>An {@link IOException} from the {@link Appendable} is thrown as {@link UncheckedIOException}
 * and the call is then not passed on, so the allocator and the trace never disagree. Lines end with
 * {@code \n}; the appendable is neither flushed nor closed.
 *
 * <p>To capture the capacity changes of a growing allocator, put the recorder inside: {@code
 * growing(recording(allocator, out), policy, onGrow, onMove)}.
 *
 * <p>Not thread-safe, like every allocator; see {@link Allocators#synchronizedAllocator}.
 *
 * @since 0.1.0
 */
public final class RecordingAllocator extends ForwardingAllocator {

  private final Appendable out;

  /**
   * Creates the recorder and writes the {@code capacity} line.
   *
   * @param delegate the allocator to record, empty
   * @param out where the lines go
   * @throws IllegalArgumentException if {@code delegate} is not empty
   * @throws UncheckedIOException if writing fails
   */
  RecordingAllocator(Allocator delegate, Appendable out) {
    super(delegate);
    this.out = Objects.requireNonNull(out, "out");
    if (!delegate.isEmpty()) {
      throw new IllegalArgumentException(
          "recording("
              + delegate
              + ", out): the allocator holds "
              + delegate.getAllocatedRegions().size()
              + " block(s); a trace can only start from an empty one");
    }
    write("capacity", delegate.getCapacity());
  }

  @Override
  public long alloc(long size) {
    write("alloc", size);
    return super.alloc(size);
  }

  @Override
  public void dealloc(long start, long size) {
    write("dealloc", start, size);
    super.dealloc(start, size);
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    write("realloc", start, size, newSize);
    return super.realloc(start, size, newSize);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Recorded as {@code compact BUDGET GRANULARITY}; the no-argument {@link #compact()} is
   * recorded with budget {@link Long#MAX_VALUE} and granularity 1.
   */
  @Override
  public CompactionPlan compact(long budget, long granularity) {
    write("compact", budget, granularity);
    return super.compact(budget, granularity);
  }

  @Override
  public void setCapacity(long capacity) {
    write("set_capacity", capacity);
    super.setCapacity(capacity);
  }

  private void write(String word, long... args) {
    StringBuilder line = new StringBuilder(48).append(word);
    for (long arg : args) {
      line.append(' ').append(arg);
    }
    try {
      out.append(line.append('\n'));
    } catch (IOException e) {
      throw new UncheckedIOException("recording '" + line.toString().strip() + "' failed", e);
    }
  }
}
