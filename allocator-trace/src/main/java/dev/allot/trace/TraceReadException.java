package dev.allot.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A trace that cannot be read: the file is missing, is a directory or is not readable, a line is
 * not valid UTF-8, or reading failed. The message is one line that names the source, the line where
 * there is one, and the reason, e.g. {@code game.trace: line 3: not UTF-8 (byte 0xff at byte 7 of
 * the line)} or {@code game.trace: no such file}, fit to show a user as it is.
 *
 * <p>A line that is text but not a well-formed operation is not this exception: it becomes a {@link
 * OperationKind#MALFORMED} operation and replay goes on.
 *
 * @since 0.1.0
 */
public final class TraceReadException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  /** The file name or other label of the source. */
  private final String source;

  /** The 1-based line number, or 0 when the failure is not at a line. */
  private final long line;

  /** Why the trace cannot be read. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param source the file name or other label of the trace
   * @param line the 1-based line number, or 0 when the failure is not at a line (opening)
   * @param reason why, e.g. {@code no such file}
   * @param cause the underlying failure
   */
  public TraceReadException(String source, long line, String reason, IOException cause) {
    super(source + ": " + (line > 0 ? "line " + line + ": " : "") + reason, cause);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  /**
   * Returns the file name or other label of the trace.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the line where reading failed.
   *
   * @return the 1-based line number, or 0 when the failure is not at a line
   */
  public long line() {
    return line;
  }

  /**
   * Returns why the trace cannot be read, without the source and line.
   *
   * @return the reason, e.g. {@code is a directory}
   */
  public String reason() {
    return reason;
  }

  /**
   * Says in a few words why an I/O operation failed, for messages that name the file themselves:
   * {@code no such file}, {@code permission denied}, the operating system's reason, or the
   * exception's message.
   *
   * @param failure what the file system threw
   * @return the reason, never empty
   */
  public static String reasonOf(IOException failure) {
    if (failure instanceof NoSuchFileException) {
      return "no such file";
    }
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return String.valueOf(fileSystem.getReason());
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
