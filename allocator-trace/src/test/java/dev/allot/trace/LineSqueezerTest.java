package dev.allot.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LineSqueezerTest {

  private static String squeeze(String text) {
    char[] chars = text.toCharArray();
    return new String(chars, 0, LineSqueezer.squeeze(chars, chars.length));
  }

  @Test
  void squeeze_textFromTheFirstHash_keepsOnlyTheHash() {
    assertEquals("alloc 5 #", squeeze("alloc 5 # a comment # and more"));
    assertEquals("#", squeeze("#alloc 5"));
  }

  @Test
  void squeeze_whitespaceRun_keepsEachCharacterOnceInTheOrderTheyCome() {
    assertEquals(" alloc \t5\t", squeeze("   alloc \t \t 5\t\t\t"));
    assertEquals("alloc\u2003 \u001C5", squeeze("alloc\u2003 \u2003\u001C \u001C5"));
  }

  @Test
  void squeeze_leadingZerosOfAWord_keepOneZeroAfterTheSign() {
    assertEquals(
        "alloc 05 -0 +07 0 0x 10 0-00", squeeze("alloc 0005 -000 +00007 000 000x 10 00-00"));
    assertEquals("\uFEFF000", squeeze("\uFEFF000"));
  }

  @Test
  void squeeze_squeezedTextOrALineInPieces_isSqueezedAsTheWholeLine() {
    String line = "  alloc \t 000 \u2003\u2003 -0007 # \t\t 000";
    String whole = squeeze(line);

    assertEquals(whole, squeeze(whole));
    for (int cut = 0; cut <= line.length(); cut++) {
      assertEquals(whole, squeeze(squeeze(line.substring(0, cut)) + line.substring(cut)), "" + cut);
    }
  }

  /** Pieces of lines: words, numbers, whitespace that separates and whitespace that does not. */
  private static final List<String> PIECES =
      List.of(
          "alloc",
          "realloc",
          "capacity",
          "set_capacity",
          "compact",
          "dealloc",
          "0",
          "00",
          "7",
          "+",
          "-",
          "9223372036854775807",
          "9223372036854775808",
          "x",
          "#",
          " ",
          "  ",
          "\t",
          "\u000B",
          "\f",
          "\u001C",
          "\u2003",
          "\u3000",
          "\u00A0",
          "\uFEFF",
          "é");

  @Test
  void squeeze_randomLines_parseAsTheWholeLine() {
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(16); n > 0; n--) {
        line.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String text = line.toString();

      assertEquals(answer(text), answer(squeeze(text)), text);
    }
  }

  /** What {@link TraceParser#parseLine} answers, a malformed line's reason left out. */
  private static @Nullable TraceOperation answer(String line) {
    TraceOperation operation = TraceParser.parseLine(line, 1);
    return operation == null || operation.kind() != OperationKind.MALFORMED
        ? operation
        : TraceOperation.malformed(1, "");
  }

  @Test
  void squeeze_longestOperation_isNoLongerThanLongest() {
    // Every whitespace character a line can hold at each end, every separator between the words.
    String runs =
        IntStream.range(0, Character.MAX_VALUE)
            .filter(c -> Character.isWhitespace(c) && c != '\n' && c != '\r')
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    String number = " \t\u000B\f \t-00009223372036854775808";
    String line = "\uFEFF" + runs + "realloc" + number.repeat(4) + runs + "# comment";

    String squeezed = squeeze(line);
    TraceOperation operation = TraceParser.parseLine(squeezed.substring(1), 1);

    assertEquals(23, runs.length());
    assertEquals(1 + 23 + 7 + 4 * (4 + 21) + 23 + 1, squeezed.length());
    assertNotNull(operation);
    assertNotEquals(OperationKind.MALFORMED, operation.kind());
    assertEquals(Long.MIN_VALUE, operation.fourth());
    assertTrue(squeezed.length() <= LineSqueezer.LONGEST, squeezed.length() + " characters");
  }
}
