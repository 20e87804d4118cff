package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Allocators;
import org.junit.jupiter.api.Test;

/** This module's test class path holds the API and best-fit only, as a user's would. */
class BestFitDiscoveryTest {

  @Test
  void create_onlyBestFitOnClassPath_givesBestFit() {
    assertEquals(BestFitStrategy.NAME, Allocators.defaultStrategy().getName());
    assertEquals(BestFitStrategy.NAME, Allocators.create(64).getStrategyName());
  }

  @Test
  void strategy_byName_isTheRegisteredProvider() {
    assertEquals(BestFitStrategy.class, Allocators.strategy("best-fit").getClass());
    assertEquals(0, Allocators.strategy("best-fit").getPriority());
  }
}
