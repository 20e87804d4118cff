package dev.allot.trace;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The operations a trace line can hold, each with its word and the count of numbers it takes.
 *
 * @since 0.1.0
 */
public enum OperationKind {
  /** {@code capacity N}: start a new allocator of capacity N. */
  CAPACITY("capacity", 1),
  /** {@code alloc SIZE}. */
  ALLOC("alloc", 1),
  /** {@code dealloc START SIZE}. */
  DEALLOC("dealloc", 2),
  /** {@code realloc START SIZE NEWSIZE}. */
  REALLOC("realloc", 3),
  /** {@code set_capacity N}. */
  SET_CAPACITY("set_capacity", 1),
  /** {@code compact BUDGET GRANULARITY}. */
  COMPACT("compact", 2),
  /** A line that is not a well-formed operation; replaying it reports {@code invalid}. */
  MALFORMED("", 0);

  private final String word;
  private final int arity;

  OperationKind(String word, int arity) {
    this.word = word;
    this.arity = arity;
  }

  /**
   * Returns the word that starts the line.
   *
   * @return e.g. {@code set_capacity}; empty for {@link #MALFORMED}
   */
  public String word() {
    return word;
  }

  /**
   * Returns how many numbers follow the word.
   *
   * @return the count of arguments
   */
  public int arity() {
    return arity;
  }

  /**
   * Finds the kind a word names.
   *
   * @param word the first word of a line
   * @return the kind, or {@code null} if the word names no operation
   */
  public static @Nullable OperationKind ofWord(String word) {
    Objects.requireNonNull(word, "word");
    for (OperationKind kind : values()) {
      if (kind != MALFORMED && kind.word.equals(word)) {
        return kind;
      }
    }
    return null;
  }
}
