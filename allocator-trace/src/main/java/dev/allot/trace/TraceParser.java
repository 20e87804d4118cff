package dev.allot.trace;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads traces in the text format: one operation a line, {@code #} starts a comment, blank lines
 * are skipped. A line that is not a well-formed operation becomes a {@link OperationKind#MALFORMED}
 * operation that says why, so that replay reports it and goes on. {@link TraceReader} reads a trace
 * one operation at a time; the {@code parse} methods collect it into a list.
 *
 * @since 0.1.0
 */
public final class TraceParser {

  /** A decimal integer with an optional sign; anything else is not a number of the format. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+");

  /**
   * Runs of whitespace separate the words of a line: what {@link Character#isWhitespace} accepts,
   * as {@link String#strip} strips from its ends. Before, words were split at {@code \s}, ASCII
   * whitespace only, so an em space stripped at the end of a line made the line invalid between its
   * words.
   */
  private static final Pattern SEPARATOR = Pattern.compile("\\p{javaWhitespace}+");

  private TraceParser() {}

  /**
   * Parses a whole trace file into a list. To replay a long trace, read it with {@link
   * TraceReader#open} instead: the list holds every operation at once.
   *
   * @param file a UTF-8 trace file; a byte-order mark at its start is ignored
   * @return the operations in order
   * @throws TraceReadException naming the file, the line and the reason if the file cannot be read
   *     or holds a byte that is not UTF-8
   */
  public static List<TraceOperation> parse(Path file) {
    try (TraceReader trace = TraceReader.open(file)) {
      return toList(trace);
    }
  }

  /**
   * Parses trace text.
   *
   * @param text the lines of a trace
   * @return the operations in order
   */
  public static List<TraceOperation> parse(String text) {
    return toList(TraceReader.of(new StringReader(text), "trace text"));
  }

  /**
   * Parses trace text from a reader, which is not closed.
   *
   * @param reader the source
   * @return the operations in order
   * @throws TraceReadException if reading fails
   */
  public static List<TraceOperation> parse(Reader reader) {
    return toList(TraceReader.of(reader, "trace reader"));
  }

  private static List<TraceOperation> toList(TraceReader trace) {
    List<TraceOperation> operations = new ArrayList<>();
    trace.forEachRemaining(operations::add);
    return operations;
  }

  /**
   * Parses one line.
   *
   * @param line the text of the line, without its line break
   * @param number its 1-based line number
   * @return the operation, or {@code null} for a blank or comment-only line
   */
  public static @Nullable TraceOperation parseLine(String line, long number) {
    int comment = line.indexOf('#');
    String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
    if (content.isEmpty()) {
      return null;
    }
    String[] words = SEPARATOR.split(content, -1); // stripped: no empty words
    OperationKind kind = OperationKind.ofWord(words[0]);
    if (kind == null) {
      return TraceOperation.malformed(number, "unknown operation '" + words[0] + "'");
    }
    int count = words.length - 1;
    kind = OperationKind.of(words[0], count);
    if (kind == null) {
      return TraceOperation.malformed(
          number, words[0] + " takes " + arities(words[0]) + " number(s), got " + count);
    }
    long[] args = new long[kind.arity()];
    for (int i = 0; i < args.length; i++) {
      String word = words[i + 1];
      if (!NUMBER.matcher(word).matches()) {
        return TraceOperation.malformed(number, "'" + word + "' is not a decimal integer");
      }
      try {
        args[i] = Long.parseLong(word);
      } catch (NumberFormatException e) {
        return TraceOperation.malformed(number, "'" + word + "' does not fit in a 64-bit integer");
      }
    }
    return TraceOperation.of(kind, number, args);
  }

  /** The counts of numbers a word takes, e.g. {@code 1 or 2} for {@code alloc}. */
  private static String arities(String word) {
    StringJoiner counts = new StringJoiner(" or ");
    for (OperationKind kind : OperationKind.values()) {
      if (kind.word().equals(word)) {
        counts.add(String.valueOf(kind.arity()));
      }
    }
    return counts.toString();
  }
}
