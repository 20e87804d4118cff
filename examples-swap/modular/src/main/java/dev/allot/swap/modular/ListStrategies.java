package dev.allot.swap.modular;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Allocators;

/**
 * Lists the strategies {@link Allocators} finds, each with the module that provides it, and uses
 * each once. Run on the module path:
 *
 * <pre>{@code
 * java --module-path MODULES -m dev.allot.swap.modular/dev.allot.swap.modular.ListStrategies
 * }</pre>
 */
public final class ListStrategies {

  private ListStrategies() {}

  /**
   * Prints one line per strategy, in the order the choice rules rank them, e.g. {@code first-fit
   * from module dev.allot.firstfit: alloc(6) placed at 0}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (AllocationStrategy strategy : Allocators.strategies()) {
      Allocator allocator = Allocators.create(strategy.getName(), 16);
      Module provider = strategy.getClass().getModule();
      System.out.println(
          strategy.getName()
              + " from "
              + (provider.isNamed() ? "module " + provider.getName() : "the classpath")
              + ": alloc(6) placed at "
              + allocator.alloc(6));
    }
  }
}
