package dev.allot.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The characters of a caller's {@link Reader} as UTF-8 bytes, so that {@link TraceReader#of} reads
 * them through {@link Utf8Lines} as a file is read: lines end the same way, and a line of any
 * length is read in bounded memory. A lone surrogate, which UTF-8 cannot carry, becomes {@code ?};
 * neither can be part of an operation, so its line is malformed either way. Closing this stream
 * leaves the reader open: it belongs to the caller. Not thread-safe.
 */
/*
 * Layout: `chars` holds what the reader gave and the encoder has not taken (at most a high
 * surrogate waiting for its low half), `bytes` what the encoder made and no read has taken; both
 * in read mode. A refill reads the reader once, at most CHUNK characters, so the text read ahead
 * of the line being returned is at most one chunk, as a BufferedReader's would be. UTF-8 takes at
 * most 3 bytes per char (4 per surrogate pair, 1 per replacement), so `bytes` always has room for
 * a chunk.
 */
final class Utf8Bytes extends InputStream {

  /** The most characters read from the reader at once. */
  private static final int CHUNK = 8192;

  private final Reader reader;
  private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
  private final ByteBuffer bytes = ByteBuffer.allocate(3 * CHUNK).flip();
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  /** The reader has ended and the encoder is flushed: nothing more comes after {@link #bytes}. */
  private boolean ended;

  Utf8Bytes(Reader reader) {
    this.reader = reader;
  }

  @Override
  public int read() throws IOException {
    return bytes.hasRemaining() || refill() ? bytes.get() & 0xFF : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (!bytes.hasRemaining() && !refill()) {
      return -1;
    }
    int count = Math.min(length, bytes.remaining());
    bytes.get(buffer, offset, count);
    return count;
  }

  /** Encodes the reader's next characters; false once everything was handed out. */
  private boolean refill() throws IOException {
    bytes.clear();
    while (bytes.position() == 0 && !ended) {
      chars.compact();
      boolean last = reader.read(chars) < 0; // what is left in chars is all there is
      chars.flip();
      encoder.encode(chars, bytes, last);
      if (last) {
        encoder.flush(bytes);
        ended = true;
      }
    }
    bytes.flip();
    return bytes.hasRemaining();
  }
}
