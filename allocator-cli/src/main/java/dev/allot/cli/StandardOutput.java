package dev.allot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The process's standard output as {@link AllotCommand#main} installs it: bytes go straight to the
 * stream below, and a write that fails because the reader closed the pipe ({@code allot replay
 * t.trace | head}) throws {@link OutputClosedException}, which ends the command at once. Any other
 * failure (a full disk) stays an {@link IOException}, which {@code System.out}'s {@code
 * PrintStream} records and {@link AllotCommand} reports as a write error. Not thread-safe beyond
 * what the stream below is.
 */
/*
 * Why an unchecked exception: PrintStream and PrintWriter swallow IOExceptions into a flag, so a
 * command that writes to a closed pipe would run to its end (replaying a whole trace) with all of
 * its output lost, and then fail with "write error" and status 1, where `seq 1000000 | head` just
 * stops. They let unchecked exceptions through, so this one unwinds the command from the write
 * that found the pipe closed.
 *
 * Which failure is a closed pipe: a write to a blocking pipe fails only when no reader is left
 * (EPIPE), so on Linux a failure while file descriptor 1 is a pipe (/proc/self/fd/1 reads
 * "pipe:[inode]") is one, in any locale; elsewhere the JDK's message for EPIPE, "Broken pipe".
 */
final class StandardOutput extends OutputStream {

  /** The message the JDK gives a write that fails with EPIPE (strerror in the C locale). */
  private static final String BROKEN_PIPE = "Broken pipe";

  /** Where Linux shows what file descriptor 1 is. */
  private static final Path DESCRIPTOR_ONE = Path.of("/proc/self/fd/1");

  private final OutputStream out;
  private final BooleanSupplier isPipe;

  /**
   * @param out the stream written to
   * @param isPipe tells whether {@code out} is a pipe, asked only after a write fails
   */
  StandardOutput(OutputStream out, BooleanSupplier isPipe) {
    this.out = out;
    this.isPipe = isPipe;
  }

  /** Returns the standard output of this process, file descriptor 1. */
  static StandardOutput ofProcess() {
    return new StandardOutput(
        new FileOutputStream(FileDescriptor.out), StandardOutput::descriptorOneIsPipe);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw closedOr(e);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw closedOr(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw closedOr(e);
    }
  }

  /** Throws {@link OutputClosedException} for a closed pipe; returns any other failure. */
  private IOException closedOr(IOException failure) {
    if (BROKEN_PIPE.equals(failure.getMessage()) || isPipe.getAsBoolean()) {
      throw new OutputClosedException(failure);
    }
    return failure;
  }

  private static boolean descriptorOneIsPipe() {
    try {
      return Files.readSymbolicLink(DESCRIPTOR_ONE).toString().startsWith("pipe:");
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no /proc (not Linux): the message alone tells
    }
  }
}
