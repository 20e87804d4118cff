package dev.allot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes each line to a file it owns, with no buffer of its own: when {@link #write} returns, the
 * line is in the operating system's hands. When a write fails part-way (a full disk, or any
 * exception or error), the file is cut back to the end of the last whole line, so the trace always
 * ends at a whole line.
 *
 * <p>The sink owns the file and writes it from position 0, so the end of its last whole line is the
 * count of the bytes written. {@link Allocators#recording(Allocator, java.nio.file.Path)} gives it
 * an {@link UninterruptibleFileChannel}, so that an interrupt of the writing thread does not close
 * the file.
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
    byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.wrap(encoded);
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException | RuntimeException | Error e) {
      // Not only IOException: a write may also fail part-way with an unchecked failure (the
      // direct buffer a FileChannel copies a heap buffer into cannot be reserved, a custom
      // channel's bug), and the file must still end at a whole line.
      cutBack(e);
      throw e;
    }
    // Counted, not asked of the channel: once the line is written nothing may fail, or the caller
    // would hear that a line the file holds was not written.
    whole += encoded.length;
  }

  /** Cuts the file back to the end of the last whole line, adding a failure to cut to {@code e}. */
  private void cutBack(Throwable e) {
    try {
      channel.truncate(whole);
      channel.position(whole);
    } catch (IOException | RuntimeException cut) {
      e.addSuppressed(cut);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
