package dev.allot.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads traces in the text format: one operation a line, {@code #} starts a comment, blank lines
 * are skipped. A line that is not a well-formed operation becomes a {@link OperationKind#MALFORMED}
 * operation that says why, so that replay reports it and goes on.
 *
 * @since 0.1.0
 */
public final class TraceParser {

  /** A decimal integer with an optional sign; anything else is not a number of the format. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+");

  /** Runs of whitespace separate the words of a line. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+");

  private TraceParser() {}

  /**
   * Parses a trace file.
   *
   * @param file a UTF-8 trace file
   * @return the operations in order
   * @throws IOException if the file cannot be read
   */
  public static List<TraceOperation> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader);
    }
  }

  /**
   * Parses trace text.
   *
   * @param text the lines of a trace
   * @return the operations in order
   */
  public static List<TraceOperation> parse(String text) {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses trace text from a reader, which is not closed.
   *
   * @param reader the source
   * @return the operations in order
   * @throws IOException if reading fails
   */
  public static List<TraceOperation> parse(Reader reader) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    List<TraceOperation> operations = new ArrayList<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      TraceOperation operation = parseLine(line, number);
      if (operation != null) {
        operations.add(operation);
      }
    }
    return operations;
  }

  /**
   * Parses one line.
   *
   * @param line the text of the line, without its line break
   * @param number its 1-based line number
   * @return the operation, or {@code null} for a blank or comment-only line
   */
  public static @Nullable TraceOperation parseLine(String line, int number) {
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
