package dev.allot.cli;

import dev.allot.GrowthPolicy;
import java.util.Locale;

/** The values of {@code --growth}: how each strategy's buffer grows on demand. */
enum Growth {

  /** Doubles the capacity until the request fits, as pyglet's vertex domain does. */
  DOUBLING,

  /** Grows to exactly the capacity the request needs. */
  EXACT;

  /** The policy this value names. */
  GrowthPolicy policy() {
    return switch (this) {
      case DOUBLING -> GrowthPolicy.doubling();
      case EXACT -> GrowthPolicy.exact();
    };
  }

  /** The name on the command line, in help and in completion: {@code doubling}, {@code exact}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
