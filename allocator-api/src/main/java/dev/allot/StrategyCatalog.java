package dev.allot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The strategies found on one class path and the rules that pick one of them. {@link Allocators}
 * holds the catalog of its own class loader; tests build catalogs from explicit lists.
 */
final class StrategyCatalog {

  /** The system property that names the strategy to use, overriding every other rule. */
  static final String STRATEGY_PROPERTY = "dev.allot.strategy";

  /** Tells a user with no strategy which artifacts provide one. */
  static final String ARTIFACT_HINT =
      "Add dev.allot:allocator-firstfit (pyglet-exact first-fit) or dev.allot:allocator-bestfit"
          + " (best-fit) to the classpath, or register your own dev.allot.AllocationStrategy in"
          + " META-INF/services/dev.allot.AllocationStrategy.";

  /** Strategies in the order the choice rules rank them: priority high to low, then name. */
  private static final Comparator<AllocationStrategy> RANKING =
      Comparator.comparingInt(AllocationStrategy::getPriority)
          .reversed()
          .thenComparing(AllocationStrategy::getName);

  private final List<AllocationStrategy> ranked;
  private final Logger logger;
  private @Nullable AllocationStrategy defaultChoice;

  StrategyCatalog(List<AllocationStrategy> strategies, Logger logger) {
    List<AllocationStrategy> sorted = new ArrayList<>(strategies);
    sorted.sort(RANKING);
    this.ranked = List.copyOf(sorted);
    this.logger = logger;
  }

  /**
   * Loads every provider visible to {@code loader}. A provider that fails to load is reported and
   * skipped, so that one broken jar does not hide the others.
   */
  static StrategyCatalog load(ClassLoader loader, Logger logger) {
    List<AllocationStrategy> found = new ArrayList<>();
    Iterator<AllocationStrategy> providers =
        ServiceLoader.load(AllocationStrategy.class, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError e) {
        logger.warn(
            "An AllocationStrategy provider failed to load and was skipped: {}", e.getMessage());
      }
    }
    return new StrategyCatalog(found, logger);
  }

  List<AllocationStrategy> strategies() {
    return ranked;
  }

  AllocationStrategy strategy(String name) {
    for (AllocationStrategy strategy : ranked) {
      if (strategy.getName().equals(name)) {
        return strategy;
      }
    }
    if (ranked.isEmpty()) {
      throw new IllegalStateException(
          "No allocation strategy named '"
              + name
              + "': no strategy is on the classpath. "
              + ARTIFACT_HINT);
    }
    throw new IllegalArgumentException(
        "No allocation strategy named '"
            + name
            + "'. Strategies on the classpath: "
            + names()
            + ". "
            + ARTIFACT_HINT);
  }

  /**
   * Applies the choice rules: the property, else the only strategy, else the highest ranked with a
   * warning. The choice without the property is made once, so the warning is logged once.
   */
  synchronized AllocationStrategy defaultStrategy(@Nullable String property) {
    if (property != null && !property.isBlank()) {
      return strategyFromProperty(property.strip());
    }
    AllocationStrategy chosen = defaultChoice;
    if (chosen == null) {
      chosen = chooseWithoutProperty();
      defaultChoice = chosen;
    }
    return chosen;
  }

  private AllocationStrategy strategyFromProperty(String name) {
    for (AllocationStrategy strategy : ranked) {
      if (strategy.getName().equals(name)) {
        return strategy;
      }
    }
    throw new IllegalStateException(
        "System property "
            + STRATEGY_PROPERTY
            + "="
            + name
            + " names no strategy on the classpath. "
            + (ranked.isEmpty()
                ? "No strategy is on the classpath. "
                : "Strategies on the classpath: " + names() + ". ")
            + ARTIFACT_HINT);
  }

  private AllocationStrategy chooseWithoutProperty() {
    if (ranked.isEmpty()) {
      throw new IllegalStateException(
          "No allocation strategy is on the classpath. " + ARTIFACT_HINT);
    }
    AllocationStrategy winner = ranked.get(0);
    if (ranked.size() > 1) {
      logger.warn(
          "Several allocation strategies are on the classpath: {}. Using '{}' (highest priority, ties"
              + " broken by name). Choose one with -D{}=NAME or Allocators.create(NAME, capacity).",
          names(),
          winner.getName(),
          STRATEGY_PROPERTY);
    }
    return winner;
  }

  private String names() {
    return ranked.stream()
        .map(
            s ->
                s.getName() + " (priority " + s.getPriority() + ", " + s.getClass().getName() + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
