package dev.allot.cli;

import dev.allot.trace.TraceReadException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Failures of the files a command writes ({@code compare --chart}, {@code map --out}, {@code bench
 * --record}), named as those of the files it reads are: {@code COMMAND: FILE: REASON}.
 */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * Returns {@code failure} when it names its file, else a {@link FileSystemException} for {@code
   * file} with its reason: a write that fails once the file is open (a full disk) names none, and
   * {@code compare: No space left on device} left the user to guess which file.
   */
  static IOException naming(Path file, IOException failure) {
    if (failure instanceof FileSystemException named && named.getFile() != null) {
      return failure;
    }
    FileSystemException named =
        new FileSystemException(file.toString(), null, TraceReadException.reasonOf(failure));
    named.initCause(failure);
    return named;
  }
}
