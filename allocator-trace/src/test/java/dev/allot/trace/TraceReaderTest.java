package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URISyntaxException;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceReaderTest {

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The longest line read whole, in bytes. */
  private static final int MAX = Utf8Lines.MAX_LINE_BYTES;

  /** The first line of most traces here. */
  private static final TraceOperation CAPACITY_8 = TraceOperation.of(OperationKind.CAPACITY, 1, 8);

  /** The operation of a line longer than {@link #MAX} that is not an operation. */
  private static TraceOperation tooLong(int line) {
    return TraceOperation.malformed(line, "longer than 1048576 bytes and not an operation");
  }

  private static Path write(Path dir, byte[]... parts) throws IOException {
    return Files.write(dir.resolve("t.trace"), concat(parts));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
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
  void open_shortMalformedLineAfterALongOne_keepsTheParsersReason(@TempDir Path dir)
      throws IOException {
    // The second line outgrows the line buffer's first size (256 bytes), which grows, not squeezes.
    Path file =
        write(dir, utf8("x".repeat(MAX + 1) + "\nalloc 1 2 3 4" + " ".repeat(400) + "\nfree 9\n"));

    assertEquals(
        List.of(
            tooLong(1),
            TraceOperation.malformed(2, "alloc takes 1 or 2 number(s), got 4"),
            TraceOperation.malformed(3, "unknown operation 'free'")),
        readAll(file));
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
  void next_afterALineThatCannotBeRead_throwsTheSameFailureAgain(@TempDir Path dir)
      throws IOException {
    Path file =
        write(dir, utf8("capacity 8\nalloc "), new byte[] {(byte) 0xFF}, utf8("3\nalloc 1\n"));

    try (TraceReader trace = TraceReader.open(file)) {
      trace.next();
      TraceReadException failure = assertThrows(TraceReadException.class, trace::hasNext);

      // Before, reading went on with "alloc 1" numbered as line 2.
      assertSame(failure, assertThrows(TraceReadException.class, trace::hasNext));
      assertSame(failure, assertThrows(TraceReadException.class, trace::next));
    }
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
  void of_linesLongerThanTheCap_readSqueezedAsFromAFile() {
    String text =
        "# "
            + "c".repeat(2 * MAX)
            + "\nalloc 5\n"
            + "x".repeat(2 * MAX)
            + "\r\nalloc"
            + " ".repeat(2 * MAX)
            + "3\rfree 1";

    List<TraceOperation> operations = TraceParser.parse(new StringReader(text));

    assertEquals(
        List.of(
            TraceOperation.of(OperationKind.ALLOC, 2, 5),
            tooLong(3),
            TraceOperation.of(OperationKind.ALLOC, 4, 3),
            TraceOperation.malformed(5, "unknown operation 'free'")),
        operations);
  }

  @Test
  void of_loneSurrogate_makesItsLineMalformedAsAnyStrayCharacter() {
    List<TraceOperation> operations =
        TraceParser.parse(new StringReader("capacity 8\nalloc \uD800\nalloc 2\n"));

    assertEquals(
        List.of(
            CAPACITY_8,
            TraceOperation.malformed(2, "'?' is not a decimal integer"),
            TraceOperation.of(OperationKind.ALLOC, 3, 2)),
        operations);
  }

  /** Hands out its text one character per read, so that a surrogate pair arrives in two reads. */
  private static final class OneCharReader extends Reader {
    private final String text;
    private int at;

    OneCharReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (at == text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(at++);
      return 1;
    }

    @Override
    public void close() {}
  }

  @Test
  void of_surrogatePairSplitAcrossReads_isOneCharacter() throws IOException {
    String text = "capacity 8 # \uD83D\uDE00 é\nalloc 2\n";

    try (Utf8Bytes bytes = new Utf8Bytes(new OneCharReader(text))) {
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes.readAllBytes());
    }
    assertEquals(
        List.of(CAPACITY_8, TraceOperation.of(OperationKind.ALLOC, 2, 2)),
        TraceParser.parse(new OneCharReader(text)));
  }

  @Test
  void utf8Bytes_readByteByByte_givesTheUtf8OfTheTextThenTheEnd() throws IOException {
    String text = "é\uD83D\uDE00a";
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (Utf8Bytes bytes = new Utf8Bytes(new StringReader(text))) {
      for (int b = bytes.read(); b >= 0; b = bytes.read()) {
        read.write(b);
      }
      assertEquals(-1, bytes.read());
    }

    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), read.toByteArray());
  }

  @Test
  void of_close_leavesTheCallersReaderOpen() throws IOException {
    StringReader reader = new StringReader("capacity 8\nalloc 2\n");
    TraceReader.of(reader, "t").close();

    assertEquals('c', reader.read()); // a closed StringReader throws
  }

  @Test
  void of_inputStream_readsTheBytesAsAFileAndLeavesTheStreamOpen() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in =
        new ByteArrayInputStream(utf8("\uFEFFcapacity 8\nalloc 2\n# größe\ndealloc 0 2\n")) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    List<TraceOperation> read = new ArrayList<>();

    try (TraceReader trace = TraceReader.of(in, "standard input")) {
      trace.forEachRemaining(read::add);
    }

    assertEquals(
        List.of(
            TraceOperation.of(OperationKind.CAPACITY, 1, 8),
            TraceOperation.of(OperationKind.ALLOC, 2, 2),
            TraceOperation.of(OperationKind.DEALLOC, 4, 0, 2)),
        read);
    assertFalse(closed.get(), "the caller's stream was closed");
  }

  @Test
  void of_inputStreamWithInvalidUtf8_failsNamingTheSourceLineAndByte() throws IOException {
    InputStream in =
        new ByteArrayInputStream(
            concat(utf8("capacity 8\nalloc "), new byte[] {(byte) 0xFF}, utf8("3\n")));

    TraceReadException failure;
    try (TraceReader trace = TraceReader.of(in, "standard input")) {
      failure = assertThrows(TraceReadException.class, () -> trace.forEachRemaining(op -> {}));
    }

    // A Reader over the same bytes would have read U+FFFD and called the line malformed.
    assertEquals(
        "standard input: line 2: not UTF-8 (byte 0xff at byte 7 of the line)",
        failure.getMessage());
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
    assertEquals(List.of(3L, 5L), operations.stream().map(TraceOperation::line).toList());
  }

  @Test
  void open_binaryFileWithNoLineEnd_isOneInvalidOperation(@TempDir Path dir) throws IOException {
    // A disk image or a preallocated file: NUL bytes are valid UTF-8 and there is no line end, so
    // the whole file is one line, of no operation. (HugeLine shows it is not held in memory.)
    Path file = write(dir, utf8("capacity 8\n"), new byte[8 * MAX]);

    assertEquals(List.of(CAPACITY_8, tooLong(2)), readAll(file));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"file", "reader"})
  void lineOfHundredsOfMegabytes_fromAFileOrAReader_isReadInASmallHeap(String source)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx32m",
                "-cp",
                classesOf(TraceReader.class) + File.pathSeparator + classesOf(HugeLine.class),
                HugeLine.class.getName(),
                source)
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the program ends");

    assertEquals(
        List.of(
            "heap at most 32 MiB",
            "capacity 8",
            "# line 2: longer than 1048576 bytes and not an operation",
            "alloc 2"),
        out.lines().toList());
    assertEquals(0, process.exitValue());
  }

  private static String classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void open_linesOfTheLongestLengthAndOneByteMore_readAsComments(@TempDir Path dir)
      throws IOException {
    String longest = "#" + "x".repeat(MAX - 1);
    String longer = "#" + "x".repeat(MAX);

    assertEquals(
        TraceParser.parse("\n\ncapacity 8\n"),
        readAll(write(dir, utf8(longest + "\r\n" + longer + "\ncapacity 8\n"))));
  }

  @Test
  void open_commentLongerThanTheCap_isIgnoredAndTheNextLineRead(@TempDir Path dir)
      throws IOException {
    String comment = "  # größer " + "x".repeat(3 * MAX) + "#" + "\t".repeat(MAX);

    assertEquals(
        List.of(CAPACITY_8, TraceOperation.of(OperationKind.ALLOC, 3, 2)),
        readAll(write(dir, utf8("capacity 8\n" + comment + "\nalloc 2\n"))));
  }

  @Test
  void open_garbageLongerThanTheCap_isOneMalformedOperationAndTheNextLineParses(@TempDir Path dir)
      throws IOException {
    List<String> garbage =
        List.of(
            "garbage ".repeat(MAX / 4),
            "\uD83D\uDE00".repeat(MAX), // a 4-byte character, two chars
            "alloc" + " ".repeat(2 * MAX) + "5 6 7", // squeezes to a malformed line
            "alloc " + "0".repeat(2 * MAX) + "x",
            "alloc " + "0".repeat(2 * MAX) + "9223372036854775808", // does not fit in a long
            "alloc\u00A0" + "\u00A0".repeat(MAX) + "5"); // a no-break space is no whitespace
    for (String line : garbage) {
      Path file = write(dir, utf8("capacity 8\n" + line + "\nalloc 2\n"));

      assertEquals(
          List.of(CAPACITY_8, tooLong(2), TraceOperation.of(OperationKind.ALLOC, 3, 2)),
          readAll(file),
          line.substring(0, 20));
    }
  }

  @Test
  void open_operationPaddedPastTheCap_parsesAsItsShortForm(@TempDir Path dir) throws IOException {
    String spaces = " ".repeat(2 * MAX);
    String tabs = "\t".repeat(2 * MAX);
    Map<String, String> shortForms =
        Map.of(
            "alloc" + spaces + "5", "alloc 5",
            tabs + "alloc" + tabs + "5" + tabs, "alloc 5",
            "alloc" + " \t\u000B\f".repeat(MAX) + "5" + spaces + "# " + "c".repeat(2 * MAX),
                "alloc 5",
            "\u3000\u001C".repeat(MAX) + "alloc 5\u2003" + "\u2028".repeat(MAX), "alloc 5",
            "\u2003".repeat(MAX) + "alloc" + "\u2003".repeat(MAX) + "5", "alloc 5",
            "alloc 5#" + spaces, "alloc 5",
            "alloc 000" + spaces + "-" + "0".repeat(2 * MAX), "alloc 0 0");
    for (Map.Entry<String, String> line : shortForms.entrySet()) {
      Path file = write(dir, utf8("capacity 8\n" + line.getKey() + "\ncapacity 9\n"));

      assertEquals(
          List.of(
              CAPACITY_8,
              TraceParser.parseLine(line.getValue(), 2),
              TraceOperation.of(OperationKind.CAPACITY, 3, 9)),
          readAll(file),
          line.getValue());
    }
  }

  @Test
  void open_numberWithLeadingZerosPastTheCap_parsesToItsValue(@TempDir Path dir)
      throws IOException {
    String zeros = "0".repeat(2 * MAX);
    String text =
        "dealloc -"
            + zeros
            + "9223372036854775808 +"
            + zeros
            + "7\nalloc "
            + zeros
            + "\nrealloc "
            + zeros
            + "1 -"
            + zeros
            + " +"
            + zeros
            + "10 "
            + zeros
            + "9223372036854775807\n";

    assertEquals(
        List.of(
            TraceOperation.of(OperationKind.DEALLOC, 1, Long.MIN_VALUE, 7),
            TraceOperation.of(OperationKind.ALLOC, 2, 0),
            TraceOperation.of(OperationKind.ALIGNED_REALLOC, 3, 1, 0, 10, Long.MAX_VALUE)),
        readAll(write(dir, utf8(text))));
  }

  @Test
  void open_invalidUtf8AnywhereInALongLine_namesItsBytePositionAndLine(@TempDir Path dir)
      throws IOException {
    // A line of `before`, then the byte `bad` (at byte `at` of the line), then `after`.
    record Case(String before, int bad, String after, long at) {}
    String comment = "  # " + "x".repeat(3 * MAX);
    String garbage = "x".repeat(3 * MAX);
    List<Case> cases =
        List.of(
            new Case("# €" + "x".repeat(1000), 0xFF, "x".repeat(2 * MAX), 1006), // first buffer
            new Case(comment, 0xFF, "more", comment.length() + 1), // in the comment not kept
            new Case(comment, 0xC3, "(", comment.length() + 1), // a lead byte, then no follower
            new Case(garbage, 0x80, "alloc 2", garbage.length() + 1), // in no operation
            new Case(garbage, 0xE2, "", garbage.length() + 1)); // cut short at the end of the file
    for (Case c : cases) {
      Path file =
          write(
              dir,
              utf8("capacity 8\r\n" + c.before()),
              new byte[] {(byte) c.bad()},
              utf8(c.after()));

      TraceReadException e = assertThrows(TraceReadException.class, () -> readAll(file));

      assertEquals(
          String.format(
              Locale.ROOT,
              "%s: line 2: not UTF-8 (byte 0x%02x at byte %d of the line)",
              file,
              c.bad(),
              c.at()),
          e.getMessage());
    }
  }

  @Test
  void open_multiByteCharacterAcrossTheBufferEnd_isDecoded(@TempDir Path dir) throws IOException {
    // The line buffer fills at byte MAX, which falls into each byte of the characters in turn.
    for (int shift = 0; shift <= 8; shift++) {
      String comment = "#" + "x".repeat(MAX - 8 + shift) + "\uD83D\uDE00€";
      String padding = " ".repeat(MAX - 8 + shift) + "\u3000\u3000";
      Path file = write(dir, utf8(comment + "\n" + padding + "alloc 5" + padding + "\n"));

      assertEquals(
          List.of(TraceOperation.of(OperationKind.ALLOC, 2, 5)), readAll(file), "" + shift);
    }
  }

  @Test
  void open_lineEndsAndNumbersAfterLongLines_areThoseOfReadLine(@TempDir Path dir)
      throws IOException {
    String comment = "#" + "x".repeat(2 * MAX);
    String alloc = "alloc" + " ".repeat(2 * MAX) + "3";
    String text =
        comment + "\r\ncapacity 8\r" + alloc + "\r\r\n" + comment + "\r" + alloc + "\nalloc 4";

    List<TraceOperation> operations = readAll(write(dir, utf8(text)));

    assertEquals(List.of(2L, 3L, 6L, 7L), operations.stream().map(TraceOperation::line).toList());
    assertEquals(
        TraceParser.parse("#\r\ncapacity 8\ralloc 3\r\r\n#\ralloc 3\nalloc 4"), operations);
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
