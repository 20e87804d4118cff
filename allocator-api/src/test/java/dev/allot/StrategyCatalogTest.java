package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            + " classpath: [first-fit (priority 10, dev.allot.StrategyCatalogTest$Named)]. "
            + StrategyCatalog.ARTIFACT_HINT,
        e.getMessage());
  }

  @Test
  void defaultStrategy_noneOnClasspath_failsNamingArtifacts() {
    StrategyCatalog catalog = new StrategyCatalog(List.of(), logger);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> catalog.defaultStrategy(null));
    assertEquals(
        "No allocation strategy is on the classpath. Add dev.allot:allocator-firstfit (pyglet-exact"
            + " first-fit) or dev.allot:allocator-bestfit (best-fit) to the classpath, or register your own"
            + " dev.allot.AllocationStrategy in META-INF/services/dev.allot.AllocationStrategy.",
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
            + " dev.allot.StrategyCatalogTest$Named), best-fit (priority 0, dev.allot.StrategyCatalogTest$Named)]. "
            + StrategyCatalog.ARTIFACT_HINT,
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

  @Test
  void load_brokenProviderListed_isReportedAndSkipped(@TempDir Path dir) throws IOException {
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
              "An AllocationStrategy provider failed to load and was skipped: dev.allot.AllocationStrategy:"
                  + " Provider dev.allot.NoSuchStrategy not found"),
          messages());
    }
  }

  @Test
  void allocators_apiModuleAlone_hasNoStrategy() {
    assertEquals(List.of(), Allocators.strategies());
    assertThrows(IllegalStateException.class, () -> Allocators.create(8));
  }
}
