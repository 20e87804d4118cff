package dev.allot.spi;

import java.util.Objects;

/**
 * Checks and messages for bad input, shared by every shipped strategy so that a bad call reads the
 * same whichever strategy served it: {@code "dealloc(5, 3): region [5, 8) is not allocated"}.
 *
 * <p>Custom strategies may use it to give their users the same messages. Every method either
 * returns or throws {@link IllegalArgumentException}; none changes anything.
 *
 * @since 0.1.0
 */
public final class AllocatorArguments {

  private AllocatorArguments() {}

  /**
   * Renders a call with its arguments, as the messages name it.
   *
   * @param call the method name, e.g. {@code realloc}
   * @param args the arguments in order
   * @return e.g. {@code realloc(0, 4, 8)}
   */
  public static String describe(String call, long... args) {
    StringBuilder text = new StringBuilder(call).append('(');
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(args[i]);
    }
    return text.append(')').toString();
  }

  /**
   * Creates the exception for a rejected call.
   *
   * @param reason what is wrong, in a few words
   * @param call the method name
   * @param args the arguments in order
   * @return an exception whose message is {@code call(args): reason}
   */
  public static IllegalArgumentException invalid(String reason, String call, long... args) {
    return new IllegalArgumentException(
        describe(call, args) + ": " + Objects.requireNonNull(reason, "reason"));
  }

  /**
   * Rejects a call with a negative argument.
   *
   * @param call the method name
   * @param args the arguments in order, all of which must be {@code >= 0}
   * @throws IllegalArgumentException naming the call and the first negative value
   */
  public static void requireNonNegative(String call, long... args) {
    for (long arg : args) {
      if (arg < 0) {
        throw invalid("negative number " + arg, call, args);
      }
    }
  }

  /**
   * Rejects a call of one argument if it is negative. The fixed-arity forms exist so that the check
   * of a successful call builds no argument array; every strategy's hot path calls them.
   *
   * @param call the method name
   * @param a the argument, which must be {@code >= 0}
   * @throws IllegalArgumentException naming the call and the value
   */
  public static void requireNonNegative(String call, long a) {
    if (a < 0) {
      requireNonNegative(call, new long[] {a});
    }
  }

  /**
   * Rejects a call of two arguments if one is negative, without building an array when none is.
   *
   * @param call the method name
   * @param a the first argument
   * @param b the second argument
   * @throws IllegalArgumentException naming the call and the first negative value
   */
  public static void requireNonNegative(String call, long a, long b) {
    if ((a | b) < 0) {
      requireNonNegative(call, new long[] {a, b});
    }
  }

  /**
   * Rejects a call of three arguments if one is negative, without building an array when none is.
   *
   * @param call the method name
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @throws IllegalArgumentException naming the call and the first negative value
   */
  public static void requireNonNegative(String call, long a, long b, long c) {
    if ((a | b | c) < 0) {
      requireNonNegative(call, new long[] {a, b, c});
    }
  }

  /**
   * Checks four numbers, as {@link #requireNonNegative(String, long...)} does, without building an
   * argument array unless one is negative.
   *
   * @param call the method name
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   * @throws IllegalArgumentException naming the first negative number
   */
  public static void requireNonNegative(String call, long a, long b, long c, long d) {
    if ((a | b | c | d) < 0) {
      requireNonNegative(call, new long[] {a, b, c, d});
    }
  }

  /**
   * Rejects a range whose end does not fit in a {@code long}, for a call of two arguments, without
   * building an array when it fits. The values must be non-negative.
   *
   * @param start the first index
   * @param size the length
   * @param call the method name
   * @param a the call's first argument
   * @param b the call's second argument
   * @throws IllegalArgumentException if {@code start + size} would exceed {@link Long#MAX_VALUE}
   */
  public static void requireEndFits(long start, long size, String call, long a, long b) {
    if (start > Long.MAX_VALUE - size) {
      requireEndFits(start, size, call, new long[] {a, b});
    }
  }

  /**
   * Rejects a range whose end does not fit in a {@code long}, for a call of three arguments,
   * without building an array when it fits. The values must be non-negative.
   *
   * @param start the first index
   * @param size the length
   * @param call the method name
   * @param a the call's first argument
   * @param b the call's second argument
   * @param c the call's third argument
   * @throws IllegalArgumentException if {@code start + size} would exceed {@link Long#MAX_VALUE}
   */
  public static void requireEndFits(long start, long size, String call, long a, long b, long c) {
    if (start > Long.MAX_VALUE - size) {
      requireEndFits(start, size, call, new long[] {a, b, c});
    }
  }

  /**
   * Rejects a range whose end does not fit in a {@code long}. The values must be non-negative.
   *
   * @param start the first index
   * @param size the length
   * @param call the method name
   * @param args the call's arguments in order
   * @throws IllegalArgumentException if {@code start + size} would exceed {@link Long#MAX_VALUE}
   */
  public static void requireEndFits(long start, long size, String call, long... args) {
    if (start > Long.MAX_VALUE - size) {
      throw invalid(start + " + " + size + " exceeds " + Long.MAX_VALUE, call, args);
    }
  }

  /**
   * Returns {@code a + b} for non-negative values, rejecting a sum that would exceed {@link
   * Long#MAX_VALUE} instead of wrapping it.
   *
   * @param a a non-negative value
   * @param b a non-negative value
   * @param call the method name
   * @param args the call's arguments in order
   * @return the sum
   * @throws IllegalArgumentException if the sum would exceed {@link Long#MAX_VALUE}
   */
  public static long sum(long a, long b, String call, long... args) {
    requireEndFits(a, b, call, args);
    return a + b;
  }

  /**
   * Rejects a {@code setCapacity} that would shrink the capacity; the same value is allowed.
   *
   * @param current the allocator's capacity
   * @param requested the argument of {@code setCapacity}
   * @throws IllegalArgumentException if {@code requested < current}
   */
  public static void requireNoShrink(long current, long requested) {
    if (requested < current) {
      throw invalid("capacity never shrinks; it is " + current, "setCapacity", requested);
    }
  }

  /**
   * Creates the exception for a range that lies in no allocated block.
   *
   * @param start the first index of the range
   * @param size the length of the range
   * @param call the method name
   * @param args the call's arguments in order
   * @return an exception naming the call and the range
   */
  public static IllegalArgumentException notAllocated(
      long start, long size, String call, long... args) {
    return invalid("region [" + start + ", " + (start + size) + ") is not allocated", call, args);
  }

  /**
   * Checks that an alignment is at least 1.
   *
   * @param alignment the alignment to check
   * @param call the method name
   * @param args the call's arguments, for the message
   * @throws IllegalArgumentException if {@code alignment < 1}
   */
  public static void requireAlignment(long alignment, String call, long... args) {
    if (alignment < 1) {
      throw invalid("alignment " + alignment + " is below 1", call, args);
    }
  }

  /**
   * Checks the arguments of {@code compact(budget, granularity)}.
   *
   * @param budget the indices a pass may move, {@code >= 0}
   * @param granularity what every move's distance is a multiple of, {@code >= 1}
   * @throws IllegalArgumentException naming the call, as {@code compact(-1, 1): negative number -1}
   *     or {@code compact(64, 0): granularity 0 is below 1}
   */
  public static void requireCompaction(long budget, long granularity) {
    requireNonNegative("compact", budget, granularity);
    if (granularity < 1) {
      throw invalid("granularity " + granularity + " is below 1", "compact", budget, granularity);
    }
  }

  /**
   * Returns the smallest multiple of {@code alignment} that is {@code >= value}, or throws when it
   * would pass {@link Long#MAX_VALUE}.
   *
   * @param value a non-negative index
   * @param alignment the alignment, {@code >= 1}
   * @param call the method name
   * @param args the call's arguments, for the message
   * @return {@code value} rounded up to a multiple of {@code alignment}
   * @throws IllegalArgumentException if the result would exceed {@link Long#MAX_VALUE}
   */
  public static long alignUp(long value, long alignment, String call, long... args) {
    long aligned = Alignment.up(value, alignment);
    if (aligned == Alignment.OVERFLOW) {
      throw invalid(
          value + " aligned up to " + alignment + " exceeds " + Long.MAX_VALUE, call, args);
    }
    return aligned;
  }
}
