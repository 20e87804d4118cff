package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

class AllotCommandTest {

  @Test
  void help_listsEachCommandOnOneLine() {
    CommandRun run = CommandRun.of("--help");

    assertEquals(0, run.status());
    List<String> lines = run.out().lines().toList();
    int first = lines.indexOf("Commands:") + 1;
    int end = lines.subList(first, lines.size()).indexOf("") + first;
    Map<String, CommandLine> subcommands = AllotCommand.commandLine().getSubcommands();
    List<String> listed = lines.subList(first, end);
    assertEquals(subcommands.size(), listed.size(), run.out());
    for (String line : listed) {
      String name = line.trim().split(" +", 2)[0];
      CommandLine subcommand = subcommands.get(name);
      String header = subcommand.getCommandSpec().usageMessage().header()[0];
      assertTrue(line.matches("  " + name + " +" + Pattern.quote(header)), line);
    }
  }

  @Test
  void help_everyLineFitsEightyColumns() {
    for (String line : CommandRun.of("--help").out().lines().toList()) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void version_printsTheManifestVersionFirst() {
    String[] lines = ManifestVersion.lines("1.2.3");

    assertEquals("allot 1.2.3", lines[0]);
  }

  @Test
  void version_outsideTheJar_saysSoInsteadOfANumber() {
    CommandRun run = CommandRun.of("--version");

    assertEquals(0, run.status());
    assertEquals(
        "allot (no version: not run from allot.jar)", run.out().lines().findFirst().orElseThrow());
  }

  @Test
  void version_everySubcommand_printsTheVersionOfAllot() {
    String version = CommandRun.of("--version").out();

    for (String name : AllotCommand.commandLine().getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue; // picocli's own, which has no --version
      }
      for (String option : List.of("--version", "-V")) {
        CommandRun run = CommandRun.of(name, option);

        // Before, each subcommand listed the option in its help and printed nothing.
        assertEquals(0, run.status(), name + " " + option);
        assertEquals(version, run.out(), name + " " + option);
      }
    }
  }

  @Test
  void defaultRuns_printNoWarning() {
    for (String[] args :
        List.of(new String[] {"demo"}, new String[] {"bench", "--live", "10", "--ops", "100"})) {
      CommandRun run = CommandRun.of(args);

      assertEquals(0, run.status(), run.err());
      assertEquals("", run.err(), String.join(" ", args));
    }
  }

  @Test
  void strategyOption_defaultsToTheSystemProperty() {
    String saved = System.getProperty("dev.allot.strategy");
    System.setProperty("dev.allot.strategy", "best-fit");
    try {
      CommandRun run = CommandRun.of("demo");

      assertTrue(run.out().contains("Showing: best-fit"), run.out());
    } finally {
      if (saved == null) {
        System.clearProperty("dev.allot.strategy");
      } else {
        System.setProperty("dev.allot.strategy", saved);
      }
    }
  }

  @Test
  void strategyOption_listsTheStrategiesInItsHelp() {
    CommandRun run = CommandRun.of("replay", "--help");

    String help = run.out().replaceAll("\\s+", " ");
    assertTrue(
        help.contains("Strategy to run: first-fit, best-fit, tlsf (default: first-fit)."),
        run.out());
  }

  @Test
  void completionScript_offersTheCommandsAndTheStrategyNames() {
    String script = AutoComplete.bash("allot", AllotCommand.commandLine());

    assertTrue(script.contains("local commands=\"replay compare map bench demo help\""), script);
    assertTrue(script.contains("NAME_option_args=(\"first-fit\" \"best-fit\" \"tlsf\")"), script);
  }

  @Test
  void help_documentsTheExitStatus() {
    String help = CommandRun.of("--help").out();

    assertTrue(help.contains("Exit status:"), help);
    for (String status : List.of("0", "1", "2")) {
      assertTrue(help.lines().anyMatch(line -> line.matches("\\s+" + status + "\\s+\\S.*")), help);
    }
  }
}
