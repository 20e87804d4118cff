package dev.allot.trace;

import java.io.Closeable;
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
 *
 * <p>A line longer than {@link #MAX_LINE_BYTES} is not held: it is returned squeezed by {@link
 * LineSqueezer}, which {@link TraceParser#parseLine} answers as it would the whole line, and {@link
 * #squeezed()} says so. Every byte of it is still checked to be UTF-8.
 */
/*
 * Layout: a 64 KiB read buffer (`buffer[position..limit)` not yet consumed) and a line buffer that
 * doubles when a line is longer, up to MAX_LINE_BYTES. A line of ASCII bytes, the usual case,
 * becomes a String directly; any other is decoded strictly (REPORT on malformed and unmappable
 * input). A line that fills the line buffer is decoded a buffer at a time (`spilled` bytes so far;
 * the bytes of a character cut at the buffer's end wait for the next) into `squeezed`, which is
 * squeezed whenever it is full. When squeezing leaves more than LineSqueezer.LONGEST characters,
 * the line is no operation (`malformed`): its squeezed start stays, and the rest is decoded into
 * `discarded` only to check it. Memory is the buffers: constant for a file of any length, whatever
 * its lines.
 */
final class Utf8Lines implements Closeable {

  /**
   * The longest line read whole, in bytes: far beyond any operation and any comment a person
   * writes. A longer line is squeezed while it is read (a disk image, a preallocated file of NUL
   * bytes, which are valid UTF-8, may have no line end at all; held whole, such a line was an
   * {@code OutOfMemoryError} in a small heap).
   */
  static final int MAX_LINE_BYTES = 1 << 20;

  /**
   * Room for a long line's squeezed text, in characters: each squeeze of a line that may still be
   * an operation leaves at most {@link LineSqueezer#LONGEST}, so it frees most of the room and
   * squeezing takes time linear in the line's length.
   */
  private static final int SQUEEZE_ROOM = 32 * LineSqueezer.LONGEST;

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

  /** The lines returned so far. */
  private long number;

  /** How many bytes of the current line were decoded into {@link #squeezed}; 0 while it fits. */
  private long spilled;

  /** The current line is longer than {@link #MAX_LINE_BYTES} and squeezes to no operation. */
  private boolean malformed;

  /** The line last returned was longer than {@link #MAX_LINE_BYTES}. */
  private boolean lastSqueezed;

  private final CharBuffer squeezed = CharBuffer.allocate(SQUEEZE_ROOM);
  private final CharBuffer discarded = CharBuffer.allocate(SQUEEZE_ROOM);

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
   * @return the line, squeezed if it is longer than {@link #MAX_LINE_BYTES}, or {@code null} at the
   *     end of the stream
   * @throws TraceReadException if the line is not UTF-8
   * @throws IOException if reading fails
   */
  @Nullable String next() throws IOException {
    int length = 0;
    while (true) {
      if (position == limit && !fill()) {
        return length == 0 && !lineStarted ? null : endLine(length);
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
        return endLine(length);
      }
      if (length == line.length) {
        if (length == MAX_LINE_BYTES) {
          length = spill(length);
        } else {
          line = Arrays.copyOf(line, Math.min(2 * length, MAX_LINE_BYTES));
        }
      }
      line[length++] = b;
    }
  }

  /**
   * Tells whether the line last returned was longer than {@link #MAX_LINE_BYTES}, and so squeezed.
   */
  boolean squeezed() {
    return lastSqueezed;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(0, read);
    return read > 0;
  }

  /** Returns the line just ended, whose last {@code length} bytes are in {@link #line}. */
  private String endLine(int length) {
    String text;
    lastSqueezed = spilled > 0;
    if (lastSqueezed) {
      squeezeIn(length, true);
      text = squeezed.flip().toString();
      spilled = 0;
    } else if (isAscii(length)) {
      text = new String(line, 0, length, StandardCharsets.US_ASCII);
    } else {
      ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
      CharBuffer chars = CharBuffer.allocate(length);
      decoder.reset();
      decode(bytes, chars, true);
      text = chars.flip().toString();
    }
    number++;
    lineStarted = false;
    return text;
  }

  private boolean isAscii(int length) {
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes the full line buffer into the squeezed text, the line going on.
   *
   * @return how many bytes stay at the start of the line buffer: those of a character cut short
   */
  private int spill(int length) {
    if (spilled == 0) {
      decoder.reset();
      squeezed.clear();
      malformed = false;
    }
    int consumed = squeezeIn(length, false);
    System.arraycopy(line, consumed, line, 0, length - consumed);
    spilled += consumed;
    return length - consumed;
  }

  /**
   * Decodes {@code line[0, length)} into the squeezed text, squeezing it whenever it is full.
   *
   * @return how many bytes were decoded
   */
  private int squeezeIn(int length, boolean endOfLine) {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    while (decode(bytes, malformed ? discarded.clear() : squeezed, endOfLine).isOverflow()) {
      if (!malformed) {
        squeezed.position(LineSqueezer.squeeze(squeezed.array(), squeezed.position()));
        malformed = squeezed.position() > LineSqueezer.LONGEST;
      }
    }
    return bytes.position();
  }

  /**
   * Decodes bytes of the current line: {@code bytes} wraps {@link #line}, whose byte {@code i} is
   * the line's byte {@link #spilled} + {@code i} (0-based).
   *
   * @return the decoder's result: underflow or overflow
   * @throws TraceReadException naming the first byte that is not UTF-8
   */
  private CoderResult decode(ByteBuffer bytes, CharBuffer chars, boolean endOfLine) {
    CoderResult result = decoder.decode(bytes, chars, endOfLine);
    if (endOfLine && result.isUnderflow()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int at = bytes.position();
      throw new TraceReadException(
          source,
          number + 1,
          String.format(
              Locale.ROOT,
              "not UTF-8 (byte 0x%02x at byte %d of the line)",
              bytes.get(at) & 0xff,
              spilled + at + 1),
          new MalformedInputException(result.length()));
    }
    return result;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
