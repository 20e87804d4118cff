package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;

/**
 * Every subcommand refuses a bad option value as picocli refuses any: a first line naming the
 * option and the value, the command's usage text, exit status 2, nothing on stdout.
 */
class UsageErrorTest {

  /** Runs {@code args} and checks the refusal; {@code expected} is in the first line of stderr. */
  private static void assertUsageError(String expected, String... args) {
    CommandRun run = CommandRun.of(args);
    String command = String.join(" ", args);

    assertEquals(2, run.status(), command + "\n" + run.err());
    assertEquals("", run.out(), command);
    String first = run.err().lines().findFirst().orElse("");
    assertTrue(first.contains(expected), command + ": " + first);
    assertTrue(run.err().contains("Usage: allot " + args[0]), command + ": " + run.err());
    assertTrue(!run.err().contains("\tat "), command + ": a stack trace");
  }

  @Test
  void compare_badCounts_areUsageErrors() {
    assertUsageError(
        "Invalid value for option '--live': '0' is out of range: 1 to 2147483647",
        "compare",
        "--workload",
        "churn",
        "--live",
        "0");
    assertUsageError(
        "Invalid value for option '--ops': '-5' is out of range: 0 to 9223372036854775807",
        "compare",
        "--workload",
        "churn",
        "--ops",
        "-5");
    assertUsageError(
        "Invalid value for option '--initial-capacity': '-1' is out of range",
        "compare",
        "--workload",
        "churn",
        "--initial-capacity",
        "-1");
    assertUsageError(
        "Invalid value for option '--compact-every': '0' is out of range: 1 to",
        "compare",
        "--workload",
        "churn",
        "--compact-every",
        "0");
    assertUsageError(
        "Invalid value for option '--live': 'many' is not a whole number",
        "compare",
        "--workload",
        "churn",
        "--live",
        "many");
  }

  @Test
  void dash_whereStandardInputWouldBeReadTwice_isAUsageError(@TempDir Path dir) throws IOException {
    String trace = Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n").toString();
    // Before, compare and map said "-: no such file", as if replay's '-' were not a thing.
    assertUsageError(
        "'-' (standard input) can be read only once, and this command", "compare", "-");
    assertUsageError("'-' (standard input) can be read only once, and this command", "map", "-");
    assertUsageError(
        "'-' (standard input) can be read only once: give it once", "replay", "-", "-");
    assertUsageError(
        "'-' (standard input) can be read only once, and --stats", "replay", "--stats", trace, "-");
  }

  @Test
  void outputFile_emptyPath_isAUsageError(@TempDir Path dir) throws IOException {
    String trace = Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n").toString();
    // Before, the empty path was the working directory: "map: : Is a directory", status 1.
    assertUsageError(
        "Invalid value for option '--out': '' names no file", "map", trace, "--out", "");
    assertUsageError(
        "Invalid value for option '--chart': '' names no file", "compare", trace, "--chart", "");
    assertUsageError(
        "Invalid value for option '--record': '' names no file", "bench", "--record", "");
  }

  @Test
  void compare_workloadOptionWithATrace_isAUsageErrorNotIgnored(@TempDir Path dir)
      throws IOException {
    Path trace = Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n");
    // Before, each was silently ignored: the trace ran whole, with status 0.
    for (String option :
        List.of("--live", "--ops", "--seed", "--alignment", "--initial-capacity")) {
      assertUsageError(
          "Option '" + option + "' applies to --workload only, not to a TRACE",
          "compare",
          trace.toString(),
          option,
          "7");
    }
  }

  @Test
  void compare_strategiesOfNoName_isAUsageErrorNotEveryStrategy() {
    // Before, "--strategies ," split into no names and compare ran every strategy, status 0.
    for (String none : List.of(",", ",,")) {
      assertUsageError(
          "Invalid value for option '--strategies': '" + none + "' names no strategy",
          "compare",
          "--workload",
          "churn",
          "--strategies",
          none);
    }
  }

  @Test
  void compare_badNames_areUsageErrorsListingTheChoices() {
    assertUsageError(
        "Invalid value for option '--growth': expected one of [doubling, exact]",
        "compare",
        "--workload",
        "churn",
        "--growth",
        "weird");
    assertUsageError(
        "Invalid value for option '--workload': expected one of [churn, sprites, text, uniform]",
        "compare",
        "--workload",
        "weird");
    assertUsageError(
        "No allocation strategy named 'nope'",
        "compare",
        "--workload",
        "churn",
        "--strategies",
        "first-fit,nope");
  }

  @Test
  void bench_badValues_areUsageErrors() {
    assertUsageError("'0' is out of range: 1 to", "bench", "--live", "0", "--ops", "10");
    assertUsageError("'-5' is out of range: 0 to", "bench", "--live", "10", "--ops", "-5");
    assertUsageError(
        "Invalid value for option '--workload': expected one of [churn, sprites, text, uniform]",
        "bench",
        "--live",
        "10",
        "--ops",
        "10",
        "--workload",
        "weird");
    assertUsageError(
        "Invalid value for option '--strategy': No allocation strategy named 'nope'",
        "bench",
        "--strategy",
        "nope",
        "--live",
        "10",
        "--ops",
        "10");
  }

  @Test
  void traceCommands_badValues_areUsageErrors(@TempDir Path dir) throws IOException {
    String trace = Files.writeString(dir.resolve("t.trace"), "capacity 8\nalloc 2\n").toString();

    assertUsageError("No allocation strategy named 'nope'", "replay", "--strategy", "nope", trace);
    assertUsageError("No allocation strategy named 'nope'", "map", "--strategy", "nope", trace);
    assertUsageError(
        "Invalid value for option '--recorded-with': No allocation strategy named 'nope'",
        "map",
        "--recorded-with",
        "nope",
        trace);
    assertUsageError(
        "Invalid value for option '--growth': expected one of [doubling, exact]",
        "map",
        "--growth",
        "weird",
        trace);
    assertUsageError(
        "Invalid value for option '--strategy': No allocation strategy named 'nope'",
        "demo",
        "--strategy",
        "nope");
  }

  @Test
  void names_areCaseInsensitiveAsBefore() {
    CommandRun run =
        CommandRun.of(
            "compare", "--workload", "CHURN", "--growth", "Exact", "--live", "5", "--ops", "50");

    assertEquals(0, run.status(), run.err());
  }

  @Test
  void help_listsTheChoicesOfEveryOption() {
    String compare = CommandRun.of("help", "compare").out().replaceAll("\\s+", " ");
    String bench = CommandRun.of("help", "bench").out().replaceAll("\\s+", " ");

    List<String> missing = new ArrayList<>();
    for (String choices :
        List.of(
            "generate a workload: churn, sprites, text, uniform",
            "grows on demand: doubling, exact",
            "Strategies to compare: first-fit, best-fit, tlsf",
            "holds: first-fit, best-fit, tlsf")) {
      if (!compare.contains(choices)) {
        missing.add(choices);
      }
    }
    assertEquals(List.of(), missing, compare);
    assertTrue(bench.contains("churn, sprites, text, uniform: churn has sizes 1..64"), bench);
  }

  @Test
  void completionScript_offersTheChoicesOfTheEnumOptions() {
    String script = AutoComplete.bash("allot", AllotCommand.commandLine());

    assertTrue(script.contains("local commands=\"replay compare map bench demo help\""), script);
    assertTrue(script.contains("(\"doubling\" \"exact\")"), script);
    assertTrue(script.contains("(\"churn\" \"sprites\" \"text\" \"uniform\")"), script);
  }
}
