package dev.allot.cli;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import java.util.Iterator;

/**
 * The names of the strategies on the class path ({@code first-fit}, {@code best-fit} and {@code
 * tlsf} in {@code allot.jar}): the completion candidates of every option that names a strategy,
 * listed in its help and in the generated bash completion script.
 */
final class StrategyNames implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return Allocators.strategies().stream().map(AllocationStrategy::getName).iterator();
  }
}
