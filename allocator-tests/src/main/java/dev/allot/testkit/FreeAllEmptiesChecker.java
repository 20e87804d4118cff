package dev.allot.testkit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#FREE_ALL_EMPTIES}: once every live region is freed, the allocator shows
 * what an empty one of its capacity shows. The run frees the regions and hands over what it sees.
 */
final class FreeAllEmptiesChecker {

  private FreeAllEmptiesChecker() {}

  /**
   * Compares the allocator with an empty one.
   *
   * @param after what the allocator shows after every live region was freed
   * @param capacity the capacity it must still have
   * @return the problem, or {@code null} if it is empty
   */
  static @Nullable String check(Observation after, long capacity) {
    Observation empty = new Observation(capacity, List.of(), capacity, 0, capacity, 0.0, 0.0, true);
    return after.agreesWith(empty)
        ? null
        : "after freeing every live region the allocator shows "
            + after
            + "; an empty one shows "
            + empty;
  }
}
