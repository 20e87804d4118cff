package dev.allot.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option value that counts something and checks it lies in its range: the one place where
 * every count of the command line ({@code --live}, {@code --ops}, {@code --compact-every}, ...) is
 * checked. Picocli turns a refusal into a usage error: the message, the command's usage text and
 * exit status 2, the same for every subcommand.
 *
 * @param <T> the option's type
 */
abstract class CountConverter<T extends Number> implements ITypeConverter<T> {

  private final long least;
  private final long most;

  /** A range of {@code least} to {@code most}, both included. */
  CountConverter(long least, long most) {
    this.least = least;
    this.most = most;
  }

  @Override
  public final T convert(String value) {
    long count;
    try {
      count = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (count < least || count > most) {
      throw new TypeConversionException(
          "'" + value + "' is out of range: " + least + " to " + most);
    }
    return box(count);
  }

  /** The count, known to lie in the range, as the option's type. */
  abstract T box(long count);
}
