package dev.allot.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress report on stderr for long runs, with the rate and the time left, shown only
 * when the program is attached to a terminal ({@link System#console()} is not {@code null}), so
 * that redirected output and tests stay clean:
 *
 * <pre>
 * compare best-fit: 42% (84,000 / 200,000), 1.2M steps/s, 3 s left
 * </pre>
 *
 * <p>Redraws at most every {@link #REDRAW_NANOS} and costs one comparison per step otherwise. The
 * rate is the average since the start, which is steady enough for runs of seconds and needs no
 * history.
 *
 * <p>Not thread-safe.
 */
final class Progress {

  /** Redraw interval: 5 redraws a second are readable and cost nothing measurable. */
  private static final long REDRAW_NANOS = 200_000_000L;

  /** Steps between clock reads; reading {@code nanoTime} every step would slow short operations. */
  private static final int CLOCK_EVERY = 4096;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Does nothing, for runs with no terminal. */
  static final Progress SILENT = new Progress(null, "", 0, System::nanoTime);

  private final @Nullable PrintStream out;
  private final String label;
  private final long total;
  private final LongSupplier clock;
  private final long begin;
  private long lastDraw;
  private int drawnLength;

  private Progress(@Nullable PrintStream out, String label, long total, LongSupplier clock) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.clock = clock;
    this.begin = clock.getAsLong();
    this.lastDraw = begin;
  }

  /**
   * Starts a report of {@code total} steps, visible only on a terminal.
   *
   * @param label what is running, e.g. {@code compare first-fit}
   * @param total the number of steps
   */
  static Progress onTerminal(String label, long total) {
    return isTerminal() ? to(System.err, label, total, System::nanoTime) : SILENT;
  }

  /**
   * Tells whether the program runs on a terminal. Up to Java 21 a console exists only then; from
   * Java 22 on there is always one, and {@code Console.isTerminal()} (absent from Java 17) says.
   */
  @SuppressWarnings("SystemConsoleNull") // null is the answer up to Java 21; 22+ asks isTerminal
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Console.isTerminal() failed", e);
    }
  }

  /**
   * Starts a report of {@code total} steps on {@code out}, terminal or not, timed by {@code clock}.
   */
  static Progress to(PrintStream out, String label, long total, LongSupplier clock) {
    return new Progress(out, label, total, clock);
  }

  /** Reports that {@code done} of the steps are done; the first redraw waits one interval. */
  void step(long done) {
    PrintStream stream = out;
    if (stream == null || done % CLOCK_EVERY != 0) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      String line = line(done, now - begin);
      stream.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
      stream.flush();
      drawnLength = Math.max(drawnLength, line.length());
    }
  }

  private String line(long done, long elapsedNanos) {
    double perSecond = elapsedNanos == 0 ? 0 : done * (double) NANOS_PER_SECOND / elapsedNanos;
    String text =
        String.format(
            Locale.ROOT,
            "%s: %d%% (%,d / %,d), %s steps/s",
            label,
            total == 0 ? 100 : done * 100 / total,
            done,
            total,
            Axis.label(Math.rint(perSecond)));
    return perSecond == 0 ? text : text + ", " + duration((total - done) / perSecond) + " left";
  }

  /** Whole seconds under a minute, then minutes and seconds: {@code 7 s}, {@code 2 min 05 s}. */
  static String duration(double seconds) {
    long whole = (long) Math.ceil(seconds);
    return whole < 60
        ? whole + " s"
        : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }

  /** Clears the line, if anything was drawn. */
  void finish() {
    PrintStream stream = out;
    if (stream != null && drawnLength > 0) {
      stream.print("\r" + " ".repeat(drawnLength) + "\r");
      stream.flush();
    }
  }
}
