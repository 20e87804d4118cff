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
  /** {@code alloc SIZE ALIGN}: an aligned alloc; {@code ALIGN} 1 is {@code alloc SIZE}. */
  ALIGNED_ALLOC("alloc", 2),
  /** {@code dealloc START SIZE}. */
  DEALLOC("dealloc", 2),
  /** {@code realloc START SIZE NEWSIZE}. */
  REALLOC("realloc", 3),
  /** {@code realloc START SIZE NEWSIZE ALIGN}: an aligned realloc. */
  ALIGNED_REALLOC("realloc", 4),
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
   * Finds the first kind a word names: the unaligned one where a word names two ({@code alloc},
   * {@code realloc}).
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

  /**
   * Finds the kind a word names with that many numbers: {@code alloc} with 2 is {@link
   * #ALIGNED_ALLOC}.
   *
   * @param word the first word of a line
   * @param arity the count of numbers after it
   * @return the kind, or {@code null} if the word with that count names no operation
   */
  public static @Nullable OperationKind of(String word, int arity) {
    Objects.requireNonNull(word, "word");
    for (OperationKind kind : values()) {
      if (kind != MALFORMED && kind.word.equals(word) && kind.arity == arity) {
        return kind;
      }
    }
    return null;
  }

  /**
   * Tells whether the last number of this kind's line is an alignment.
   *
   * @return {@code true} for {@link #ALIGNED_ALLOC} and {@link #ALIGNED_REALLOC}
   */
  public boolean isAligned() {
    return this == ALIGNED_ALLOC || this == ALIGNED_REALLOC;
  }
}
