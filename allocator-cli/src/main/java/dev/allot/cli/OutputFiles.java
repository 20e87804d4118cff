package dev.allot.cli;

import dev.allot.trace.TraceReadException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Failures of the files a command writes ({@code compare --chart}, {@code map --out}, {@code bench
 * --record}), named as those of the files it reads are: {@code COMMAND: FILE: REASON}.
 */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * Returns a {@link FileSystemException} for {@code file} with the reason of {@code failure} in
   * the words of an input file's ({@link #reason}). A write that fails once the file is open (a
   * full disk) names no file, and {@code compare: No space left on device} left the user to guess
   * which; a failure that names one may name the temporary file beside it ({@link OutputFile}),
   * which the user never gave.
   */
  static IOException naming(Path file, IOException failure) {
    // The words TraceReader has for a trace that is a directory, whatever the system's are (its
    // text for EISDIR follows the locale).
    String reason = Files.isDirectory(file) ? "is a directory" : reason(failure);
    FileSystemException named = new FileSystemException(file.toString(), null, reason);
    named.initCause(failure);
    return named;
  }

  /**
   * The reason of {@code failure} as {@link TraceReadException#reasonOf} words that of a trace
   * ({@code no such file}, {@code permission denied}), and the system's own, which starts with a
   * capital ({@code Is a directory}, {@code No space left on device}), in lower case as those are,
   * so that {@code map: out: is a directory} reads as {@code map: t.trace: is a directory}. A word
   * in capitals ({@code EIO}) stays.
   */
  static String reason(IOException failure) {
    String reason = TraceReadException.reasonOf(failure);
    return reason.length() > 1
            && Character.isUpperCase(reason.charAt(0))
            && Character.isLowerCase(reason.charAt(1))
        ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1)
        : reason;
  }
}
