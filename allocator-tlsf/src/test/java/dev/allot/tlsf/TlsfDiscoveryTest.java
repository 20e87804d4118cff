package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.allot.Allocators;
import org.junit.jupiter.api.Test;

/** This module's test class path holds the API and TLSF only, as a user's would. */
class TlsfDiscoveryTest {

  @Test
  void create_onlyTlsfOnClassPath_givesTlsf() {
    assertEquals(TlsfStrategy.NAME, Allocators.defaultStrategy().getName());
    assertEquals(TlsfStrategy.NAME, Allocators.create(64).getStrategyName());
  }

  @Test
  void strategy_byName_isTheRegisteredProviderBelowTheOthers() {
    assertEquals(TlsfStrategy.class, Allocators.strategy("tlsf").getClass());
    assertEquals(-10, Allocators.strategy("tlsf").getPriority());
  }

  @Test
  void toString_ofTheStrategy_isItsName() {
    assertEquals("tlsf", new TlsfStrategy().toString());
  }
}
