package dev.allot.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the path of a file a command writes ({@code --out}, {@code --chart}, {@code --record}). An
 * empty value is the working directory to the file system ({@code map: : Is a directory}, status
 * 1), never a file the user meant: it is a usage error, status 2, as a bad count is.
 */
final class OutputFileConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("'' names no file: give the path of the file to write");
    }
    return Path.of(value);
  }
}
