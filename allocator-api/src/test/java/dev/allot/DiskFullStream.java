package dev.allot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream with room for {@code room} bytes: a write that would go past it keeps what fits
 * and then fails, as a full disk does. What it kept is {@link #written()}.
 */
final class DiskFullStream extends OutputStream {

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int room;

  DiskFullStream(int room) {
    this.room = room;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int free = room - kept.size();
    kept.write(bytes, offset, Math.min(length, free));
    if (length > free) {
      throw new IOException("No space left on device");
    }
  }

  String written() {
    return kept.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
