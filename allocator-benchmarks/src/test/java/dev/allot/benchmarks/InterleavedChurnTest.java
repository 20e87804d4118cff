package dev.allot.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.benchmarks.InterleavedChurn.Arm;
import dev.allot.benchmarks.InterleavedChurn.ArmSpec;
import dev.allot.benchmarks.InterleavedChurn.Settings;
import dev.allot.firstfit.FirstFitStrategy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedChurnTest {

  @Test
  void parse_jarStrategyAndAlignment_readsEachPart() {
    ArmSpec full = ArmSpec.parse("/tmp/old.jar=first-fit@16");
    ArmSpec bare = ArmSpec.parse("best-fit");

    assertEquals(Path.of("/tmp/old.jar"), full.jar());
    assertEquals("first-fit", full.strategy());
    assertEquals(16, full.alignment());
    assertEquals("old.jar=first-fit@16", full.toString());
    assertNull(bare.jar());
    assertEquals("best-fit", bare.strategy());
    assertEquals(1, bare.alignment());
  }

  @Test
  void parse_badArms_nameTheArmAndTheValue() {
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> ArmSpec.parse("first-fit@0"));
    IllegalArgumentException word =
        assertThrows(IllegalArgumentException.class, () -> ArmSpec.parse("first-fit@x"));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> ArmSpec.parse("a.jar=@4"));

    assertEquals("arm first-fit@0: alignment: 0, must be 1 or more", zero.getMessage());
    assertEquals("arm first-fit@x: alignment: 'x' is not a number", word.getMessage());
    assertEquals("arm a.jar=@4: no strategy name", empty.getMessage());
  }

  @Test
  void parseSettings_optionsAndArms_readsEach() {
    Settings settings =
        Settings.parse(
            new String[] {
              "--live",
              "300",
              "first-fit@1",
              "--chunks",
              "6",
              "--chunk-steps",
              "500",
              "--capacity-per-region",
              "256",
              "first-fit@16"
            });

    assertEquals(300, settings.live);
    assertEquals(6, settings.chunks);
    assertEquals(500, settings.chunkSteps);
    assertEquals(256, settings.capacityPerRegion);
    assertEquals(
        List.of("first-fit@1", "first-fit@16"),
        settings.arms.stream().map(String::valueOf).toList());
  }

  @Test
  void parseSettings_badCommandLines_sayWhatIsWrong() {
    assertEquals(
        "two or more arms needed, got 1",
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"tlsf"}))
            .getMessage());
    assertEquals(
        "--chunks: 0, must be 1 or more",
        assertThrows(
                IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--chunks", "0", "tlsf", "tlsf"}))
            .getMessage());
    assertEquals(
        "--warmup: unknown option",
        assertThrows(
                IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--warmup", "1", "tlsf", "tlsf"}))
            .getMessage());
    assertEquals(
        "--capacity-per-region: 4611686018427387904 times --live 2 passes Long.MAX_VALUE",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Settings.parse(
                        new String[] {
                          "--live", "2", "--capacity-per-region", String.valueOf(1L << 62), "a", "b"
                        }))
            .getMessage());
    assertEquals(
        "--live: no value",
        assertThrows(
                IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"tlsf", "tlsf", "--live"}))
            .getMessage());
  }

  @Test
  void load_unknownStrategy_namesIt() throws Exception {
    Settings settings = Settings.parse(new String[] {"--live", "10", "no-such", "tlsf"});

    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> Arm.load(settings.arms.get(0), settings));

    assertEquals("arm no-such@1: no strategy 'no-such' on the class path", thrown.getMessage());
  }

  @Test
  void load_armsWithAndWithoutAJar_eachRunItsOwnChurnCopy() throws Exception {
    Path firstFit =
        codeSource(FirstFitStrategy.class); // this build's first-fit, as another would be
    Settings settings =
        Settings.parse(new String[] {"--live", "50", "first-fit@4", firstFit + "=first-fit@4"});

    Arm registered = Arm.load(settings.arms.get(0), settings);
    Arm fromJar = Arm.load(settings.arms.get(1), settings);
    try {
      assertSame(registered.loader, registered.steps.getClass().getClassLoader());
      assertSame(fromJar.loader, fromJar.steps.getClass().getClassLoader());
      assertNotSame(registered.loader, registered.strategy.getClass().getClassLoader());
      assertSame(fromJar.loader, fromJar.strategy.getClass().getClassLoader());
      assertNotSame(FirstFitStrategy.class, fromJar.strategy.getClass());
      assertSame(dev.allot.Allocator.class, fromJar.loader.loadClass("dev.allot.Allocator"));
    } finally {
      registered.loader.close();
      fromJar.loader.close();
    }
  }

  @Test
  void runAndReport_twoArms_timeEveryChunkAndCompareThem() throws Exception {
    Settings settings =
        Settings.parse(
            new String[] {
              "--live",
              "200",
              "--chunks",
              "3",
              "--chunk-steps",
              "1000",
              "first-fit@1",
              "best-fit@16"
            });
    List<Arm> arms =
        List.of(Arm.load(settings.arms.get(0), settings), Arm.load(settings.arms.get(1), settings));
    double[][] times;
    try {
      times = InterleavedChurn.run(arms, settings);
    } finally {
      for (Arm arm : arms) {
        arm.loader.close();
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InterleavedChurn.report(settings, times, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertEquals(2, times.length);
    for (double[] arm : times) {
      assertEquals(3, arm.length);
      for (double nanos : arm) {
        assertTrue(nanos > 0, "a chunk took " + nanos);
      }
    }
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "arm=first-fit@1 live=200 chunks=3 chunk_steps=1000 cpu_ns_per_call_median="),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("arm=best-fit@16 live=200 "), lines.get(1));
    assertTrue(lines.get(2).startsWith("ratio=best-fit@16/first-fit@1 median="), lines.get(2));
    assertTrue(lines.get(2).endsWith(" of 3"), lines.get(2));
  }

  @Test
  void report_knownTimes_givesMediansRangesAndRatios() {
    Settings settings = Settings.parse(new String[] {"--chunks", "4", "a@1", "b@1"});
    double[][] times = {{100, 200, 300, 400}, {50, 300, 600, 200}};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    InterleavedChurn.report(settings, times, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(
        List.of(
            "arm=a@1 live=1000000 chunks=4 chunk_steps=200000 cpu_ns_per_call_median=250.0 min=100.0 max=400.0",
            "arm=b@1 live=1000000 chunks=4 chunk_steps=200000 cpu_ns_per_call_median=250.0 min=50.0 max=600.0",
            "ratio=b@1/a@1 median=1.000 min=0.500 max=2.000 faster_chunks=2 of 4"),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private static Path codeSource(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
