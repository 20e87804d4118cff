package dev.allot.cli;

import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress report on stderr for long runs, shown only when the program is attached to a
 * terminal ({@link System#console()} is not {@code null}), so that redirected output and tests stay
 * clean. Redraws at most every {@link #REDRAW_NANOS} and costs one comparison per step otherwise.
 *
 * <p>Not thread-safe.
 */
final class Progress {

  /** Redraw interval: 5 redraws a second are readable and cost nothing measurable. */
  private static final long REDRAW_NANOS = 200_000_000L;

  /** Steps between clock reads; reading {@code nanoTime} every step would slow short operations. */
  private static final int CLOCK_EVERY = 4096;

  /** Does nothing, for runs with no terminal. */
  static final Progress SILENT = new Progress(null, "", 0);

  private final @Nullable PrintStream out;
  private final String label;
  private final long total;
  private long lastDraw;
  private boolean drawn;

  private Progress(@Nullable PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.lastDraw = System.nanoTime() - REDRAW_NANOS;
  }

  /**
   * Starts a report of {@code total} steps, visible only on a terminal.
   *
   * @param label what is running, e.g. {@code compare first-fit}
   * @param total the number of steps
   */
  static Progress onTerminal(String label, long total) {
    return System.console() == null ? SILENT : to(System.err, label, total);
  }

  /** Starts a report of {@code total} steps on {@code out}, terminal or not. */
  static Progress to(PrintStream out, String label, long total) {
    return new Progress(out, label, total);
  }

  /** Reports that {@code done} of the steps are done. */
  void step(long done) {
    PrintStream stream = out;
    if (stream == null || done % CLOCK_EVERY != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      drawn = true;
      stream.printf(
          "\r%s: %d%% (%,d / %,d)", label, total == 0 ? 100 : done * 100 / total, done, total);
      stream.flush();
    }
  }

  /** Clears the line, if anything was drawn. */
  void finish() {
    PrintStream stream = out;
    if (stream != null && drawn) {
      stream.print("\r" + " ".repeat(label.length() + 40) + "\r");
      stream.flush();
    }
  }
}
