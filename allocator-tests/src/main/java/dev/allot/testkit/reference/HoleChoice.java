package dev.allot.testkit.reference;

import dev.allot.Region;
import dev.allot.spi.Alignment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which free hole a placement takes, among those that fit: the rule that tells the list-based
 * strategies apart. Holes are compared by their whole length, ties go to the lowest start, and a
 * hole fits an aligned region when {@code up(holeStart) + size <= holeEnd} ({@code
 * docs/spec/semantics.md}, aligned allocation).
 *
 * @since 0.1.0
 */
public enum HoleChoice {
  /** The first hole in address order: plain first-fit (not pyglet's, whose quirks skip holes). */
  FIRST,
  /** The smallest hole: best-fit, as the spec defines it. */
  SMALLEST,
  /** The largest hole: worst-fit. */
  LARGEST;

  /**
   * Picks the hole for a region.
   *
   * @param holes the free holes in address order
   * @param size the region's size
   * @param alignment the alignment of its start, {@code >= 1}
   * @return the chosen hole, or {@code null} if none fits
   */
  public @Nullable Region pick(List<Region> holes, long size, long alignment) {
    Region best = null;
    for (Region hole : holes) {
      if (Alignment.fits(hole.start(), hole.end(), size, alignment)
          && (best == null || prefers(hole, best))) {
        best = hole;
      }
    }
    return best;
  }

  /** Whether a later hole beats the best so far; never on a tie, which keeps the lowest start. */
  private boolean prefers(Region later, Region best) {
    return switch (this) {
      case FIRST -> false;
      case SMALLEST -> later.size() < best.size();
      case LARGEST -> later.size() > best.size();
    };
  }
}
