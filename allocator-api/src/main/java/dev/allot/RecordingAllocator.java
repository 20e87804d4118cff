package dev.allot;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An allocator that writes every call it receives as a trace line ({@code
 * docs/spec/trace-format.md}), so that a real workload can be captured once and replayed later
 * against any strategy with the {@code replay} or {@code compare} commands. Made by {@link
 * Allocators#recording(Allocator, java.nio.file.Path)} (the recorder owns the file) or {@link
 * Allocators#recording(Allocator, Appendable)}.
 *
 * <p>The trace starts with {@code capacity N}, the delegate's capacity when recording began; that
 * is why the delegate must be empty then. Each {@code alloc}, {@code dealloc}, {@code realloc},
 * {@code setCapacity} and {@code compact} call adds one line (the aligned calls as {@code alloc
 * SIZE ALIGN} and {@code realloc START SIZE NEWSIZE ALIGN}), written <em>before</em> the call is
 * passed on, so calls that fail with bad input or lack of memory are recorded too: a replay
 * reproduces them. Reading calls (capacity, metrics, regions) are not recorded.
 *
 * <p>What is guaranteed, so that the trace never disagrees with the allocator:
 *
 * <ul>
 *   <li>Each line is formatted whole first, then handed over in one piece: written to the file, or
 *       given to the {@link Appendable} in one {@code append} and flushed (a {@code PrintStream} or
 *       {@code PrintWriter} is asked {@code checkError()}). Only then is the call passed on.
 *   <li>If that fails, the call is not passed on: the allocator is unchanged and the caller gets
 *       {@link UncheckedIOException} (a {@link RuntimeException} or an {@link Error} from the
 *       destination is rethrown as it is). The recorder then stops: every later call it would
 *       record throws {@link IllegalStateException} and is not passed on either, so no line ever
 *       follows a missing one. Reading calls keep working.
 *   <li>Recording to a file, the trace always ends at a whole line: a line that failed part-way is
 *       cut off. An {@code Appendable} keeps whatever part of the failed line it took, and a
 *       buffered {@code Writer} may write it again when it is closed; only the file form promises
 *       whole lines.
 * </ul>
 *
 * <p>Every line is out of the process before its call returns, one system call each for a file,
 * which is what these guarantees cost (measured in {@code docs/reliability.md}). Lines end with
 * {@code \n}. {@link #close()} closes the file of the file form; an appendable is never closed.
 *
 * <p>To capture the capacity changes of a growing allocator, put the recorder inside: {@code
 * growing(recording(allocator, file), policy, onGrow, onMove)}.
 *
 * <p>Not thread-safe, like every allocator; see {@link Allocators#synchronizedAllocator}.
 *
 * @since 0.1.0
 */
public final class RecordingAllocator extends ForwardingAllocator implements Closeable {

  private final TraceSink sink;

  /** Lines written, the {@code capacity} line included. */
  private long lines;

  /** Why the recorder stopped, or {@code null} while it records. */
  private @Nullable String stopped;

  /**
   * Creates the recorder and writes the {@code capacity} line.
   *
   * @param delegate the allocator to record, empty
   * @param sink where the lines go
   * @throws IllegalArgumentException if {@code delegate} is not empty
   * @throws UncheckedIOException if writing fails
   */
  RecordingAllocator(Allocator delegate, TraceSink sink) {
    super(delegate);
    this.sink = Objects.requireNonNull(sink, "sink");
    requireEmpty(delegate, "out");
    write("capacity", delegate.getCapacity());
  }

  /**
   * Checks that a trace can start from {@code allocator}; the message names the strategy and the
   * block count, never the blocks, so that it stays short for any allocator.
   *
   * @param allocator the allocator to record
   * @param destination how the message names the second argument of {@code recording}
   * @throws IllegalArgumentException if it holds blocks
   */
  static void requireEmpty(Allocator allocator, String destination) {
    if (!allocator.isEmpty()) {
      throw new IllegalArgumentException(
          "recording("
              + allocator.getStrategyName()
              + " allocator, "
              + destination
              + "): it holds "
              + allocator.getAllocatedRegions().size()
              + " block(s); a trace can only start from an empty allocator");
    }
  }

  @Override
  public long alloc(long size) {
    write("alloc", size);
    return super.alloc(size);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Recorded as {@code alloc SIZE ALIGN}, alignment 1 included, so that a replay makes the same
   * call.
   */
  @Override
  public long alloc(long size, long alignment) {
    write("alloc", size, alignment);
    return super.alloc(size, alignment);
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

  /**
   * {@inheritDoc}
   *
   * <p>Recorded as {@code realloc START SIZE NEWSIZE ALIGN}, alignment 1 included.
   */
  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    write("realloc", start, size, newSize, alignment);
    return super.realloc(start, size, newSize, alignment);
  }

  @Override
  public void setCapacity(long capacity) {
    write("set_capacity", capacity);
    super.setCapacity(capacity);
  }

  /**
   * Writes a comment line, {@code # text}, with the same guarantees as a call's line: to say what
   * the trace is, or mark a phase of the workload. Replay skips it.
   *
   * @param text the comment, on one line
   * @throws IllegalArgumentException if {@code text} holds a line break
   * @throws UncheckedIOException if writing fails; the recorder then stops
   * @throws IllegalStateException if the recorder has stopped
   */
  public void comment(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "comment(" + text.length() + " characters): a comment is one line, with no line break");
    }
    record("# " + text + "\n");
  }

  /**
   * Closes the trace file of a recorder made by {@link Allocators#recording(Allocator,
   * java.nio.file.Path)}; an appendable is left to its owner. Later calls that would be recorded
   * throw {@link IllegalStateException}.
   *
   * @throws IOException if closing the file fails
   */
  @Override
  public void close() throws IOException {
    if (stopped == null) {
      stopped = "the recorder was closed after " + lines + " line(s)";
    }
    sink.close();
  }

  private void write(String word, long... args) {
    StringBuilder line = new StringBuilder(48).append(word);
    for (long arg : args) {
      line.append(' ').append(arg);
    }
    record(line.append('\n').toString());
  }

  /** Writes a whole line, or stops the recorder and throws; see the class comment. */
  private void record(String line) {
    String reason = stopped;
    if (reason != null) {
      throw new IllegalStateException(
          "recording stopped: " + reason + "; no call is made after it, so the trace stays true");
    }
    try {
      sink.write(line);
    } catch (IOException e) {
      stopped = failure(line);
      throw new UncheckedIOException(stopped, e);
    } catch (RuntimeException | Error e) {
      // An Error (a heap that ran out while the appendable copied) may also leave part of the
      // line behind: without stopping, the next line would be glued to that part.
      stopped = failure(line);
      throw e;
    }
    lines++;
  }

  private String failure(String line) {
    return "writing line "
        + (lines + 1)
        + " '"
        + line.strip()
        + (lines == 0
            ? "' failed; the recorder did not start" // the capacity line, before any call
            : "' failed and the call was not made");
  }
}
