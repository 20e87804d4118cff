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
 *   <li>A call whose line is written but that then fails as no replay would (a strategy's bug, an
 *       {@link OutOfMemoryError}; not bad input, lack of memory, an unsupported call or an {@link
 *       IncompleteCompactionException}) stops the recorder too, after a last comment line naming
 *       the failure: the trace is true up to that call and says where it stops being.
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

  /**
   * Why the recorder stopped when a line could not be written and the heap had no room for more.
   */
  private static final String WRITE_FAILED =
      "a line could not be written and its call was not made";

  /** Why the recorder stopped when a call failed as no replay does and the heap had no room. */
  private static final String CALL_FAILED = "a call failed in a way no replay reproduces";

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
    try {
      return super.alloc(size);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
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
    try {
      return super.alloc(size, alignment);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
  }

  @Override
  public void dealloc(long start, long size) {
    write("dealloc", start, size);
    try {
      super.dealloc(start, size);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    write("realloc", start, size, newSize);
    try {
      return super.realloc(start, size, newSize);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
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
    try {
      return super.compact(budget, granularity);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Recorded as {@code realloc START SIZE NEWSIZE ALIGN}, alignment 1 included.
   */
  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    write("realloc", start, size, newSize, alignment);
    try {
      return super.realloc(start, size, newSize, alignment);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
  }

  @Override
  public void setCapacity(long capacity) {
    write("set_capacity", capacity);
    try {
      super.setCapacity(capacity);
    } catch (RuntimeException | Error e) {
      stopUnlessReplayed(e);
      throw e;
    }
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
      throw new UncheckedIOException(stop(line), e);
    } catch (RuntimeException | Error e) {
      // An Error (a heap that ran out while the appendable copied) may also leave part of the
      // line behind: without stopping, the next line would be glued to that part.
      stop(line);
      throw e;
    }
    lines++;
  }

  /**
   * Stops the recorder after {@code line} could not be written and returns why. It stops first,
   * with a reason that takes no heap, then builds the full reason: short of heap, building it
   * fails, and before, the recorder did not stop, so the next line was glued to the part of this
   * one that the destination kept.
   */
  private String stop(String line) {
    String reason = WRITE_FAILED;
    stopped = reason;
    try {
      reason =
          "writing line "
              + (lines + 1)
              + " '"
              + line.strip()
              + (lines == 0
                  ? "' failed; the recorder did not start" // the capacity line, before any call
                  : "' failed and the call was not made");
      stopped = reason;
    } catch (RuntimeException | Error e) {
      // no heap for the text: the short reason stands
    }
    return reason;
  }

  /**
   * Stops the recorder when the call whose line was last written threw {@code e} and a replay would
   * not reproduce that: the line is written, the trace now says the call ran as a replay runs it,
   * and no line may follow. A replay reproduces bad input ({@link IllegalArgumentException}), a
   * lack of memory ({@link AllocatorMemoryException}), a call the strategy does not support, and an
   * {@link IncompleteCompactionException} (the allocator applied the plan; a listener failed).
   * Anything else, a strategy's bug or an {@link OutOfMemoryError}, it does not. A last comment
   * line says so, when the destination still takes it.
   */
  private void stopUnlessReplayed(Throwable e) {
    if (e instanceof IllegalArgumentException
        || e instanceof AllocatorMemoryException
        || e instanceof UnsupportedAlignmentException
        || e instanceof UnsupportedCompactionException
        || e instanceof IncompleteCompactionException) {
      return;
    }
    stopped = CALL_FAILED;
    try {
      String name = e.getClass().getName();
      stopped = "line " + lines + " threw " + name + ", which a replay does not reproduce";
      sink.write("# the call above threw " + name + ", which a replay does not reproduce\n");
    } catch (IOException | RuntimeException | Error writing) {
      // the recorder has stopped either way; the caller gets the call's own failure
    }
  }
}
