package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a strategy name as the strategy itself. The names are not a fixed set (strategies are
 * discovered on the class path, {@link StrategyNames}), so they are checked against discovery here:
 * an unknown name is a usage error (exit status 2) whose message lists the strategies present.
 */
final class StrategyConverter implements ITypeConverter<AllocationStrategy> {

  @Override
  public AllocationStrategy convert(String name) {
    try {
      return Allocators.strategy(name);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(String.valueOf(e.getMessage()));
    }
  }
}
