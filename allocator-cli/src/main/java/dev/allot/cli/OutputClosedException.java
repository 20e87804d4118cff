package dev.allot.cli;

import java.io.IOException;

/**
 * The reader of standard output has gone ({@code | head} read what it wanted): the command stops at
 * the write that found out, and {@code allot} exits with status 0 and says nothing, since nothing
 * went wrong for the user. Unchecked, and not an {@code UncheckedIOException}, so that no handler
 * of file failures takes it for one.
 */
final class OutputClosedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param cause the failed write
   */
  OutputClosedException(IOException cause) {
    super("standard output: the reader closed it", cause);
  }
}
