package dev.allot.trace;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trace one operation at a time, so that a trace of any length is replayed in constant
 * memory: only the current line is held, and of a line at most 1 MiB. Blank and comment lines are
 * skipped; a line that is not a well-formed operation is returned as a {@link
 * OperationKind#MALFORMED} operation. A UTF-8 byte-order mark at the start of the first line is
 * ignored, as editors on Windows write one.
 *
 * <pre>{@code
 * try (TraceReader trace = TraceReader.open(Path.of("game.trace"))) {
 *   TraceReplayer.replay(trace, strategy, false, System.out::println);
 * }
 * }</pre>
 *
 * <p>Reading failures are {@link TraceReadException}s naming the source, the line and the reason.
 * Not thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceReader implements Iterator<TraceOperation>, Closeable {

  /** U+FEFF, which UTF-8 encodes as {@code EF BB BF}: a byte-order mark at the start of a file. */
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * Why a line too long to hold is malformed, said instead of the parser's reason: that would quote
   * the squeezed words, not the line's.
   */
  private static final String TOO_LONG =
      "longer than " + Utf8Lines.MAX_LINE_BYTES + " bytes and not an operation";

  private final Utf8Lines lines;
  private final String source;
  private long number;
  private @Nullable TraceOperation ahead;
  private boolean ended;

  /**
   * The failure that stopped reading, thrown again by every later call: reading stops at a line
   * that cannot be read. Before, a caller that went on read the lines after it numbered one too
   * low, the failed line never counted.
   */
  private @Nullable TraceReadException failure;

  private TraceReader(Utf8Lines lines, String source) {
    this.lines = lines;
    this.source = source;
  }

  /**
   * Opens a trace file for reading as UTF-8. A byte that is not UTF-8 is reported at its line. A
   * line longer than 1 MiB (1,048,576 bytes) is read in constant memory, as a binary file may have
   * no line end at all: it is the operation, comment or blank line it holds, or else a {@link
   * OperationKind#MALFORMED} operation whose problem is {@code longer than 1048576 bytes and not an
   * operation}; every byte of it is still checked to be UTF-8.
   *
   * @param file the trace file
   * @return a reader to close after use
   * @throws TraceReadException naming the file and why it cannot be read: {@code no such file},
   *     {@code is a directory}, {@code permission denied}, or the system's reason
   */
  public static TraceReader open(Path file) {
    String source = file.toString(); // also the null check
    if (Files.isDirectory(file)) {
      throw new TraceReadException(
          source, 0, "is a directory", new FileSystemException(source, null, "is a directory"));
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new TraceReadException(source, 0, TraceReadException.reasonOf(e), e);
    }
    return read(in, source);
  }

  /**
   * Reads a trace from the bytes of a file, as {@link #open} does.
   *
   * @param in the UTF-8 bytes, closed with the trace reader
   * @param source the label that failures name
   * @return the trace reader
   */
  static TraceReader read(InputStream in, String source) {
    return new TraceReader(new Utf8Lines(in, source), source);
  }

  /**
   * Reads a trace from UTF-8 bytes, such as standard input, exactly as {@link #open} reads a file:
   * a byte that is not UTF-8 is reported at its line, a line longer than 1 MiB is read in constant
   * memory. Closing the trace reader does not close {@code in}, which belongs to the caller.
   *
   * <pre>{@code
   * try (TraceReader trace = TraceReader.of(System.in, "standard input")) {
   *   TraceReplayer.replay(trace, strategy, false, System.out::println);
   * }
   * }</pre>
   *
   * @param in the bytes of the trace, read up to the trace's end
   * @param source the label that failures name, e.g. {@code standard input}
   * @return the trace reader
   */
  public static TraceReader of(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(
        new FilterInputStream(in) {
          @Override
          public void close() {
            // the caller's stream: left open, as of(Reader) leaves the caller's reader
          }
        },
        source);
  }

  /**
   * Reads a trace from text already decoded, line by line as {@link #open} reads a file (a line
   * longer than 1 MiB of UTF-8 included, which is read in constant memory; a lone surrogate reads
   * as {@code ?}). Closing the trace reader does not close {@code reader}, which belongs to the
   * caller.
   *
   * @param reader the text of the trace
   * @param source the label that failures name, e.g. a file name
   * @return the trace reader
   */
  public static TraceReader of(Reader reader, String source) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    return new TraceReader(new Utf8Lines(new Utf8Bytes(reader), source), source);
  }

  /**
   * Tells whether another operation follows, reading lines up to it.
   *
   * @throws TraceReadException if the next line cannot be read, and ever after
   */
  @Override
  public boolean hasNext() {
    TraceReadException stopped = failure;
    if (stopped != null) {
      throw stopped;
    }
    while (ahead == null && !ended) {
      String line = readLine();
      if (line == null) {
        ended = true;
      } else {
        ahead = parse(line);
      }
    }
    return ahead != null;
  }

  /** Parses the line just read; a squeezed line that is no operation is named for its length. */
  private @Nullable TraceOperation parse(String line) {
    TraceOperation operation =
        TraceParser.parseLine(number == 1 ? withoutByteOrderMark(line) : line, number);
    if (operation != null && operation.kind() == OperationKind.MALFORMED && lines.squeezed()) {
      return TraceOperation.malformed(number, TOO_LONG);
    }
    return operation;
  }

  /**
   * Returns the next operation.
   *
   * @throws NoSuchElementException at the end of the trace
   * @throws TraceReadException if the next line cannot be read, and ever after
   */
  @Override
  public TraceOperation next() {
    if (!hasNext()) {
      throw new NoSuchElementException(source + ": no operation after line " + number);
    }
    TraceOperation operation = Objects.requireNonNull(ahead, "read by hasNext()");
    ahead = null;
    return operation;
  }

  private @Nullable String readLine() {
    try {
      String line = lines.next();
      if (line != null) {
        number++;
      }
      return line;
    } catch (TraceReadException e) {
      failure = e;
      throw e;
    } catch (IOException e) {
      TraceReadException stopped =
          new TraceReadException(source, number + 1, TraceReadException.reasonOf(e), e);
      failure = stopped;
      throw stopped;
    }
  }

  private static String withoutByteOrderMark(String line) {
    return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
  }

  /**
   * Closes the file of {@link #open}; does nothing for {@link #of}.
   *
   * @throws TraceReadException if closing the file fails
   */
  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      throw new TraceReadException(source, 0, TraceReadException.reasonOf(e), e);
    }
  }
}
