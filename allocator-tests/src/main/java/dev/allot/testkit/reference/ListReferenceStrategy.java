package dev.allot.testkit.reference;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import java.util.Locale;
import java.util.Objects;

/**
 * Creates {@link ListReferenceAllocator}s of one {@link HoleChoice}, named {@code list-first-fit},
 * {@code list-smallest-fit} or {@code list-largest-fit}. Deliberately not registered with {@link
 * java.util.ServiceLoader}: putting the test kit on a class path must not add a strategy to it.
 *
 * <pre>{@code
 * Allocator oracle = new ListReferenceStrategy(HoleChoice.SMALLEST).create(capacity);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ListReferenceStrategy implements AllocationStrategy {

  private final HoleChoice choice;

  /**
   * Creates the strategy.
   *
   * @param choice which hole a placement takes
   */
  public ListReferenceStrategy(HoleChoice choice) {
    this.choice = Objects.requireNonNull(choice, "choice");
  }

  /**
   * Returns the name of the reference of a hole choice.
   *
   * @param choice the hole choice
   * @return {@code list-} and the choice, e.g. {@code list-smallest-fit}
   */
  public static String name(HoleChoice choice) {
    return "list-" + choice.name().toLowerCase(Locale.ROOT) + "-fit";
  }

  @Override
  public String getName() {
    return name(choice);
  }

  @Override
  public Allocator create(long capacity) {
    return new ListReferenceAllocator(choice, capacity);
  }
}
