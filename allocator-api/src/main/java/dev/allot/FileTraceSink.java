package dev.allot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes each line to a file it owns, with no buffer of its own: when {@link #write} returns, the
 * line is in the operating system's hands. When a write fails part-way (a full disk), the file is
 * cut back to the end of the last whole line, so the trace always ends at a whole line.
 *
 * <p>Not flushed to the device ({@code fsync}): a crash of the process loses nothing written, a
 * crash of the machine may lose the last lines, never leave a wrong one.
 */
final class FileTraceSink implements TraceSink {

  private final SeekableByteChannel channel;

  /** The end of the last whole line. */
  private long whole;

  /**
   * Creates the sink.
   *
   * @param channel an empty file, open for writing at position 0
   */
  FileTraceSink(SeekableByteChannel channel) {
    this.channel = channel;
  }

  @Override
  public void write(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      try {
        channel.truncate(whole);
        channel.position(whole);
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw e;
    }
    whole = channel.position();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
