package dev.allot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.spi.AbstractAllocator;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every package the module exports is {@code @NullMarked}, so that Kotlin and other JSpecify-aware
 * users see its types as non-null instead of platform types. {@code dev.allot.spi} once was not:
 * Kotlin accepted {@code AllocatorArguments.describe(null, 1L)} and an override of {@code
 * copyBlocks} taking {@code LongArray?} without a word.
 */
class ExportedPackagesNullMarkedTest {

  /** One class of each exported package; {@link ApiModuleTest} keeps the exports to these two. */
  private static final List<Class<?>> MEMBERS = List.of(Allocator.class, AbstractAllocator.class);

  @ParameterizedTest
  @ValueSource(strings = {"dev.allot", "dev.allot.spi"})
  void packageInfo_exportedPackage_isNullMarked(String name) throws URISyntaxException {
    Path classes =
        Path.of(
            AllocationStrategy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> exported =
        ModuleFinder.of(classes).find("dev.allot.api").orElseThrow().descriptor().exports().stream()
            .map(Exports::source)
            .collect(Collectors.toSet());
    assertTrue(exported.contains(name), name + " is exported");
    Package pkg =
        MEMBERS.stream()
            .map(Class::getPackage)
            .filter(p -> p.getName().equals(name))
            .findFirst()
            .orElseThrow();
    // @NullMarked is kept at run time; Package reads it from package-info.class.
    assertTrue(pkg.isAnnotationPresent(NullMarked.class), name + " is @NullMarked (package-info)");
  }
}
