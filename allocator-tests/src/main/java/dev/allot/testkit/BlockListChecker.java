package dev.allot.testkit;

import dev.allot.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#BLOCK_LIST}: {@code getAllocatedRegions()} is sorted, has no empty,
 * overlapping or adjacent blocks, and equals the model's coalesced allocated space.
 */
final class BlockListChecker implements InvariantChecker<StepState> {

  @Override
  public Invariant invariant() {
    return Invariant.BLOCK_LIST;
  }

  @Override
  public @Nullable String check(StepState state) {
    String call = state.call();
    List<Region> blocks = state.after().blocks();
    for (int i = 0; i < blocks.size(); i++) {
      Region block = blocks.get(i);
      if (block.size() == 0) {
        return "after " + call + " the block list " + RegionText.of(blocks) + " has an empty block";
      }
      if (i > 0 && block.start() <= blocks.get(i - 1).end()) {
        Region previous = blocks.get(i - 1);
        String problem =
            block.start() == previous.end()
                ? " are adjacent: touching blocks must be merged"
                : " overlap or are out of order";
        return "after "
            + call
            + " the blocks "
            + RegionText.of(previous)
            + " and "
            + RegionText.of(block)
            + problem
            + " (block list "
            + RegionText.of(blocks)
            + ")";
      }
    }
    List<Region> expected = state.model().blocks();
    return blocks.equals(expected)
        ? null
        : "after "
            + call
            + " the block list is "
            + RegionText.of(blocks)
            + ", but the allocated space is "
            + RegionText.of(expected);
  }
}
