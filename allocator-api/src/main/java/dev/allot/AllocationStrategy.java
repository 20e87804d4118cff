package dev.allot;

/**
 * A placement strategy, the service provider interface of the SDK.
 *
 * <p>A strategy is found through {@link java.util.ServiceLoader}: list its class in {@code
 * META-INF/services/dev.allot.AllocationStrategy} (and {@code provides} it in a {@code
 * module-info}, if any). It needs a public no-argument constructor. {@link Allocators} explains how
 * one strategy is chosen when several are on the classpath.
 *
 * @since 0.1.0
 */
public interface AllocationStrategy {

  /**
   * Returns the name users choose the strategy by, lower case with dashes.
   *
   * @return the name, e.g. {@code first-fit}
   */
  String getName();

  /**
   * Creates an empty allocator.
   *
   * @param capacity the initial capacity, {@code >= 0}
   * @return a new allocator
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  Allocator create(long capacity);

  /**
   * Returns the rank of this strategy when several are on the classpath and none is chosen
   * explicitly: the highest wins, ties go to the name first in alphabetical order.
   *
   * @return the priority; {@code 0} by default
   */
  default int getPriority() {
    return 0;
  }
}
