package dev.allot.trace;

/**
 * Shortens a trace line too long to keep into a text that {@link TraceParser#parseLine} answers the
 * same way: the same operation with the same numbers, nothing for a blank or comment line, and a
 * {@link OperationKind#MALFORMED} operation for a malformed line (its reason may quote squeezed
 * words). Three rules, each there because of what {@code parseLine} does with the line:
 *
 * <ol>
 *   <li>From the first {@code #} on, only the {@code #} is kept: {@code parseLine} reads nothing
 *       after it.
 *   <li>A run of whitespace ({@link Character#isWhitespace}) keeps each of its characters once, in
 *       the order they first occur. {@code parseLine} strips whitespace from both ends ({@link
 *       String#strip}) and splits the rest into words at runs of the same whitespace, so at an end
 *       the run is stripped either way, and between words it is one separator either way. (Until
 *       the parser split at ASCII whitespace only, a run holding other whitespace put it into a
 *       word; keeping each character once kept that answer too, and costs nothing now.)
 *   <li>In a word that so far is {@code 0}, {@code +0} or {@code -0}, a further {@code 0} is
 *       dropped: as a number the word keeps its value, so {@link Long#parseLong} gives the same
 *       number or fails alike; as the first word it names no operation either way. A word here ends
 *       at any whitespace, as the parser's words do.
 * </ol>
 *
 * <p>Each rule keeps the answer whatever text follows, so a squeezed start of a line followed by
 * the rest of it is answered as the line is. The rules look back only at the text they have kept,
 * so squeezing a squeezed text gives it back, and squeezing the kept text again each time more of a
 * line is appended gives what squeezing the whole line at once gives. None changes a byte-order
 * mark at the start (no whitespace, and a word that begins with it is no zero), so the text answers
 * the same once {@link TraceReader} removes the mark from a first line.
 */
final class LineSqueezer {

  /**
   * No line that {@link TraceParser#parseLine} reads as an operation, a blank or a comment line is
   * longer than this once squeezed, nor is the squeezed start of one: a line whose squeezed start
   * is longer is malformed. Squeezed, such a line is at most 160 characters: a byte-order mark, a
   * run of whitespace at each end (at most 23 characters: of the 25 that {@link
   * Character#isWhitespace} accepts, a line holds neither {@code \n} nor {@code \r}), an operation
   * word ({@code set_capacity}, 12), up to four numbers of at most 21 characters (a sign, one
   * leading zero and the 19 digits of a {@code long}), each after a run of separators (space, tab,
   * vertical tab, form feed: other whitespace there makes the line malformed), and a {@code #}.
   */
  static final int LONGEST = 256;

  private LineSqueezer() {}

  /**
   * Squeezes a text in place.
   *
   * @param text the characters, squeezed from the start of the array
   * @param length how many characters of {@code text} to squeeze
   * @return the length of the squeezed text, at most {@code length}
   */
  static int squeeze(char[] text, int length) {
    int kept = 0;
    int run = -1; // where the kept whitespace run that the text ends with starts; -1: none
    int word = 0; // where the kept word that the text ends with starts
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (c == '#') {
        text[kept++] = c;
        return kept;
      }
      if (Character.isWhitespace(c)) {
        if (run < 0) {
          run = kept;
        }
        if (!holds(text, run, kept, c)) {
          text[kept++] = c;
        }
        word = kept;
      } else {
        run = -1;
        if (c != '0' || !isZero(text, word, kept)) {
          text[kept++] = c;
        }
      }
    }
    return kept;
  }

  /** Tells whether {@code text[from, to)} holds {@code c}. */
  private static boolean holds(char[] text, int from, int to, char c) {
    for (int i = from; i < to; i++) {
      if (text[i] == c) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether {@code text[from, to)} is {@code 0}, {@code +0} or {@code -0}. */
  private static boolean isZero(char[] text, int from, int to) {
    int digits = from < to && (text[from] == '+' || text[from] == '-') ? from + 1 : from;
    return to - digits == 1 && text[digits] == '0';
  }
}
