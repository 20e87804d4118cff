package dev.allot.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option whose values are an enum's, by the names the help and the completion script show
 * ({@code toString()}, such as {@code doubling}), in any case. Picocli's own enum conversion would
 * name the constants ({@code DOUBLING}) when it refuses a value; this one names the choices as the
 * user types them: {@code expected one of [doubling, exact] but was 'weird'}, a usage error (exit
 * status 2).
 *
 * @param <E> the enum
 */
abstract class ChoiceConverter<E extends Enum<E>> implements ITypeConverter<E> {

  private final Class<E> choices;

  ChoiceConverter(Class<E> choices) {
    this.choices = choices;
  }

  @Override
  public final E convert(String value) {
    E[] constants = choices.getEnumConstants();
    for (E constant : constants) {
      if (constant.toString().equals(value.toLowerCase(Locale.ROOT))) {
        return constant;
      }
    }
    throw new TypeConversionException(
        "expected one of " + Arrays.toString(constants) + " but was '" + value + "'");
  }
}
