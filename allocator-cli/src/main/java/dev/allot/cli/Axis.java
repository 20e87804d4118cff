package dev.allot.cli;

import java.util.Locale;

/**
 * A linear axis from 0 to a maximum (round, or the data's own) with round tick steps (1, 2 or 5
 * times a power of ten), and compact labels ({@code 1.5M}), shared by the {@code compare} chart and
 * the {@code map} picture.
 *
 * @param max the value at the end of the axis
 * @param step the distance between ticks
 */
record Axis(double max, double step) {

  /** Roughly how many ticks an axis gets; 5 leaves room for labels on a 700-pixel axis. */
  private static final int TICKS = 5;

  /** An axis from 0 to at least {@code value}. */
  static Axis upTo(double value) {
    double raw = Math.max(value, 1e-9) / TICKS;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw <= power
            ? power
            : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
    return new Axis(Math.ceil(value / step - 1e-9) * step, step);
  }

  /** An axis from 0 to exactly {@code value}, with the ticks {@link #upTo} would give it. */
  static Axis exactly(double value) {
    return new Axis(value, upTo(value).step());
  }

  /** Maps {@code value} onto {@code [from, to]}. */
  double scale(double value, double from, double to) {
    return from + (to - from) * (max == 0 ? 0 : value / max);
  }

  /** The number of whole steps from 0 to {@link #max}. */
  int steps() {
    return (int) Math.floor(max / step + 1e-9);
  }

  /**
   * Labels a tick: integers compactly ({@code 512}, {@code 64K}, {@code 1.5M}), fractions with two
   * digits.
   */
  static String label(double value) {
    if (value != Math.rint(value)) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    double magnitude = Math.abs(value);
    String[] units = {"", "K", "M", "G", "T", "P", "E"};
    int unit = 0;
    // Up to 9999 a number is short enough as it is; above, it shrinks below 1000 in its unit.
    while (magnitude >= (unit == 0 ? 10_000 : 1000) && unit < units.length - 1) {
      magnitude /= 1000;
      unit++;
    }
    String number =
        magnitude == Math.rint(magnitude)
            ? String.format(Locale.ROOT, "%d", (long) magnitude)
            : String.format(Locale.ROOT, "%.1f", magnitude);
    return (value < 0 ? "-" : "") + number + units[unit];
  }
}
