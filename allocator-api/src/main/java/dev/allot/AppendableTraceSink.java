package dev.allot;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Writes each line to an {@link Appendable} with one {@code append} of the whole line, then flushes
 * it if it is {@link Flushable}, so that a buffered writer reports a failure on the call whose line
 * failed instead of thousands of calls later. A {@link PrintStream} or {@link PrintWriter}, which
 * swallow their errors, is asked {@code checkError()} instead. Closing does nothing: the appendable
 * belongs to the caller.
 */
final class AppendableTraceSink implements TraceSink {

  private final Appendable out;

  AppendableTraceSink(Appendable out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void write(String line) throws IOException {
    out.append(line);
    if (out instanceof PrintStream stream) {
      requireNoError(stream.checkError());
    } else if (out instanceof PrintWriter writer) {
      requireNoError(writer.checkError());
    } else if (out instanceof Flushable flushable) {
      flushable.flush();
    }
  }

  private static void requireNoError(boolean error) throws IOException {
    if (error) {
      throw new IOException("the print stream reported an error (checkError() is true)");
    }
  }

  @Override
  public void close() {}
}
