package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API's module descriptor, read from the compiled classes: what every user depends on stays
 * small. Since the module requires nothing of Allot's, no API source can import the trace, CLI or
 * example packages (javac rejects it), and a new exported package is a deliberate change here.
 */
class ApiModuleTest {

  private static ModuleDescriptor descriptor() throws URISyntaxException {
    Path classes =
        Path.of(
            AllocationStrategy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).find("dev.allot.api").orElseThrow().descriptor();
  }

  @Test
  void requires_onlySlf4jAndJspecify() throws URISyntaxException {
    assertEquals(
        Set.of("java.base", "org.slf4j", "org.jspecify"),
        descriptor().requires().stream().map(Requires::name).collect(Collectors.toSet()));
  }

  @Test
  void exports_theApiAndTheSpi() throws URISyntaxException {
    assertEquals(
        Set.of("dev.allot", "dev.allot.spi"),
        descriptor().exports().stream().map(Exports::source).collect(Collectors.toSet()));
  }

  @Test
  void uses_theStrategyService() throws URISyntaxException {
    assertEquals(Set.of(AllocationStrategy.class.getName()), descriptor().uses());
  }
}
