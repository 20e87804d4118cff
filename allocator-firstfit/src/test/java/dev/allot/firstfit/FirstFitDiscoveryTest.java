package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With only this module on the class path, every entry point of {@link Allocators} finds first-fit,
 * although the test class path also registers the seven {@code dev.allot.fixture.BrokenProviders}
 * (names and priorities that throw, an Error among them, fail to link, are null or blank): they are
 * skipped, not fatal.
 */
class FirstFitDiscoveryTest {

  @Test
  void create_onlyFirstFitOnClasspath_isFirstFit() {
    assertEquals("first-fit", Allocators.create(16).getStrategyName());
    assertEquals("first-fit", Allocators.create("first-fit", 16).getStrategyName());
  }

  @Test
  void strategies_listsTheRegisteredProvider() {
    List<AllocationStrategy> strategies = Allocators.strategies();
    assertEquals(1, strategies.size());
    assertInstanceOf(FirstFitStrategy.class, strategies.get(0));
    assertEquals(FirstFitStrategy.PRIORITY, Allocators.strategy("first-fit").getPriority());
  }

  @Test
  void create_brokenProvidersRegisteredBeside_keepsWorkingOnEveryCall() {
    for (int call = 0; call < 3; call++) {
      assertEquals("first-fit", Allocators.defaultStrategy().getName());
      assertEquals(8, Allocators.create("first-fit", 8).getCapacity());
    }
  }
}
