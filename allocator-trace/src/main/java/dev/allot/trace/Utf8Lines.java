package dev.allot.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lines of a UTF-8 byte stream one at a time, so that a byte that is not UTF-8 is
 * reported at its own line. A {@code Reader} decodes thousands of bytes ahead of the line it
 * returns, so its error would name a line that may be far from the bad byte.
 *
 * <p>Lines end as {@link java.io.BufferedReader#readLine()} ends them: {@code \n}, {@code \r} or
 * {@code \r\n}. Splitting the bytes first is safe because neither byte occurs inside a multi-byte
 * UTF-8 sequence.
 */
/*
 * Layout: a 64 KiB read buffer (`buffer[position..limit)` not yet consumed) and a line buffer that
 * doubles when a line is longer. A line of ASCII bytes, the usual case, becomes a String directly;
 * any other is decoded strictly (REPORT on malformed and unmappable input). Memory is the two
 * buffers: constant for a trace of any length whose lines are short.
 */
final class Utf8Lines implements TraceReader.LineSource {

  /**
   * The longest line read, in bytes: far beyond any operation and any comment a person writes. A
   * file with no line end in its first mebibyte after a line start is not a trace (a disk image, a
   * preallocated file of NUL bytes, which are valid UTF-8); before this limit the whole file became
   * one line in memory, an {@code OutOfMemoryError} in a small heap.
   */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final String source;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];

  /** The previous line ended with {@code \r}: a {@code \n} right after it belongs to it. */
  private boolean skipLineFeed;

  /** The current line has begun: some of its bytes, or its terminator, have been read. */
  private boolean lineStarted;

  private int number;

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  Utf8Lines(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * Returns the next line, without its terminator.
   *
   * @return the line, or {@code null} at the end of the stream
   * @throws TraceReadException if the line is not UTF-8
   * @throws IOException if reading fails
   */
  @Override
  public @Nullable String next() throws IOException {
    int length = 0;
    while (true) {
      if (position == limit && !fill()) {
        return length == 0 && !lineStarted ? null : decode(length);
      }
      byte b = buffer[position++];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') {
          continue;
        }
      }
      lineStarted = true;
      if (b == '\n' || b == '\r') {
        skipLineFeed = b == '\r';
        return decode(length);
      }
      if (length == line.length) {
        if (length == MAX_LINE_BYTES) {
          throw new TraceReadException(
              source,
              number + 1,
              "longer than " + MAX_LINE_BYTES + " bytes, not a trace line",
              new IOException("line longer than " + MAX_LINE_BYTES + " bytes"));
        }
        line = Arrays.copyOf(line, Math.min(2 * length, MAX_LINE_BYTES));
      }
      line[length++] = b;
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(0, read);
    return read > 0;
  }

  private String decode(int length) {
    number++;
    lineStarted = false;
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        return decodeUtf8(length);
      }
    }
    return new String(line, 0, length, StandardCharsets.US_ASCII);
  }

  private String decodeUtf8(int length) {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CharBuffer chars = CharBuffer.allocate(length);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int at = bytes.position();
      throw new TraceReadException(
          source,
          number,
          String.format(
              Locale.ROOT,
              "not UTF-8 (byte 0x%02x at byte %d of the line)",
              line[at] & 0xff,
              at + 1),
          new MalformedInputException(result.length()));
    }
    return chars.flip().toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
