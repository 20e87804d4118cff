package dev.allot;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where a {@link RecordingAllocator} writes its lines: each line, whole, reaches its destination
 * (or fails) within one {@link #write} call, so that the recorder can apply the call only after its
 * line is out.
 */
interface TraceSink extends Closeable {

  /**
   * Writes one whole line and hands it on: flushed, or written to the file.
   *
   * @param line the line, ending with {@code \n}
   * @throws IOException if it cannot be written; what of the line reached the destination depends
   *     on the sink
   */
  void write(String line) throws IOException;
}
