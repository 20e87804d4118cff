package dev.allot.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option value that counts something and must be at least 1, such as {@code
 * --compact-every N}; picocli turns the refusal into a usage error (exit status 2).
 */
final class PositiveCount implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    long count;
    try {
      count = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (count < 1) {
      throw new TypeConversionException("'" + value + "' is not a positive number");
    }
    return count;
  }
}
