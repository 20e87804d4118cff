package dev.allot.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the TRACE of {@code compare} and {@code map}, which read it once per run (every strategy's,
 * the recording strategy's addresses first), so it must be a file: {@code -}, which {@code replay}
 * takes for standard input, is refused as a usage error instead of reported as a missing file.
 */
final class RereadTraceConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (ReplayCommand.STANDARD_INPUT.equals(value)) {
      throw new TypeConversionException(
          "'-' (standard input) can be read only once, and this command reads its trace once per"
              + " run: give a file");
    }
    return Path.of(value);
  }
}
