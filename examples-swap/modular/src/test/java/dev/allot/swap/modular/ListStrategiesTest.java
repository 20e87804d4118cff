package dev.allot.swap.modular;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the example as a user would, in a JVM of its own on the module path. */
class ListStrategiesTest {

  @Test
  void main_onModulePathWithNoExtraFlags_findsBothStrategyModules()
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--module-path",
                System.getProperty("allot.module.path"),
                "-m",
                "dev.allot.swap.modular/dev.allot.swap.modular.ListStrategies")
            .start();
    process.getOutputStream().close();
    // Both streams are small; read them to the end before waiting, so the child never blocks.
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program ends");

    assertEquals("", err, "standard error");
    assertEquals(
        List.of(
            "first-fit from module dev.allot.firstfit: alloc(6) placed at 0",
            "best-fit from module dev.allot.bestfit: alloc(6) placed at 0"),
        out.lines().toList());
    assertEquals(0, process.exitValue());
  }
}
