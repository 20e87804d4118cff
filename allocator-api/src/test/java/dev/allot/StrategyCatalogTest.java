package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.allot.fixture.BrokenProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StrategyCatalogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("StrategyCatalogTest");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    logger.setAdditive(false);
    logger.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(logged);
  }

  /** A strategy that only needs a name and a priority to be chosen. */
  record Named(String getName, int getPriority) implements AllocationStrategy {
    @Override
    public Allocator create(long capacity) {
      throw new UnsupportedOperationException("not needed to test the choice");
    }
  }

  private List<String> messages() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void defaultStrategy_oneOnClasspath_isChosenSilently() {
    Named only = new Named("only", 0);
    StrategyCatalog catalog = new StrategyCatalog(List.of(only), logger);

    assertSame(only, catalog.defaultStrategy(null));
    assertEquals(List.of(), messages());
  }

  @Test
  void defaultStrategy_several_highestPriorityWinsWithWarningNamingCandidates() {
    Named low = new Named("best-fit", 0);
    Named high = new Named("first-fit", 10);
    StrategyCatalog catalog = new StrategyCatalog(List.of(low, high), logger);

    assertSame(high, catalog.defaultStrategy(null));
    assertEquals(
        List.of(
            "Several allocation strategies are on the classpath: [first-fit (priority 10, dev.allot.StrategyCatalogTest$Named),"
                + " best-fit (priority 0, dev.allot.StrategyCatalogTest$Named)]. Using 'first-fit' (highest priority, ties"
                + " broken by name). Choose one with -Ddev.allot.strategy=NAME or Allocators.create(NAME, capacity)."),
        messages());
  }

  @Test
  void defaultStrategy_tiedPriorities_nameFirstInAlphabetWins() {
    Named zeta = new Named("zeta", 3);
    Named alpha = new Named("alpha", 3);
    StrategyCatalog catalog = new StrategyCatalog(List.of(zeta, alpha), logger);

    assertSame(alpha, catalog.defaultStrategy(null));
  }

  @Test
  void defaultStrategy_calledTwice_warnsOnce() {
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new Named("a", 0), new Named("b", 0)), logger);

    catalog.defaultStrategy(null);
    catalog.defaultStrategy(null);

    assertEquals(1, messages().size());
  }

  @Test
  void defaultStrategy_propertySet_winsOverPriority() {
    Named low = new Named("best-fit", 0);
    StrategyCatalog catalog = new StrategyCatalog(List.of(low, new Named("first-fit", 10)), logger);

    assertSame(low, catalog.defaultStrategy(" best-fit "));
    assertEquals(List.of(), messages());
  }

  @Test
  void defaultStrategy_propertyNamesUnknown_failsListingWhatIsThere() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new Named("first-fit", 10)), logger);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> catalog.defaultStrategy("worst-fit"));
    assertEquals(
        "System property dev.allot.strategy=worst-fit names no strategy on the classpath. Strategies on the"
            + " classpath: [first-fit (priority 10, dev.allot.StrategyCatalogTest$Named)]. Add"
            + " dev.allot:allocator-bestfit (best-fit) or dev.allot:allocator-tlsf (tlsf, constant"
            + " time) to the classpath, or register your own dev.allot.AllocationStrategy in"
            + " META-INF/services/dev.allot.AllocationStrategy.",
        e.getMessage());
  }

  @Test
  void defaultStrategy_noneOnClasspath_failsNamingArtifacts() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(), logger);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> catalog.defaultStrategy(null));
    assertEquals(
        "No allocation strategy is on the classpath. Add dev.allot:allocator-firstfit (pyglet-exact"
            + " first-fit), dev.allot:allocator-bestfit (best-fit) or dev.allot:allocator-tlsf (tlsf,"
            + " constant time) to the classpath, or register your own dev.allot.AllocationStrategy in"
            + " META-INF/services/dev.allot.AllocationStrategy.",
        e.getMessage());
  }

  @Test
  void strategy_unknownName_failsListingWhatIsThere() {
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new Named("first-fit", 10), new Named("best-fit", 0)), logger);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> catalog.strategy("next-fit"));
    assertEquals(
        "No allocation strategy named 'next-fit'. Strategies on the classpath: [first-fit (priority 10,"
            + " dev.allot.StrategyCatalogTest$Named), best-fit (priority 0, dev.allot.StrategyCatalogTest$Named)]."
            + " Add dev.allot:allocator-tlsf (tlsf, constant time) to the classpath, or register"
            + " your own dev.allot.AllocationStrategy in"
            + " META-INF/services/dev.allot.AllocationStrategy.",
        e.getMessage());
  }

  /**
   * With every shipped strategy here, a name that is none of them is a typo or a strategy of one's
   * own: before, the message still said to add the three artifacts already on the class path.
   */
  @Test
  void strategy_unknownNameWithEveryShippedStrategyHere_saysToCheckTheName() {
    StrategyCatalog catalog =
        new StrategyCatalog(
            List.of(new Named("first-fit", 10), new Named("best-fit", 0), new Named("tlsf", -10)),
            logger);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> catalog.strategy("worst-fit"));
    assertTrue(
        e.getMessage()
            .endsWith(
                "]. Check the name's spelling, or register your own dev.allot.AllocationStrategy"
                    + " in META-INF/services/dev.allot.AllocationStrategy."),
        e.getMessage());
  }

  @Test
  void strategy_knownName_isFound() {
    Named bestFit = new Named("best-fit", 0);
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new Named("first-fit", 10), bestFit), logger);

    assertSame(bestFit, catalog.strategy("best-fit"));
  }

  @Test
  void strategies_areRankedByPriorityThenName() {
    StrategyCatalog catalog =
        new StrategyCatalog(
            List.of(new Named("c", 0), new Named("b", 5), new Named("a", 0)), logger);

    assertEquals(
        List.of("b", "a", "c"),
        catalog.strategies().stream().map(AllocationStrategy::getName).toList());
  }

  /** A provider with a public constructor, found through a services file. */
  public static final class Loadable implements AllocationStrategy {
    @Override
    public String getName() {
      return "loadable";
    }

    @Override
    public Allocator create(long capacity) {
      throw new UnsupportedOperationException("not needed to test discovery");
    }
  }

  /**
   * Beside the module's own services file, which lists the seven {@link BrokenProviders} that break
   * {@code getName()} or {@code getPriority()}, a second one lists a class that does not exist and
   * a good provider: the good one is loaded, each of the eight broken ones is reported once.
   */
  @Test
  void load_brokenProvidersListed_areReportedAndSkipped(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(AllocationStrategy.class.getName()),
        "dev.allot.NoSuchStrategy\n" + Loadable.class.getName() + "\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      StrategyCatalog catalog = StrategyCatalog.load(loader, logger);

      assertEquals(
          List.of("loadable"),
          catalog.strategies().stream().map(AllocationStrategy::getName).toList());
      assertEquals(
          List.of(
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameBlank was skipped:"
                  + " getName() returned the blank name ' \t'",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameFailsToLink was skipped:"
                  + " getName() threw java.lang.NoClassDefFoundError: com/example/MissingDependency",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameNull was skipped:"
                  + " getName() returned null",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameOverflowsStack was"
                  + " skipped: getName() threw java.lang.StackOverflowError: no name this deep",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameThrows was skipped:"
                  + " getName() threw java.lang.IllegalStateException: no name today",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$PriorityAsserts was"
                  + " skipped: getPriority() threw java.lang.AssertionError: priority out of range",
              "AllocationStrategy provider dev.allot.fixture.BrokenProviders$PriorityThrows was skipped:"
                  + " getPriority() threw java.lang.ArithmeticException: priority overflow",
              "An AllocationStrategy provider failed to load and was skipped:"
                  + " dev.allot.AllocationStrategy: Provider dev.allot.NoSuchStrategy not found"),
          messages().stream().sorted().toList());
      assertEquals(
          new Warning(
              "An AllocationStrategy provider failed to load and was skipped:"
                  + " dev.allot.AllocationStrategy: Provider dev.allot.NoSuchStrategy not found",
              "java.util.ServiceConfigurationError",
              "dev.allot.AllocationStrategy: Provider dev.allot.NoSuchStrategy not found"),
          warnings().stream()
              .filter(w -> w.message().contains("NoSuchStrategy"))
              .findFirst()
              .orElseThrow());
    }
  }

  /** A superclass that {@link #load_providerClassFailsToLink_isReportedAndSkipped} hides. */
  public abstract static class HiddenBase implements AllocationStrategy {}

  /** A provider whose class cannot be linked where its superclass is missing. */
  public static final class ExtendsHiddenBase extends HiddenBase {
    @Override
    public String getName() {
      return "extends-hidden-base";
    }

    @Override
    public Allocator create(long capacity) {
      throw new UnsupportedOperationException("never loaded");
    }
  }

  /**
   * A provider jar compiled against a class that is missing at run time: {@code ServiceLoader}'s
   * {@code hasNext()} throws the raw {@link NoClassDefFoundError} of loading the class, not a
   * {@code ServiceConfigurationError}. It is a provider that fails to load: reported with its cause
   * and skipped, and the providers after it are still found.
   */
  @Test
  void load_providerClassFailsToLink_isReportedAndSkipped(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(AllocationStrategy.class.getName()),
        ExtendsHiddenBase.class.getName() + "\n" + Loadable.class.getName() + "\n");
    ClassLoader parent = getClass().getClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(HiddenBase.class.getName())) {
              throw new ClassNotFoundException(name); // the jar that holds it is missing
            }
            if (!name.equals(ExtendsHiddenBase.class.getName())) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> loaded = findLoadedClass(name);
              if (loaded != null) {
                return loaded;
              }
              String file = name.replace('.', '/') + ".class";
              try (InputStream in = Objects.requireNonNull(parent.getResourceAsStream(file))) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length); // links against HiddenBase
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
        }) {
      StrategyCatalog catalog = StrategyCatalog.load(loader, logger);

      assertEquals(
          List.of("loadable"),
          catalog.strategies().stream().map(AllocationStrategy::getName).toList());
      String hidden = HiddenBase.class.getName().replace('.', '/');
      assertEquals(
          new Warning(
              "An AllocationStrategy provider failed to load and was skipped:"
                  + " java.lang.NoClassDefFoundError: "
                  + hidden,
              "java.lang.NoClassDefFoundError",
              hidden),
          warnings().stream()
              .filter(w -> w.message().contains("failed to load"))
              .findFirst()
              .orElseThrow());
    }
  }

  /**
   * The broken providers registered in this module's test services file are all skipped, so the API
   * alone still has no strategy, and asking for one is an ordinary error every time, never a failed
   * class initialization.
   */
  @Test
  void allocators_apiModuleWithBrokenProvidersOnly_hasNoStrategy() {
    assertEquals(List.of(), Allocators.strategies());
    assertThrows(IllegalStateException.class, () -> Allocators.create(8));
    assertThrows(IllegalStateException.class, () -> Allocators.create("first-fit", 8));
    assertEquals(List.of(), Allocators.strategies());
  }

  private record Warning(String message, @Nullable String causeClass, @Nullable String cause) {}

  private List<Warning> warnings() {
    return logged.list.stream()
        .map(
            event -> {
              IThrowableProxy cause = event.getThrowableProxy();
              return new Warning(
                  event.getFormattedMessage(),
                  cause == null ? null : cause.getClassName(),
                  cause == null ? null : cause.getMessage());
            })
        .toList();
  }

  @Test
  void catalog_providerWhoseGetNameThrows_isLoggedWithCauseAndSkipped() {
    Named kept = new Named("first-fit", 10);
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new BrokenProviders.NameThrows(), kept), logger);

    assertEquals(List.of(kept), catalog.strategies());
    assertSame(kept, catalog.strategy("first-fit"));
    assertEquals(
        List.of(
            new Warning(
                "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameThrows was skipped:"
                    + " getName() threw java.lang.IllegalStateException: no name today",
                "java.lang.IllegalStateException",
                "no name today")),
        warnings());
  }

  @Test
  void catalog_providerWhoseGetNameFailsToLink_isLoggedWithCauseAndSkipped() {
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new BrokenProviders.NameFailsToLink()), logger);

    assertEquals(List.of(), catalog.strategies());
    assertEquals(
        List.of(
            new Warning(
                "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameFailsToLink was skipped:"
                    + " getName() threw java.lang.NoClassDefFoundError:"
                    + " com/example/MissingDependency",
                "java.lang.NoClassDefFoundError",
                "com/example/MissingDependency")),
        warnings());
  }

  @Test
  void catalog_providerWithNullName_isLoggedAndSkipped() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new BrokenProviders.NameNull()), logger);

    assertEquals(List.of(), catalog.strategies());
    assertEquals(
        List.of(
            new Warning(
                "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameNull was skipped:"
                    + " getName() returned null",
                null,
                null)),
        warnings());
  }

  @Test
  void catalog_providerWithBlankName_isLoggedAndSkipped() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new BrokenProviders.NameBlank()), logger);

    assertEquals(List.of(), catalog.strategies());
    assertEquals(
        List.of(
            new Warning(
                "AllocationStrategy provider dev.allot.fixture.BrokenProviders$NameBlank was skipped:"
                    + " getName() returned the blank name ' \t'",
                null,
                null)),
        warnings());
  }

  @Test
  void catalog_providerWhoseGetPriorityThrows_isLoggedWithCauseAndSkipped() {
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new BrokenProviders.PriorityThrows()), logger);

    assertEquals(List.of(), catalog.strategies());
    assertThrows(IllegalStateException.class, () -> catalog.strategy("priority-throws"));
    assertEquals(
        List.of(
            new Warning(
                "AllocationStrategy provider dev.allot.fixture.BrokenProviders$PriorityThrows was skipped:"
                    + " getPriority() threw java.lang.ArithmeticException: priority overflow",
                "java.lang.ArithmeticException",
                "priority overflow")),
        warnings());
  }

  /** A second provider class, so that two classes can answer the same name. */
  record OtherNamed(String getName, int getPriority) implements AllocationStrategy {
    @Override
    public Allocator create(long capacity) {
      throw new UnsupportedOperationException("not needed to test the choice");
    }
  }

  @Test
  void catalog_twoProvidersOneName_keepsHigherPriorityWithWarningNamingBoth() {
    Named low = new Named("first-fit", 0);
    OtherNamed high = new OtherNamed("first-fit", 10);

    for (List<AllocationStrategy> order :
        List.<List<AllocationStrategy>>of(List.of(low, high), List.of(high, low))) {
      logged.list.clear();
      StrategyCatalog catalog = new StrategyCatalog(order, logger);

      assertEquals(List.of(high), catalog.strategies());
      assertEquals(
          List.of(
              "AllocationStrategy providers dev.allot.StrategyCatalogTest$OtherNamed (priority 10)"
                  + " and dev.allot.StrategyCatalogTest$Named (priority 0) are both named"
                  + " 'first-fit': using dev.allot.StrategyCatalogTest$OtherNamed (higher priority,"
                  + " on a tie the class name first in alphabetical order) and skipping"
                  + " dev.allot.StrategyCatalogTest$Named"),
          messages());
    }
  }

  @Test
  void catalog_twoProvidersOneNameSamePriority_keepsClassNameFirstInAlphabet() {
    Named named = new Named("first-fit", 5);
    OtherNamed other = new OtherNamed("first-fit", 5);

    for (List<AllocationStrategy> order :
        List.<List<AllocationStrategy>>of(List.of(named, other), List.of(other, named))) {
      assertSame(named, new StrategyCatalog(order, logger).strategy("first-fit"));
    }
  }

  @Test
  void strategy_nameOfAShippedStrategyNotHere_namesItsArtifact() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new Named("first-fit", 10)), logger);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> catalog.strategy("tlsf"));
    assertEquals(
        "No allocation strategy named 'tlsf'. Strategies on the classpath: [first-fit (priority 10,"
            + " dev.allot.StrategyCatalogTest$Named)]. Add dev.allot:allocator-tlsf to the classpath"
            + " for 'tlsf'.",
        e.getMessage());
  }

  @Test
  void strategy_nameDiffersOnlyInCaseOrSpaces_namesTheOneHere() {
    StrategyCatalog catalog =
        new StrategyCatalog(List.of(new Named("first-fit", 10), new Named("best-fit", 0)), logger);

    for (String near : List.of("Best-Fit", " best-fit")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> catalog.strategy(near));
      assertEquals(
          "No allocation strategy named '"
              + near
              + "'. Strategies on the classpath: [first-fit (priority 10,"
              + " dev.allot.StrategyCatalogTest$Named), best-fit (priority 0,"
              + " dev.allot.StrategyCatalogTest$Named)]. Did you mean 'best-fit'? Names match"
              + " exactly.",
          e.getMessage());
    }
  }

  @Test
  void defaultStrategy_propertyNamesAShippedStrategyInOtherCase_namesTheOneHere() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new Named("first-fit", 10)), logger);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> catalog.defaultStrategy("FIRST-FIT"));
    assertEquals(
        "System property dev.allot.strategy=FIRST-FIT names no strategy on the classpath."
            + " Strategies on the classpath: [first-fit (priority 10,"
            + " dev.allot.StrategyCatalogTest$Named)]. Did you mean 'first-fit'? Names match"
            + " exactly.",
        e.getMessage());
  }

  @Test
  void defaultStrategy_propertySetButEmpty_failsListingWhatIsThere() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(new Named("first-fit", 10)), logger);

    for (String empty : List.of("", "  ")) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> catalog.defaultStrategy(empty));
      assertEquals(
          "System property dev.allot.strategy is set but empty: it names no strategy on the"
              + " classpath. Strategies on the classpath: [first-fit (priority 10,"
              + " dev.allot.StrategyCatalogTest$Named)]. Add dev.allot:allocator-bestfit"
              + " (best-fit) or dev.allot:allocator-tlsf (tlsf, constant time) to the classpath, or"
              + " register your own dev.allot.AllocationStrategy in"
              + " META-INF/services/dev.allot.AllocationStrategy.",
          e.getMessage());
    }
  }

  @Test
  void create_strategyReturnsNull_failsNamingTheProvider() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Allocators.create(new BrokenProviders.CreatesNull(), 16));
    assertEquals(
        "AllocationStrategy 'creates-null' (dev.allot.fixture.BrokenProviders$CreatesNull) returned null"
            + " from create(16); a strategy must return a new allocator",
        e.getMessage());
  }
}
