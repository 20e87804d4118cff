package dev.allot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file channel on a disk with room for {@code room} bytes: a write that would go past it writes
 * what fits and then fails, as a full disk does. Cutting the file back frees the room again.
 */
final class DiskFullChannel extends ForwardingFileChannel {

  private final long room;

  DiskFullChannel(FileChannel file, long room) {
    super(file);
    this.room = room;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    long free = room - file.position();
    if (source.remaining() <= free) {
      return file.write(source);
    }
    writePart(source, free);
    throw new IOException("No space left on device");
  }
}
