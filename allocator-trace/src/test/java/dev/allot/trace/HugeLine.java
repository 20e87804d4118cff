package dev.allot.trace;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads a trace whose second line is 200 MB of NUL bytes, made as they are read, and prints each
 * operation as a trace line after the heap's limit. {@code TraceReaderTest} runs it in a JVM whose
 * heap could not hold the line, to show that no line is held whole.
 */
final class HugeLine {

  /** The length of the long line, in bytes. */
  static final long NUL_BYTES = 200_000_000L;

  private HugeLine() {}

  /**
   * Prints {@code heap at most 32 MiB} (or the heap's size if larger), then the operations.
   *
   * @param args {@code reader} to read the bytes as a caller's {@link java.io.Reader} ({@link
   *     TraceReader#of}), or none to read them as a file's ({@link TraceReader#read})
   */
  public static void main(String[] args) {
    long heap = Runtime.getRuntime().maxMemory() >> 20;
    System.out.println(heap <= 32 ? "heap at most 32 MiB" : "heap of " + heap + " MiB");
    InputStream bytes =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(ascii("capacity 8\n"), new NulBytes(NUL_BYTES), ascii("\nalloc 2\n"))));
    try (TraceReader trace =
        args.length > 0 && args[0].equals("reader")
            ? TraceReader.of(new InputStreamReader(bytes, StandardCharsets.UTF_8), "huge.trace")
            : TraceReader.read(bytes, "huge.trace")) {
      trace.forEachRemaining(operation -> System.out.println(operation.toTraceLine()));
    }
  }

  private static InputStream ascii(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** A stream of NUL bytes, none of them stored. */
  private static final class NulBytes extends InputStream {
    private long remaining;

    NulBytes(long count) {
      remaining = count;
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return length == 0 ? 0 : -1;
      }
      int count = (int) Math.min(length, remaining);
      Arrays.fill(buffer, offset, offset + count, (byte) 0);
      remaining -= count;
      return count;
    }
  }
}
