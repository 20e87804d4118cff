package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's guarantees when writing fails (a full disk), checked for a failure at every byte
 * of the trace: the call whose line failed is not made, the allocator is as after the calls before
 * it, no later call is made, and a trace file ends at the last whole line.
 */
class RecordingFailureTest {

  private static final long CAPACITY = 16;

  /** A program with every kind of line, a memory failure and a bad call among them. */
  private static final List<Consumer<Allocator>> CALLS =
      List.of(
          a -> a.alloc(5),
          a -> a.alloc(3),
          a -> a.realloc(0, 5, 2),
          a -> a.alloc(40),
          a -> a.dealloc(100, 1),
          a -> a.setCapacity(64),
          a -> a.alloc(40),
          a -> a.realloc(5, 3, 9),
          a -> a.dealloc(0, 2));

  /** Makes the call; the failures the program means to make are part of it. */
  private static void call(Allocator allocator, int index) {
    try {
      CALLS.get(index).accept(allocator);
    } catch (IllegalArgumentException | AllocatorMemoryException expected) {
      // recorded and replayed like any call
    }
  }

  /** Runs the program until writing fails; returns the index of the call that failed. */
  private static int runUntilWriteFails(Allocator recorder) {
    for (int index = 0; index < CALLS.size(); index++) {
      try {
        call(recorder, index);
      } catch (UncheckedIOException e) {
        return index;
      }
    }
    return CALLS.size();
  }

  /** The allocator after the first {@code count} calls, made without a recorder. */
  private static Allocator after(int count) {
    Allocator allocator = new TreeMapAllocator(CAPACITY);
    for (int index = 0; index < count; index++) {
      call(allocator, index);
    }
    return allocator;
  }

  private static void assertSameState(Allocator expected, Allocator actual) {
    assertEquals(expected.getCapacity(), actual.getCapacity());
    assertEquals(expected.getAllocatedRegions(), actual.getAllocatedRegions());
  }

  /** The whole trace, recorded with nothing failing. */
  private static String fullTrace() {
    StringBuilder trace = new StringBuilder();
    Allocator recorder = Allocators.recording(new TreeMapAllocator(CAPACITY), trace);
    assertEquals(CALLS.size(), runUntilWriteFails(recorder));
    return trace.toString();
  }

  /** The index of the line that holds character {@code position} of {@code trace}. */
  private static int lineAt(String trace, int position) {
    return (int) trace.substring(0, position).chars().filter(c -> c == '\n').count();
  }

  /** The first {@code count} lines of {@code trace}, line breaks included. */
  private static String firstLines(String trace, int count) {
    int end = 0;
    for (int line = 0; line < count; line++) {
      end = trace.indexOf('\n', end) + 1;
    }
    return trace.substring(0, end);
  }

  /**
   * Checks a recorder whose destination fails at {@code room}: the failing line is line {@code
   * failing} (0 is the capacity line, line i + 1 is call i).
   */
  private static void assertFailsAtLine(
      String trace, int room, Allocator allocator, java.util.function.Supplier<Allocator> open) {
    int failing = lineAt(trace, room);
    if (failing == 0) {
      assertThrows(UncheckedIOException.class, open::get, "room " + room);
      return;
    }
    Allocator recorder = open.get();
    assertEquals(failing - 1, runUntilWriteFails(recorder), "room " + room);
    assertSameState(after(failing - 1), allocator);
    IllegalStateException stopped =
        assertThrows(IllegalStateException.class, () -> recorder.alloc(1), "room " + room);
    assertTrue(
        stopped.getMessage().startsWith("recording stopped: writing line " + (failing + 1) + " '"),
        stopped::getMessage);
    assertSameState(after(failing - 1), allocator);
  }

  @Test
  void file_diskFullAtEveryByte_traceEndsAtWholeLineAndFailedCallIsNotMade(@TempDir Path directory)
      throws IOException {
    String trace = fullTrace();
    for (int room = 0; room < trace.length(); room++) {
      Path file = directory.resolve("room" + room + ".trace");
      Allocator allocator = new TreeMapAllocator(CAPACITY);
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        DiskFullChannel disk = new DiskFullChannel(channel, room);
        assertFailsAtLine(
            trace,
            room,
            allocator,
            () -> new RecordingAllocator(allocator, new FileTraceSink(disk)));
      }
      assertEquals(firstLines(trace, lineAt(trace, room)), Files.readString(file), "room " + room);
    }
  }

  /**
   * The writers a user may pass: a buffered writer as {@code Files.newBufferedWriter} makes, and
   * the print stream and print writer, which swallow their errors.
   */
  private static final List<Function<DiskFullStream, Appendable>> WRITERS =
      List.of(
          disk -> new BufferedWriter(new OutputStreamWriter(disk, StandardCharsets.UTF_8)),
          disk -> new PrintStream(disk, false, StandardCharsets.UTF_8),
          disk -> new PrintWriter(new OutputStreamWriter(disk, StandardCharsets.UTF_8)));

  @Test
  void writer_diskFullAtEveryByte_failsTheCallWhoseLineFailed() {
    String trace = fullTrace();
    for (Function<DiskFullStream, Appendable> writer : WRITERS) {
      for (int room = 0; room < trace.length(); room++) {
        DiskFullStream disk = new DiskFullStream(room);
        Appendable out = writer.apply(disk);
        Allocator allocator = new TreeMapAllocator(CAPACITY);
        assertFailsAtLine(trace, room, allocator, () -> Allocators.recording(allocator, out));
        String kept = disk.written();
        int failing = lineAt(trace, room);
        assertTrue(
            kept.startsWith(firstLines(trace, failing))
                && firstLines(trace, failing + 1).startsWith(kept),
            "room " + room + ": the whole lines before the failed one, then part of it: " + kept);
      }
    }
  }

  @Test
  void recording_allocatorWithManyBlocks_messageNamesTheCountNotTheBlocks(@TempDir Path directory)
      throws IOException {
    Allocator used = new TreeMapAllocator(0);
    used.setCapacity(200_000);
    used.alloc(200_000);
    for (long block = 0; block < 100_000; block++) {
      used.dealloc(2 * block + 1, 1);
    }
    Path file = Files.writeString(directory.resolve("kept.trace"), "capacity 8\n");

    for (Runnable recording :
        List.<Runnable>of(
            () -> Allocators.recording(used, new StringBuilder()),
            () -> Allocators.recording(used, file))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, recording::run);
      assertTrue(
          e.getMessage()
              .matches(
                  "recording\\(tree-map allocator, (out|file)\\): it holds 100000 block\\(s\\); a"
                      + " trace can only start from an empty allocator"),
          e.getMessage());
    }
    assertEquals("capacity 8\n", Files.readString(file));
  }

  @Test
  void recording_toFile_writesEveryLineBeforeItsCallAndCloses(@TempDir Path directory)
      throws IOException {
    Path file = directory.resolve("game.trace");
    RecordingAllocator recorder;
    try (RecordingAllocator opened = Allocators.recording(new TreeMapAllocator(CAPACITY), file)) {
      recorder = opened;
      opened.comment("level 1");
      assertEquals(CALLS.size(), runUntilWriteFails(opened));
      assertEquals("capacity 16\n# level 1\n", firstLines(Files.readString(file), 2));
    }
    assertEquals(
        fullTrace().replace("capacity 16\n", "capacity 16\n# level 1\n"), Files.readString(file));
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> recorder.alloc(1));
    assertEquals(
        "recording stopped: the recorder was closed after 11 line(s); no call is made after it, so"
            + " the trace stays true",
        closed.getMessage());
  }

  /** A file that opens but takes no byte (Linux's /dev/full): the error names it and the line. */
  @Test
  void recording_fileFullFromTheFirstLine_namesTheFileAndSaysTheRecorderDidNotStart() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "no /dev/full here");

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> Allocators.recording(new TreeMapAllocator(10), full));

    assertEquals(
        "recording to /dev/full: writing line 1 'capacity 10' failed; the recorder did not start",
        e.getMessage());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void comment_lineBreak_isRejectedAndWritesNothing() {
    StringBuilder trace = new StringBuilder();
    RecordingAllocator recorder = Allocators.recording(new TreeMapAllocator(4), trace);

    for (String broken : List.of("two\nlines", "\nfirst", "\rfirst", "last\r")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> recorder.comment(broken));
      assertEquals(
          "comment(" + broken.length() + " characters): a comment is one line, with no line break",
          e.getMessage());
    }
    recorder.alloc(1);
    assertEquals("capacity 4\nalloc 1\n", trace.toString());
  }

  /**
   * An appendable that takes the first three characters of a line and then throws an {@link Error}
   * (a heap that ran out while it copied, say) fails the recorder as an {@code IOException} or a
   * {@code RuntimeException} does: the call is not made, and the recorder stops, so that no later
   * line is glued to the cut one.
   */
  @Test
  void appendable_errorPartWayThroughALine_recorderStopsAndNoLaterCallIsMade() {
    StringBuilder kept = new StringBuilder();
    boolean[] failing = {false};
    Appendable out =
        new Appendable() {
          @Override
          public Appendable append(CharSequence text) {
            if (failing[0]) {
              kept.append(text, 0, 3);
              throw new OutOfMemoryError("Java heap space");
            }
            kept.append(text);
            return this;
          }

          @Override
          public Appendable append(CharSequence text, int start, int end) {
            return append(text.subSequence(start, end));
          }

          @Override
          public Appendable append(char c) {
            return append(String.valueOf(c));
          }
        };
    TreeMapAllocator allocator = new TreeMapAllocator(CAPACITY);
    RecordingAllocator recorder = Allocators.recording(allocator, out);
    recorder.alloc(4);

    failing[0] = true;
    assertThrows(OutOfMemoryError.class, () -> recorder.alloc(2));
    failing[0] = false;
    IllegalStateException stopped =
        assertThrows(IllegalStateException.class, () -> recorder.alloc(3));

    assertEquals(
        "recording stopped: writing line 3 'alloc 2' failed and the call was not made; no call is"
            + " made after it, so the trace stays true",
        stopped.getMessage());
    assertEquals(List.of(new Region(0, 4)), allocator.getAllocatedRegions());
    assertEquals("capacity 16\nalloc 4\nall", kept.toString());
  }

  /**
   * A file channel that, once {@link #failing} is set, writes three bytes of the next buffer and
   * then throws an unchecked failure instead of an {@code IOException}: the direct buffer memory a
   * {@code FileChannel} copies a heap buffer into may run out, and a custom channel may throw
   * anything.
   */
  private static final class FailingPartWayChannel extends ForwardingFileChannel {
    private @Nullable RuntimeException runtimeFailure;
    private @Nullable Error errorFailure;

    FailingPartWayChannel(FileChannel file) {
      super(file);
    }

    void failing(RuntimeException failure) {
      runtimeFailure = failure;
    }

    void failing(Error failure) {
      errorFailure = failure;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      if (runtimeFailure == null && errorFailure == null) {
        return file.write(source);
      }
      writePart(source, 3);
      if (runtimeFailure != null) {
        throw runtimeFailure;
      }
      throw Objects.requireNonNull(errorFailure);
    }
  }

  /**
   * The file form promises a trace that ends at a whole line whatever the write failed with: an
   * {@link Error} or a {@link RuntimeException} part-way through a line is cut back as an {@code
   * IOException} is, the call is not made and the recorder stops.
   */
  @Test
  void file_uncheckedFailurePartWayThroughALine_traceEndsAtTheLastWholeLine(@TempDir Path directory)
      throws IOException {
    List<Consumer<FailingPartWayChannel>> failures =
        List.of(
            channel -> channel.failing(new OutOfMemoryError("Cannot reserve direct buffer memory")),
            channel -> channel.failing(new IllegalStateException("channel bug")));
    for (int kind = 0; kind < failures.size(); kind++) {
      Path file = directory.resolve("failure" + kind + ".trace");
      TreeMapAllocator allocator = new TreeMapAllocator(CAPACITY);
      try (FileChannel opened =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        FailingPartWayChannel channel = new FailingPartWayChannel(opened);
        RecordingAllocator recorder = new RecordingAllocator(allocator, new FileTraceSink(channel));
        recorder.alloc(4);
        failures.get(kind).accept(channel);

        assertThrows(Throwable.class, () -> recorder.alloc(2));
        assertThrows(IllegalStateException.class, () -> recorder.alloc(3));
        assertEquals(List.of(new Region(0, 4)), allocator.getAllocatedRegions());
      }
      assertEquals("capacity 16\nalloc 4\n", Files.readString(file), "failure " + kind);
    }
  }
}
