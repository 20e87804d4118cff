package dev.allot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file channel that an interrupt of the writing thread does not close: the recorder's file. A
 * {@link FileChannel} is interruptible, so a recorder on a thread that was interrupted (by {@code
 * ExecutorService.shutdownNow}, {@code Future.cancel(true)}) lost its file, closed under it, and
 * reported a line as not written, its call not made, while the file held the whole line: the trace
 * had one call more than the allocator. This channel reads and writes through a {@link
 * RandomAccessFile}'s own methods, which no interrupt stops, and leaves the interrupt set for the
 * caller's own code to see. Not thread-safe.
 */
final class UninterruptibleFileChannel implements SeekableByteChannel {

  private final RandomAccessFile file;
  private boolean open = true;

  private UninterruptibleFileChannel(RandomAccessFile file) {
    this.file = file;
  }

  /**
   * Opens {@code path} for writing at position 0, created or emptied.
   *
   * @param path the file
   * @return a channel an interrupt does not close; on a file system other than the default one,
   *     which has no {@link RandomAccessFile}, an interruptible {@link FileChannel}
   * @throws IOException if the file cannot be opened, as {@link FileChannel#open} names it (such as
   *     {@link java.nio.file.NoSuchFileException} for a missing directory)
   */
  static SeekableByteChannel openEmpty(Path path) throws IOException {
    // NIO opens first: it creates or empties the file, and its exceptions name the file and the
    // reason in words the command line passes on, where RandomAccessFile's would not.
    FileChannel opened =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    if (path.getFileSystem() != FileSystems.getDefault()) {
      return opened;
    }
    opened.close();
    return new UninterruptibleFileChannel(new RandomAccessFile(path.toFile(), "rw"));
  }

  @Override
  public int read(ByteBuffer into) throws IOException {
    requireOpen();
    byte[] bytes = new byte[into.remaining()];
    int read = file.read(bytes);
    if (read > 0) {
      into.put(bytes, 0, read);
    }
    return read;
  }

  @Override
  public int write(ByteBuffer from) throws IOException {
    requireOpen();
    int length = from.remaining();
    if (from.hasArray()) {
      file.write(from.array(), from.arrayOffset() + from.position(), length);
      from.position(from.position() + length);
    } else {
      byte[] bytes = new byte[length];
      from.get(bytes);
      file.write(bytes);
    }
    return length;
  }

  @Override
  public long position() throws IOException {
    requireOpen();
    return file.getFilePointer();
  }

  @Override
  public SeekableByteChannel position(long position) throws IOException {
    requireOpen();
    file.seek(position);
    return this;
  }

  @Override
  public long size() throws IOException {
    requireOpen();
    return file.length();
  }

  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    requireOpen();
    if (size < file.length()) {
      file.setLength(size);
    }
    if (file.getFilePointer() > size) {
      file.seek(size);
    }
    return this;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    file.close();
  }

  private void requireOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
