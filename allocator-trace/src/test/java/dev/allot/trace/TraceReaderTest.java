package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static Path write(Path dir, byte[]... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return Files.write(dir.resolve("t.trace"), bytes.toByteArray());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<TraceOperation> readAll(Path file) throws IOException {
    List<TraceOperation> operations = new ArrayList<>();
    try (TraceReader trace = TraceReader.open(file)) {
      trace.forEachRemaining(operations::add);
    }
    return operations;
  }

  @Test
  void open_byteOrderMark_isIgnored(@TempDir Path dir) throws IOException {
    Path file = write(dir, BYTE_ORDER_MARK, utf8("capacity 8\nalloc 2\n"));

    assertEquals(TraceParser.parse("capacity 8\nalloc 2\n"), readAll(file));
    assertEquals(TraceParser.parse("capacity 8\nalloc 2\n"), TraceParser.parse(file));
  }

  @Test
  void parse_textWithByteOrderMark_ignoresItOnTheFirstLineOnly() {
    assertEquals(
        List.of(
            TraceOperation.of(OperationKind.CAPACITY, 1, 8),
            TraceOperation.malformed(2, "unknown operation '\uFEFFalloc'")),
        TraceParser.parse("\uFEFFcapacity 8\n\uFEFFalloc 2\n"));
  }

  @Test
  void open_lineEndings_areThoseOfReadLine(@TempDir Path dir) throws IOException {
    String text = "capacity 8\r\nalloc 2\ralloc 3\n\n# größer\r\ralloc 4";

    assertEquals(TraceParser.parse(text), readAll(write(dir, utf8(text))));
    assertEquals(7, readAll(write(dir, utf8(text))).get(3).line());
  }

  @Test
  void open_invalidUtf8_failsNamingFileLineAndByte(@TempDir Path dir) throws IOException {
    Path file =
        write(dir, utf8("capacity 8\n# ok: größe\nalloc "), new byte[] {(byte) 0xFF}, utf8("3\n"));
    List<TraceOperation> read = new ArrayList<>();

    TraceReadException failure;
    try (TraceReader trace = TraceReader.open(file)) {
      failure = assertThrows(TraceReadException.class, () -> trace.forEachRemaining(read::add));
    }

    assertEquals(
        file + ": line 3: not UTF-8 (byte 0xff at byte 7 of the line)", failure.getMessage());
    assertEquals(3, failure.line());
    assertEquals(List.of(TraceOperation.of(OperationKind.CAPACITY, 1, 8)), read);
  }

  @Test
  void open_invalidUtf8FarIntoTheFile_namesItsOwnLine(@TempDir Path dir) throws IOException {
    // Far past the first read buffer, and a truncated two-byte sequence at the end of the line.
    Path file =
        write(dir, utf8("capacity 8\n" + "alloc 1\n".repeat(20_000)), new byte[] {(byte) 0xC3});

    TraceReadException failure =
        assertThrows(TraceReadException.class, () -> TraceParser.parse(file));

    assertEquals(20_002, failure.line());
    assertEquals("not UTF-8 (byte 0xc3 at byte 1 of the line)", failure.reason());
  }

  @Test
  void open_missingFile_saysSo(@TempDir Path dir) {
    Path missing = dir.resolve("missing.trace");

    TraceReadException failure =
        assertThrows(TraceReadException.class, () -> TraceReader.open(missing));

    assertEquals(missing + ": no such file", failure.getMessage());
    assertEquals(0, failure.line());
    assertTrue(failure.getCause() instanceof NoSuchFileException);
  }

  @Test
  void open_directory_saysSo(@TempDir Path dir) {
    TraceReadException failure =
        assertThrows(TraceReadException.class, () -> TraceReader.open(dir));

    assertEquals(dir + ": is a directory", failure.getMessage());
  }

  @Test
  void open_unreadableFile_saysPermissionDenied(@TempDir Path dir) throws IOException {
    Path file = write(dir, utf8("capacity 8\n"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads any file");

    TraceReadException failure =
        assertThrows(TraceReadException.class, () -> TraceReader.open(file));

    assertEquals(file + ": permission denied", failure.getMessage());
  }

  @Test
  void reasonOf_fileSystemFailures_areNamedInWords() {
    assertEquals("permission denied", TraceReadException.reasonOf(new AccessDeniedException("f")));
    assertEquals("no such file", TraceReadException.reasonOf(new NoSuchFileException("f")));
    assertEquals(
        "Input/output error",
        TraceReadException.reasonOf(new FileSystemException("f", null, "Input/output error")));
    assertEquals("not a directory", TraceReadException.reasonOf(new NotDirectoryException("f")));
    assertEquals("disk on fire", TraceReadException.reasonOf(new IOException("disk on fire")));
    assertEquals("IOException", TraceReadException.reasonOf(new IOException()));
    assertEquals("IOException", TraceReadException.reasonOf(new IOException(" ")));
  }

  /** Delivers {@code lines} lines of {@code alloc 1}, then fails like a disk that went away. */
  private static final class FailingReader extends Reader {
    private final StringReader text;

    FailingReader(int lines) {
      text = new StringReader("alloc 1\n".repeat(lines));
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = text.read(buffer, offset, length);
      if (read < 0) {
        throw new IOException("device gone");
      }
      return read;
    }

    @Override
    public void close() {}
  }

  @Test
  void of_readsLazily_operationsBeforeAFailureAreReturnedFirst() {
    TraceReader trace = TraceReader.of(new FailingReader(5), "flaky.trace");

    for (int line = 1; line <= 5; line++) {
      assertEquals(line, trace.next().line());
    }
    TraceReadException failure = assertThrows(TraceReadException.class, trace::hasNext);
    assertEquals("flaky.trace: line 6: device gone", failure.getMessage());
  }

  /** An endless trace: {@code alloc 1} forever, counting the characters it handed out. */
  private static final class EndlessReader extends Reader {
    long delivered;

    @Override
    public int read(char[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = "alloc 1\n".charAt((int) ((delivered + i) % 8));
      }
      delivered += length;
      return length;
    }

    @Override
    public void close() {}
  }

  @Test
  void of_endlessTrace_yieldsOperationsReadingOnlyAhead() {
    EndlessReader endless = new EndlessReader();
    TraceReader trace = TraceReader.of(endless, "endless");

    for (int i = 0; i < 100_000; i++) {
      assertTrue(trace.hasNext());
      trace.next();
    }

    // 800,000 characters consumed, plus at most one buffer of the BufferedReader read ahead.
    assertTrue(endless.delivered <= 800_000 + 8192, "read " + endless.delivered);
  }

  @Test
  void next_atTheEnd_failsNamingTheLastLine() {
    TraceReader trace = TraceReader.of(new StringReader("capacity 8\n# end\n"), "t");
    trace.next();

    assertFalse(trace.hasNext());
    assertEquals(
        "t: no operation after line 2",
        assertThrows(java.util.NoSuchElementException.class, trace::next).getMessage());
  }

  @Test
  void open_longLinesAndAnEmptyFirstLine_readAsText(@TempDir Path dir) throws IOException {
    // Lines longer than the line buffer and than the read buffer, non-ASCII at their end.
    String text =
        "\n# " + "x".repeat(300) + "é\ncapacity 8\n# " + "y".repeat(70_000) + "ü\nalloc 2";

    List<TraceOperation> operations = readAll(write(dir, BYTE_ORDER_MARK, utf8(text)));

    assertEquals(TraceParser.parse(text), operations);
    assertEquals(List.of(3, 5), operations.stream().map(TraceOperation::line).toList());
  }

  @Test
  void open_binaryFileWithNoLineEnd_failsNamingTheLineInsteadOfFillingTheHeap(@TempDir Path dir)
      throws IOException {
    // A disk image or a preallocated file: NUL bytes are valid UTF-8 and there is no line end, so
    // the whole file was one line held in memory (OutOfMemoryError in the documented 64 MB heap).
    Path file = write(dir, utf8("capacity 8\n"), new byte[64 << 20]);

    TraceReadException e = assertThrows(TraceReadException.class, () -> readAll(file));

    assertEquals(file + ": line 2: longer than 1048576 bytes, not a trace line", e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void open_lineOfExactlyTheLongestLength_reads(@TempDir Path dir) throws IOException {
    String comment = "#" + "x".repeat((1 << 20) - 1);

    assertEquals(
        TraceParser.parse("\ncapacity 8\n"),
        readAll(write(dir, utf8(comment + "\r\ncapacity 8\n"))));
  }

  @Test
  void open_emptyFileAndLoneTerminators_countLinesAsReadLineDoes(@TempDir Path dir)
      throws IOException {
    assertEquals(List.of(), readAll(write(dir, new byte[0])));
    String text = "\r\r\n\ncapacity 8\r";

    assertEquals(4, readAll(write(dir, utf8(text))).get(0).line());
  }

  @Test
  void parse_reader_readsAsText() {
    String text = "capacity 8\nalloc 2\n";

    assertEquals(TraceParser.parse(text), TraceParser.parse(new StringReader(text)));
  }

  @Test
  void failure_namesItsSourceAndReasonApart(@TempDir Path dir) {
    Path missing = dir.resolve("missing.trace");

    TraceReadException failure =
        assertThrows(TraceReadException.class, () -> TraceReader.open(missing));

    assertEquals(missing.toString(), failure.source());
    assertEquals("no such file", failure.reason());
  }

  @Test
  void close_closesTheFileStream() throws IOException {
    boolean[] closed = {false};
    Utf8Lines lines =
        new Utf8Lines(
            new java.io.ByteArrayInputStream(new byte[0]) {
              @Override
              public void close() {
                closed[0] = true;
              }
            },
            "s");

    lines.close();

    assertTrue(closed[0]);
  }
}
