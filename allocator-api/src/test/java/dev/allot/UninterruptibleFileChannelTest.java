package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's file channel: a {@link SeekableByteChannel} that an interrupt does not close. */
class UninterruptibleFileChannelTest {

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void openEmpty_existingFile_emptiesItAndWritesFromTheStart(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.trace"), "old content\n");

    try (SeekableByteChannel channel = UninterruptibleFileChannel.openEmpty(file)) {
      assertInstanceOf(UninterruptibleFileChannel.class, channel);
      assertEquals(0, channel.size());
      assertEquals(4, channel.write(ascii("abcd")));
      ByteBuffer middle = ByteBuffer.wrap("xyz".getBytes(StandardCharsets.US_ASCII), 1, 1);
      assertEquals(1, channel.write(middle)); // "y": from the buffer's position, not its start
      assertEquals(0, middle.remaining());
      ByteBuffer direct = ByteBuffer.allocateDirect(2).put((byte) 'e').put((byte) 'f').flip();
      assertEquals(2, channel.write(direct));
      assertEquals(7, channel.position());
      assertEquals(7, channel.size());
    }
    assertEquals("abcdyef", Files.readString(file));
  }

  @Test
  void truncateAndPosition_cutTheFileAndMoveTheWritePoint(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.trace");
    try (SeekableByteChannel channel = UninterruptibleFileChannel.openEmpty(file)) {
      channel.write(ascii("line 1\nline 2\n"));
      channel.truncate(20); // longer than the file: nothing changes
      assertEquals(14, channel.size());
      assertEquals(14, channel.position());
      channel.position(30); // past the end, as a channel may be
      channel.truncate(20);
      assertEquals(20, channel.position()); // the position comes back to the size
      assertEquals(14, channel.size());
      channel.truncate(7);
      assertEquals(7, channel.position()); // the write point follows the cut
      channel.write(ascii("x\n"));
      channel.position(0);
      ByteBuffer read = ByteBuffer.allocate(16);
      assertEquals(9, channel.read(read));
      assertEquals(-1, channel.read(ByteBuffer.allocate(4)));
      assertEquals("line 1\nx\n", new String(read.array(), 0, 9, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void calls_afterClose_throwClosedChannelException(@TempDir Path dir) throws IOException {
    SeekableByteChannel channel = UninterruptibleFileChannel.openEmpty(dir.resolve("t.trace"));
    assertTrue(channel.isOpen());
    channel.close();

    assertFalse(channel.isOpen());
    assertThrows(ClosedChannelException.class, () -> channel.write(ascii("a")));
    assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
    assertThrows(ClosedChannelException.class, channel::position);
    assertThrows(ClosedChannelException.class, () -> channel.position(0));
    assertThrows(ClosedChannelException.class, channel::size);
    assertThrows(ClosedChannelException.class, () -> channel.truncate(0));
  }

  @Test
  void openEmpty_missingDirectory_failsAsFileChannelNamesIt(@TempDir Path dir) {
    Path file = dir.resolve("missing").resolve("t.trace");

    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> UninterruptibleFileChannel.openEmpty(file));
    assertEquals(file.toString(), e.getFile());
  }

  @Test
  void write_threadInterrupted_writesAndStaysOpen(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.trace");
    try (SeekableByteChannel channel = UninterruptibleFileChannel.openEmpty(file)) {
      Thread.currentThread().interrupt();
      try {
        channel.write(ascii("a\n"));
      } finally {
        assertTrue(Thread.interrupted());
      }
      assertTrue(channel.isOpen());
    }
    assertEquals("a\n", Files.readString(file));
    // What a FileChannel does instead, and why the recorder no longer writes through one.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      Thread.currentThread().interrupt();
      try {
        assertThrows(ClosedByInterruptException.class, () -> channel.write(ascii("b")));
      } finally {
        Thread.interrupted();
      }
      assertFalse(channel.isOpen());
    }
  }
}
