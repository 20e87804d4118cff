package dev.allot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * A channel that passes every call to a file channel, for test channels that fail a write part way
 * ({@link DiskFullChannel}, the recording tests' failing channels): they override {@link #write}
 * and write the part with {@link #writePart}.
 */
abstract class ForwardingFileChannel implements SeekableByteChannel {

  /** The file every call goes to. */
  final FileChannel file;

  ForwardingFileChannel(FileChannel file) {
    this.file = file;
  }

  /** Writes the first {@code bytes} of {@code source}, moving its position past them. */
  final void writePart(ByteBuffer source, long bytes) throws IOException {
    ByteBuffer part = source.slice().limit((int) Math.max(0, Math.min(bytes, source.remaining())));
    file.write(part);
    source.position(source.position() + part.position());
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    return file.write(source);
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
