package dev.allot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * A file channel on a disk with room for {@code room} bytes: a write that would go past it writes
 * what fits and then fails, as a full disk does. Cutting the file back frees the room again.
 */
final class DiskFullChannel implements SeekableByteChannel {

  private final FileChannel file;
  private final long room;

  DiskFullChannel(FileChannel file, long room) {
    this.file = file;
    this.room = room;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    long free = room - file.position();
    if (source.remaining() <= free) {
      return file.write(source);
    }
    ByteBuffer fits = source.slice().limit((int) Math.max(0, free));
    file.write(fits);
    source.position(source.position() + fits.position());
    throw new IOException("No space left on device");
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    return file.read(destination);
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return file.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    file.truncate(size);
    return this;
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
