package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.allot.fixture.LegacyAllocator;
import dev.allot.fixture.ListedStrategies;
import dev.allot.fixture.TreeMapAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@link Allocators}' entry points with working strategies on the class path: each test loads the
 * entry point afresh ({@link FreshDiscoveryLoader}) with a services file listing the strategies it
 * needs, beside the module's broken providers, which discovery skips with a warning each.
 */
class AllocatorsDiscoveryTest {

  /** The entry point's logger, whichever loader defined the entry point. */
  private final Logger logger = (Logger) LoggerFactory.getLogger(Allocators.class);

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
    logger.setAdditive(true);
  }

  private List<String> warnings() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static final Class<?>[] CAPACITY = {long.class};
  private static final Class<?>[] NAME_AND_CAPACITY = {String.class, long.class};
  private static final Class<?>[] NAME = {String.class};
  private static final Class<?>[] NONE = {};

  private static FreshDiscoveryLoader listing(Path dir, Class<?>... providers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    StringBuilder lines = new StringBuilder();
    for (Class<?> provider : providers) {
      lines.append(provider.getName()).append('\n');
    }
    Files.writeString(services.resolve(AllocationStrategy.class.getName()), lines);
    return new FreshDiscoveryLoader(dir);
  }

  private static List<String> names(Object strategies) {
    return ((List<?>) strategies)
        .stream().map(strategy -> ((AllocationStrategy) strategy).getName()).toList();
  }

  @Test
  void create_oneStrategyListed_createsItsAllocator(@TempDir Path dir) throws Throwable {
    try (FreshDiscoveryLoader api = listing(dir, ListedStrategies.Legacy.class)) {
      Allocator allocator = (Allocator) api.call("create", CAPACITY, 12L);

      assertInstanceOf(LegacyAllocator.class, allocator);
      assertEquals(12, allocator.getCapacity());
      assertTrue(allocator.isEmpty());
      assertEquals(
          LegacyAllocator.NAME, ((AllocationStrategy) api.call("defaultStrategy", NONE)).getName());
      assertEquals(List.of(LegacyAllocator.NAME), names(api.call("strategies", NONE)));
      assertEquals(
          7, warnings().stream().filter(warning -> warning.contains("was skipped")).count());
    }
  }

  @Test
  void create_severalListed_takesTheHighestPriorityUnlessTheSystemPropertyNamesOne(
      @TempDir Path dir) throws Throwable {
    try (FreshDiscoveryLoader api =
        listing(dir, ListedStrategies.Legacy.class, ListedStrategies.TreeMap.class)) {
      assertEquals(
          List.of(TreeMapAllocator.NAME, LegacyAllocator.NAME),
          names(api.call("strategies", NONE)));
      assertInstanceOf(TreeMapAllocator.class, api.call("create", CAPACITY, 4L));
      assertTrue(
          warnings().stream()
              .anyMatch(
                  warning ->
                      warning.startsWith(
                          "Several allocation strategies are on the classpath: [tree-map")),
          warnings()::toString);

      String before = System.getProperty(StrategyCatalog.STRATEGY_PROPERTY);
      System.setProperty(StrategyCatalog.STRATEGY_PROPERTY, LegacyAllocator.NAME);
      try {
        assertInstanceOf(LegacyAllocator.class, api.call("create", CAPACITY, 4L));
        assertEquals(
            LegacyAllocator.NAME,
            ((AllocationStrategy) api.call("defaultStrategy", NONE)).getName());
      } finally {
        if (before == null) {
          System.clearProperty(StrategyCatalog.STRATEGY_PROPERTY);
        } else {
          System.setProperty(StrategyCatalog.STRATEGY_PROPERTY, before);
        }
      }
    }
  }

  @Test
  void createByName_createsThatStrategysAllocator(@TempDir Path dir) throws Throwable {
    try (FreshDiscoveryLoader api =
        listing(dir, ListedStrategies.Legacy.class, ListedStrategies.TreeMap.class)) {
      Allocator allocator =
          (Allocator) api.call("create", NAME_AND_CAPACITY, LegacyAllocator.NAME, 9L);

      assertInstanceOf(LegacyAllocator.class, allocator);
      assertEquals(9, allocator.getCapacity());
      AllocationStrategy treeMap =
          (AllocationStrategy) api.call("strategy", NAME, TreeMapAllocator.NAME);
      assertInstanceOf(ListedStrategies.TreeMap.class, treeMap);
      assertSame(treeMap, api.call("strategy", NAME, TreeMapAllocator.NAME));
      assertEquals(
          "No allocation strategy named 'best-fit'. Strategies on the classpath: [tree-map (priority"
              + " 1, dev.allot.fixture.ListedStrategies$TreeMap), legacy (priority 0,"
              + " dev.allot.fixture.ListedStrategies$Legacy)]. Add dev.allot:allocator-bestfit to"
              + " the classpath for 'best-fit'.",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> api.call("create", NAME_AND_CAPACITY, "best-fit", 9L))
              .getMessage());
    }
  }

  @Test
  void create_givenStrategy_returnsWhatItCreates() {
    Allocator allocator = Allocators.create(TreeMapAllocator.strategy(), 6);

    assertInstanceOf(TreeMapAllocator.class, allocator);
    assertEquals(6, allocator.getCapacity());
    assertNotSame(allocator, Allocators.create(TreeMapAllocator.strategy(), 6));
  }

  @Test
  void strategy_nullName_isRejectedNamingTheParameter() {
    String name = null;
    assertEquals(
        "name",
        assertThrows(NullPointerException.class, () -> Allocators.strategy(name)).getMessage());
  }
}
