package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceParserTest {

  @Test
  void parse_commentsAndBlankLines_areSkipped_lineNumbersKept() {
    List<TraceOperation> operations =
        TraceParser.parse("# header\n\ncapacity 10\n  alloc 3   # trailing\n");

    assertEquals(
        List.of(
            TraceOperation.of(OperationKind.CAPACITY, 3, 10),
            TraceOperation.of(OperationKind.ALLOC, 4, 3)),
        operations);
  }

  @Test
  void parse_file_readsItAsUtf8Text(@TempDir Path dir) throws IOException {
    Path trace =
        Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n", StandardCharsets.UTF_8);

    assertEquals(TraceParser.parse("capacity 8\nalloc 2\n"), TraceParser.parse(trace));
  }

  @Test
  void parse_everyKind_readsItsNumbers() {
    List<TraceOperation> operations =
        TraceParser.parse(
            "capacity 8\nalloc 2\ndealloc 0 1\nrealloc 1 1 5\nset_capacity 16\ncompact 64 4\n");

    assertEquals(
        List.of(
            "capacity 8",
            "alloc 2",
            "dealloc 0 1",
            "realloc 1 1 5",
            "set_capacity 16",
            "compact 64 4"),
        operations.stream().map(TraceOperation::toTraceLine).toList());
    assertEquals(5, operations.get(3).third());
    assertEquals(OperationKind.COMPACT, operations.get(5).kind());
  }

  @Test
  void parseLine_unknownWord_isMalformedNamingTheWord() {
    TraceOperation operation = TraceParser.parseLine("defragment 1", 7);

    assertEquals(TraceOperation.malformed(7, "unknown operation 'defragment'"), operation);
  }

  @Test
  void parseLine_wrongCount_isMalformed() {
    assertEquals(
        TraceOperation.malformed(1, "dealloc takes 2 number(s), got 1"),
        TraceParser.parseLine("dealloc 4", 1));
    assertEquals(
        TraceOperation.malformed(1, "alloc takes 1 or 2 number(s), got 3"),
        TraceParser.parseLine("alloc 4 5 6", 1));
    assertEquals(
        TraceOperation.malformed(1, "realloc takes 3 or 4 number(s), got 5"),
        TraceParser.parseLine("realloc 0 4 5 6 7", 1));
  }

  @Test
  void parse_alignedLines_readTheAlignmentAsTheLastNumber() {
    List<TraceOperation> operations =
        TraceParser.parse("alloc 96 256\nrealloc 256 96 200 64\nalloc 7\nrealloc 1 2 3\n");

    assertEquals(
        List.of(
            OperationKind.ALIGNED_ALLOC,
            OperationKind.ALIGNED_REALLOC,
            OperationKind.ALLOC,
            OperationKind.REALLOC),
        operations.stream().map(TraceOperation::kind).toList());
    assertEquals(
        List.of(256L, 64L, 1L, 1L), operations.stream().map(TraceOperation::alignment).toList());
    assertEquals(
        List.of("alloc 96 256", "realloc 256 96 200 64", "alloc 7", "realloc 1 2 3"),
        operations.stream().map(TraceOperation::toTraceLine).toList());
    assertEquals(200, operations.get(1).third());
  }

  @Test
  void parseLine_alignmentZeroOrNegative_isParsedForTheAllocatorToReject() {
    assertEquals(0, TraceParser.parseLine("alloc 4 0", 1).alignment());
    assertEquals(-8, TraceParser.parseLine("realloc 0 4 8 -8", 1).alignment());
  }

  @Test
  void parseLine_notANumber_isMalformed() {
    assertEquals(
        TraceOperation.malformed(2, "'4.5' is not a decimal integer"),
        TraceParser.parseLine("alloc 4.5", 2));
    assertEquals(
        TraceOperation.malformed(2, "'0x10' is not a decimal integer"),
        TraceParser.parseLine("alloc 0x10", 2));
  }

  @Test
  void parseLine_signsAndLeadingZeros_areTheNumbersValue() {
    assertEquals(7, TraceParser.parseLine("alloc +7", 1).first());
    assertEquals(7, TraceParser.parseLine("alloc 007", 1).first());
    assertEquals(0, TraceParser.parseLine("alloc -0", 1).first());
    assertEquals(-7, TraceParser.parseLine("alloc -007", 1).first());
  }

  @Test
  void parseLine_otherNumberSpellings_areMalformed() {
    for (String word : List.of("1_000", "1e3", "\u0663", "++7", "+", "7-", "\uff17")) {
      assertEquals(
          TraceOperation.malformed(4, "'" + word + "' is not a decimal integer"),
          TraceParser.parseLine("alloc " + word, 4),
          word);
    }
  }

  @Test
  void parseLine_tabsAndFormFeeds_separateWords() {
    assertEquals(3, TraceParser.parseLine("\talloc\t\f 3 \t", 1).first());
  }

  /**
   * Whitespace between words is what the line's ends are stripped of ({@link
   * Character#isWhitespace}): before, an em space or a vertical tab was stripped at an end but
   * separated no words, and a U+001C between the numbers was taken while one before them was not.
   */
  @Test
  void parseLine_anyWhitespaceBetweenWords_separatesThemAsAtTheEnds() {
    for (String space : List.of("\u000B", "\u001C", "\u2003", "\u3000", "\u2028")) {
      TraceOperation operation =
          TraceParser.parseLine("alloc" + space + "7" + space + "2" + space, 1);
      assertEquals(
          OperationKind.ALIGNED_ALLOC, operation.kind(), Integer.toHexString(space.charAt(0)));
      assertEquals(7, operation.first());
      assertEquals(2, operation.second());
    }
    // A no-break space is no whitespace: a word holding it is no operation word.
    assertEquals(OperationKind.MALFORMED, TraceParser.parseLine("alloc\u00A07", 1).kind());
  }

  @Test
  void parseLine_numberBeyondLong_isMalformed() {
    assertEquals(
        TraceOperation.malformed(3, "'9223372036854775808' does not fit in a 64-bit integer"),
        TraceParser.parseLine("alloc 9223372036854775808", 3));
  }

  @Test
  void parseLine_negativeNumber_isParsedForTheAllocatorToReject() {
    assertEquals(-1, TraceParser.parseLine("alloc -1", 1).first());
  }

  @Test
  void parseLine_blankOrComment_isNull() {
    assertNull(TraceParser.parseLine("   ", 1));
    assertNull(TraceParser.parseLine("# alloc 3", 1));
  }

  @Test
  void toTraceLine_malformed_isAComment() {
    assertEquals(
        "# line 7: unknown operation 'defragment'",
        TraceOperation.malformed(7, "unknown operation 'defragment'").toTraceLine());
  }
}
