package dev.allot.trace;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the replay output line: {@code RESULT regions=LIST free=F fragmented=G}.
 *
 * @since 0.1.0
 */
public final class ReplayFormat {

  private ReplayFormat() {}

  /**
   * Renders the line for one replayed operation.
   *
   * @param result how the operation ended
   * @param allocator the allocator after it, or {@code null} before the first {@code capacity}
   * @return the line, without a line break
   */
  public static String line(StepResult result, @Nullable Allocator allocator) {
    StringBuilder text = new StringBuilder(64).append(result.field()).append(" regions=");
    if (allocator == null) {
      return text.append("- free=0 fragmented=0").toString();
    }
    appendRegions(text, allocator.getAllocatedRegions());
    return text.append(" free=")
        .append(allocator.getFreeSize())
        .append(" fragmented=")
        .append(allocator.getFragmentedFreeSize())
        .toString();
  }

  /**
   * Renders blocks as {@code start:size} pairs joined by commas, or {@code -} when there are none.
   *
   * @param text where to append
   * @param regions the blocks in address order
   * @return {@code text}
   */
  public static StringBuilder appendRegions(StringBuilder text, List<Region> regions) {
    if (regions.isEmpty()) {
      return text.append('-');
    }
    for (int i = 0; i < regions.size(); i++) {
      Region region = regions.get(i);
      if (i > 0) {
        text.append(',');
      }
      text.append(region.start()).append(':').append(region.size());
    }
    return text;
  }
}
