package dev.allot.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A file a command writes ({@code map --out}, {@code compare --chart}), there whole or not at all.
 * The text goes to a temporary file beside it, which {@link #commit} moves over the file; a run
 * that fails first (a full disk, {@code ulimit -f}, the heap) leaves the file as it was, a good
 * picture of an earlier run included, and {@link #close} deletes the temporary file. A truncated
 * SVG is no picture at all. Opening creates the temporary file, so a command opens its files before
 * its work and a path it cannot write fails at once.
 *
 * <p>What exists and is no regular file (a device such as {@code /dev/stdout} or {@code /dev/full},
 * a pipe) is written in place: it has no content to keep, and replacing a device with a file would
 * be wrong. A symbolic link stays one: the file it points to is replaced. Failures name the file as
 * given, in the words of {@link OutputFiles#naming}. Not thread-safe.
 */
final class OutputFile implements AutoCloseable {

  /** Attempts at a name no other file has; a clash is one in 2^64 each. */
  private static final int ATTEMPTS = 16;

  /**
   * The most characters of the file's name that go into the temporary name, which adds 22: a name
   * near the system's limit (255 bytes, up to 4 a character) must not make the temporary one too
   * long.
   */
  private static final int NAME_PREFIX = 32;

  private final Path file;
  private final Path destination;
  private final @Nullable Path temporary;
  private final Writer writer;
  private boolean done;

  private OutputFile(Path file, Path destination, @Nullable Path temporary, Writer writer) {
    this.file = file;
    this.destination = destination;
    this.temporary = temporary;
    this.writer = writer;
  }

  /**
   * Opens {@code file} for writing: creates its temporary file, or opens it in place when it is a
   * device or pipe.
   *
   * @param file the file as the user named it
   * @return the open file, which the caller closes
   * @throws IOException naming {@code file}, when its directory is missing or not writable, or it
   *     is a directory
   */
  static OutputFile open(Path file) throws IOException {
    try {
      // Links followed, so that the move replaces the file and not a link to it.
      Path destination = Files.exists(file) ? file.toRealPath() : file;
      if (Files.exists(destination) && !Files.isRegularFile(destination)) {
        // A directory fails here, with the system's reason.
        return new OutputFile(
            file,
            destination,
            null,
            writer(
                destination,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE));
      }
      Path temporary = null;
      Writer writer = null;
      for (int attempt = 0; writer == null; attempt++) {
        temporary = destination.resolveSibling(temporaryName(destination));
        try {
          writer = writer(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          if (attempt == ATTEMPTS - 1) {
            throw e;
          }
        }
      }
      return new OutputFile(file, destination, temporary, writer);
    } catch (IOException e) {
      throw OutputFiles.naming(file, e);
    }
  }

  /**
   * {@code .map.svg.1f3a...tmp}: hidden, as editors hide theirs, and in the same directory, so that
   * the move is a rename on one file system. Created as any new file is, under the umask ({@code
   * Files.createTempFile} would make the picture readable by its owner only).
   */
  private static String temporaryName(Path destination) {
    Path name = destination.getFileName();
    String base = name == null ? "" : name.toString();
    if (base.length() > NAME_PREFIX) {
      base = base.substring(0, NAME_PREFIX);
    }
    return "." + base + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
  }

  /** A writer of UTF-8 text to {@code path}, opened with {@code options}. */
  private static Writer writer(Path path, StandardOpenOption... options) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(path, options), StandardCharsets.UTF_8));
  }

  /** The file as the user named it, for messages. */
  Path file() {
    return file;
  }

  /**
   * Writes {@code text} as UTF-8.
   *
   * @throws IOException naming the file
   */
  void write(CharSequence text) throws IOException {
    try {
      writer.append(text);
    } catch (IOException e) {
      throw OutputFiles.naming(file, e);
    }
  }

  /**
   * Writes out what is buffered and puts the text in place of the file: atomically where the file
   * system can, else by replacing it.
   *
   * @throws IOException naming the file; the file is then as it was
   */
  void commit() throws IOException {
    try {
      writer.close(); // the last buffer: a full disk often shows only here
      Path written = temporary;
      if (written != null) {
        try {
          Files.move(written, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(written, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      done = true;
    } catch (IOException e) {
      throw OutputFiles.naming(file, e);
    }
  }

  /** Deletes the temporary file unless {@link #commit} moved it into place. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } catch (IOException e) {
      // The failure that got us here is the one to report; this is the same disk saying it again.
    }
    Path written = temporary;
    if (written != null) {
      try {
        Files.deleteIfExists(written);
      } catch (IOException e) {
        // Nothing better to do: the command is already failing with its own reason.
      }
    }
  }
}
