package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.UnsupportedAlignmentException;
import dev.allot.UnsupportedCompactionException;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one call on an allocator ended: what a differential test compares when it makes the same call
 * on the strategy under test and on a reference. Two outcomes are equal when the calls returned
 * equal values, refused bad input with the same message, failed for memory with the same figures,
 * or were both refused as a feature their strategies lack.
 *
 * <pre>{@code
 * Function<Allocator, Object> call = allocator -> allocator.alloc(size, 16);
 * CallOutcome expected = CallOutcome.of(reference, call);
 * assertEquals(expected, CallOutcome.of(subject, call));
 * if (expected.kind() == CallOutcome.Kind.MEMORY) {
 *   reference.setCapacity(expected.requestedCapacity());
 * }
 * }</pre>
 *
 * <p>Its text, {@link #toString()}, is {@code ok VALUE} (the value's {@code String.valueOf}: a
 * start, a plan, or whatever a call that returns nothing is written to return), {@code memory
 * requested=R hole=H fragmented=F} (the {@link AllocatorMemoryException}'s figures), {@code invalid
 * MESSAGE} (the {@link IllegalArgumentException}'s message), {@code unsupported alignment} ({@link
 * UnsupportedAlignmentException}) or {@code unsupported compaction} ({@link
 * UnsupportedCompactionException}). The refusals are what the contract asks of a strategy without
 * the feature; their text leaves out the strategy's name, which their messages give, so that two
 * strategies without it agree. Any other exception or error, another {@link
 * UnsupportedOperationException} included, is not an outcome and propagates: the contract allows a
 * call no other way to fail.
 *
 * @since 0.1.0
 */
public final class CallOutcome {

  /** How a call ended. */
  public enum Kind {
    /** It returned. */
    OK,
    /** It threw {@link AllocatorMemoryException}. */
    MEMORY,
    /** It threw {@link IllegalArgumentException}: bad input. */
    INVALID,
    /**
     * It threw {@link UnsupportedAlignmentException} or {@link UnsupportedCompactionException}: the
     * strategy lacks the feature the call needs.
     */
    UNSUPPORTED
  }

  private final Kind kind;
  private final @Nullable Object value;
  private final long requestedCapacity;
  private final String text;

  private CallOutcome(Kind kind, @Nullable Object value, long requestedCapacity, String text) {
    this.kind = kind;
    this.value = value;
    this.requestedCapacity = requestedCapacity;
    this.text = text;
  }

  /**
   * Makes a call and returns how it ended.
   *
   * @param allocator the allocator to call
   * @param call the call; what it returns is the outcome's {@link #value()}
   * @return the outcome
   * @throws NullPointerException if an argument is null
   */
  public static CallOutcome of(Allocator allocator, Function<? super Allocator, ?> call) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(call, "call");
    try {
      Object value = call.apply(allocator);
      return new CallOutcome(Kind.OK, value, 0, "ok " + value);
    } catch (AllocatorMemoryException e) {
      String text =
          "memory requested="
              + e.getRequestedCapacity()
              + " hole="
              + e.getLargestFreeHole()
              + " fragmented="
              + e.getFragmentedFreeSize();
      return new CallOutcome(Kind.MEMORY, null, e.getRequestedCapacity(), text);
    } catch (IllegalArgumentException e) {
      return new CallOutcome(Kind.INVALID, null, 0, "invalid " + e.getMessage());
    } catch (UnsupportedAlignmentException e) {
      return new CallOutcome(Kind.UNSUPPORTED, null, 0, "unsupported alignment");
    } catch (UnsupportedCompactionException e) {
      return new CallOutcome(Kind.UNSUPPORTED, null, 0, "unsupported compaction");
    }
  }

  /**
   * Returns how the call ended.
   *
   * @return the kind of outcome
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns what the call returned.
   *
   * @return the value, {@code null} when the call returned {@code null}
   * @throws IllegalStateException if the call did not return ({@link #kind()} is not {@link
   *     Kind#OK})
   */
  public @Nullable Object value() {
    require(Kind.OK);
    return value;
  }

  /**
   * Returns the start a placing call returned: its value as a {@code long}.
   *
   * @return the start
   * @throws IllegalStateException if the call did not return a {@link Long}
   */
  public long start() {
    if (!(value() instanceof Long start)) {
      throw new IllegalStateException("the call returned no start: " + text);
    }
    return start;
  }

  /**
   * Returns the capacity that the memory failure asked for.
   *
   * @return {@link AllocatorMemoryException#getRequestedCapacity()}
   * @throws IllegalStateException if the call did not fail for memory
   */
  public long requestedCapacity() {
    require(Kind.MEMORY);
    return requestedCapacity;
  }

  private void require(Kind expected) {
    if (kind != expected) {
      throw new IllegalStateException("not " + expected + ": " + text);
    }
  }

  /** Equal when the texts are: same kind, and the same value, message or figures. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CallOutcome outcome && text.equals(outcome.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * Returns the outcome as text, as the class comment describes.
   *
   * @return {@code ok VALUE}, {@code memory requested=R hole=H fragmented=F}, {@code invalid
   *     MESSAGE}, {@code unsupported alignment} or {@code unsupported compaction}
   */
  @Override
  public String toString() {
    return text;
  }
}
