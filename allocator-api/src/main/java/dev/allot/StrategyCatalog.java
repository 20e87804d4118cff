package dev.allot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The strategies found on one class path and the rules that pick one of them. {@link Allocators}
 * holds the catalog of its own class loader; tests build catalogs from explicit lists.
 *
 * <p>A provider is asked its name and priority once, when the catalog is built, and the answers are
 * kept: a provider that throws there, or answers a null or blank name, is logged with the cause and
 * left out, so that one broken jar never takes the others down. Of two providers with one name the
 * catalog keeps the one with the higher priority, on a tie the one whose class name comes first in
 * alphabetical order, and logs a warning naming both classes; the order of the class path does not
 * matter.
 */
final class StrategyCatalog {

  /** The system property that names the strategy to use, overriding every other rule. */
  static final String STRATEGY_PROPERTY = "dev.allot.strategy";

  /**
   * A strategy Allot ships: its name, its artifact, and what it is, as a hint describes it.
   *
   * @param name the strategy's name
   * @param artifact its Maven coordinates
   * @param what the words after the coordinates in a hint
   */
  private record Shipped(String name, String artifact, String what) {}

  /** The strategies Allot ships, in the order hints list them. */
  private static final List<Shipped> SHIPPED =
      List.of(
          new Shipped("first-fit", "dev.allot:allocator-firstfit", "pyglet-exact first-fit"),
          new Shipped("best-fit", "dev.allot:allocator-bestfit", "best-fit"),
          new Shipped("tlsf", "dev.allot:allocator-tlsf", "tlsf, constant time"));

  /** How a hint ends: the way to a strategy of one's own. */
  private static final String OWN_STRATEGY =
      "register your own dev.allot.AllocationStrategy in"
          + " META-INF/services/dev.allot.AllocationStrategy.";

  /** Tells a user with no strategy which artifacts provide one. */
  static final String ARTIFACT_HINT = artifactHint(SHIPPED);

  /**
   * Names the artifacts of the shipped strategies {@code missing}, or only the way of one's own.
   */
  private static String artifactHint(List<Shipped> missing) {
    if (missing.isEmpty()) {
      return "Check the name's spelling, or " + OWN_STRATEGY;
    }
    List<String> artifacts = new ArrayList<>();
    for (Shipped shipped : missing) {
      artifacts.add(shipped.artifact() + " (" + shipped.what() + ")");
    }
    int last = artifacts.size() - 1;
    String listed =
        last == 0
            ? artifacts.get(0)
            : String.join(", ", artifacts.subList(0, last)) + " or " + artifacts.get(last);
    return "Add " + listed + " to the classpath, or " + OWN_STRATEGY;
  }

  /** A provider with the name and priority it answered when the catalog was built. */
  private record Entry(String name, int priority, AllocationStrategy strategy) {

    String className() {
      return strategy.getClass().getName();
    }

    String describe() {
      return name + " (priority " + priority + ", " + className() + ")";
    }
  }

  /** Strategies in the order the choice rules rank them: priority high to low, then name. */
  private static final Comparator<Entry> RANKING =
      Comparator.comparingInt(Entry::priority).reversed().thenComparing(Entry::name);

  /** Among providers of one name, the first is kept: priority high to low, then class name. */
  private static final Comparator<Entry> PRECEDENCE =
      Comparator.comparingInt(Entry::priority).reversed().thenComparing(Entry::className);

  private final List<Entry> ranked;
  private final List<AllocationStrategy> strategies;
  private final Logger logger;
  private @Nullable AllocationStrategy defaultChoice;

  StrategyCatalog(List<AllocationStrategy> providers, Logger logger) {
    this.logger = logger;
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (AllocationStrategy provider : providers) {
      Entry entry = entry(provider);
      if (entry != null) {
        byName.merge(entry.name(), entry, this::keepOne);
      }
    }
    List<Entry> sorted = new ArrayList<>(byName.values());
    sorted.sort(RANKING);
    this.ranked = List.copyOf(sorted);
    this.strategies = sorted.stream().map(Entry::strategy).toList();
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
            "An AllocationStrategy provider failed to load and was skipped: {}", e.getMessage(), e);
      } catch (LinkageError e) {
        // ServiceLoader wraps only a missing class: a provider class that is found but cannot be
        // linked (its superclass or an interface is in a jar missing at run time) escapes hasNext()
        // as a raw NoClassDefFoundError, which would fail the catalog and Allocators with it. The
        // iterator has already passed that provider, so the next hasNext() goes on with the others.
        logger.warn("An AllocationStrategy provider failed to load and was skipped: {}", e, e);
      }
    }
    return new StrategyCatalog(found, logger);
  }

  /** Asks a provider its name and priority; {@code null}, after a warning, if it cannot answer. */
  private @Nullable Entry entry(AllocationStrategy provider) {
    String className = provider.getClass().getName();
    @Nullable String name;
    try {
      name = provider.getName();
    } catch (RuntimeException | Error e) {
      // Any Error too, not only a LinkageError: an assert under -ea, a StackOverflowError. The
      // catalog is built in Allocators' holder class, whose failed initialization is never retried,
      // so one provider's Error escaping here broke every later Allocators call with
      // NoClassDefFoundError, the good providers' included.
      logger.warn(
          "AllocationStrategy provider {} was skipped: getName() threw {}", className, e, e);
      return null;
    }
    if (name == null) {
      logger.warn("AllocationStrategy provider {} was skipped: getName() returned null", className);
      return null;
    }
    if (name.isBlank()) {
      logger.warn(
          "AllocationStrategy provider {} was skipped: getName() returned the blank name '{}'",
          className,
          name);
      return null;
    }
    int priority;
    try {
      priority = provider.getPriority();
    } catch (RuntimeException | Error e) {
      logger.warn(
          "AllocationStrategy provider {} was skipped: getPriority() threw {}", className, e, e);
      return null;
    }
    return new Entry(name, priority, provider);
  }

  /**
   * Of two providers with one name, keeps the one {@link #PRECEDENCE} puts first, with a warning.
   */
  private Entry keepOne(Entry one, Entry other) {
    boolean oneFirst = PRECEDENCE.compare(one, other) <= 0;
    Entry kept = oneFirst ? one : other;
    Entry dropped = oneFirst ? other : one;
    logger.warn(
        "AllocationStrategy providers {} (priority {}) and {} (priority {}) are both named '{}':"
            + " using {} (higher priority, on a tie the class name first in alphabetical order)"
            + " and skipping {}",
        kept.className(),
        kept.priority(),
        dropped.className(),
        dropped.priority(),
        kept.name(),
        kept.className(),
        dropped.className());
    return kept;
  }

  List<AllocationStrategy> strategies() {
    return strategies;
  }

  AllocationStrategy strategy(String name) {
    Entry entry = find(name);
    if (entry != null) {
      return entry.strategy();
    }
    if (ranked.isEmpty()) {
      throw new IllegalStateException(
          "No allocation strategy named '"
              + name
              + "': no strategy is on the classpath. "
              + hintFor(name));
    }
    throw new IllegalArgumentException(
        "No allocation strategy named '"
            + name
            + "'. Strategies on the classpath: "
            + names()
            + ". "
            + hintFor(name));
  }

  /**
   * What to tell a caller whose {@code name} no strategy here has: the name of one that is here
   * when only case or spaces differ (names match exactly), the artifact when it names a strategy
   * Allot ships, else {@link #ARTIFACT_HINT}.
   */
  private String hintFor(String name) {
    String plain = name.strip();
    for (Entry entry : ranked) {
      if (entry.name().equalsIgnoreCase(plain)) {
        return "Did you mean '" + entry.name() + "'? Names match exactly.";
      }
    }
    String lowerCase = plain.toLowerCase(Locale.ROOT);
    // Only the shipped strategies that are not here: with all three on the class path, advice to
    // add them misled a user whose name had a typo.
    List<Shipped> missing = new ArrayList<>();
    for (Shipped shipped : SHIPPED) {
      if (shipped.name().equals(lowerCase)) {
        return "Add " + shipped.artifact() + " to the classpath for '" + lowerCase + "'.";
      }
      if (find(shipped.name()) == null) {
        missing.add(shipped);
      }
    }
    return artifactHint(missing);
  }

  /**
   * Applies the choice rules: the property if set (even to nothing), else the only strategy, else
   * the highest ranked with a warning. The choice without the property is made once, so the warning
   * is logged once.
   */
  synchronized AllocationStrategy defaultStrategy(@Nullable String property) {
    if (property != null) {
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
    Entry entry = find(name);
    if (entry != null) {
      return entry.strategy();
    }
    throw new IllegalStateException(
        (name.isEmpty()
                ? "System property " + STRATEGY_PROPERTY + " is set but empty: it"
                : "System property " + STRATEGY_PROPERTY + "=" + name)
            + " names no strategy on the classpath. "
            + (ranked.isEmpty()
                ? "No strategy is on the classpath. "
                : "Strategies on the classpath: " + names() + ". ")
            + hintFor(name));
  }

  private AllocationStrategy chooseWithoutProperty() {
    if (ranked.isEmpty()) {
      throw new IllegalStateException(
          "No allocation strategy is on the classpath. " + ARTIFACT_HINT);
    }
    Entry winner = ranked.get(0);
    if (ranked.size() > 1) {
      logger.warn(
          "Several allocation strategies are on the classpath: {}. Using '{}' (highest priority, ties"
              + " broken by name). Choose one with -D{}=NAME or Allocators.create(NAME, capacity).",
          names(),
          winner.name(),
          STRATEGY_PROPERTY);
    }
    return winner.strategy();
  }

  private @Nullable Entry find(String name) {
    for (Entry entry : ranked) {
      if (entry.name().equals(name)) {
        return entry;
      }
    }
    return null;
  }

  private String names() {
    return ranked.stream().map(Entry::describe).collect(Collectors.joining(", ", "[", "]"));
  }
}
