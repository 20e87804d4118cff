package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a recorder that owns its trace file gives the file back to the system. */
class RecordingCloseTest {

  @Test
  void close_fileRecorder_closesTheChannel(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("closed.trace");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    RecordingAllocator recorder =
        new RecordingAllocator(new TreeMapAllocator(8), new FileTraceSink(channel));
    recorder.alloc(3);

    recorder.close();

    assertFalse(channel.isOpen());
    assertEquals("capacity 8\nalloc 3\n", Files.readString(file));
  }
}
