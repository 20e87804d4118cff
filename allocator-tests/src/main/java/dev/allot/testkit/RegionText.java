package dev.allot.testkit;

import dev.allot.Region;
import dev.allot.trace.ReplayFormat;
import java.util.List;

/** Regions as failure messages write them: {@code start:size}, as trace replay prints blocks. */
final class RegionText {

  private RegionText() {}

  /**
   * Writes one region.
   *
   * @param region the region
   * @return e.g. {@code 8:4}
   */
  static String of(Region region) {
    return region.start() + ":" + region.size();
  }

  /**
   * Writes regions in order.
   *
   * @param regions the regions
   * @return e.g. {@code 0:4,8:2}
   */
  static String of(List<Region> regions) {
    return ReplayFormat.appendRegions(new StringBuilder(), regions).toString();
  }

  /**
   * Writes what a region placed at {@code [start, start + size)} hit, for the checks that find it
   * over other regions: {@code [8, 12) VERB indices 10:2 of live regions 9:4}.
   *
   * @param model the model before the call
   * @param start the region's start
   * @param size the region's size
   * @param verb how the region meets the indices, e.g. {@code overlaps allocated}
   * @param hit the allocated indices it covers, from {@link AllocationModel#allocatedOverlap}
   * @return the text
   */
  static String hit(AllocationModel model, long start, long size, String verb, List<Region> hit) {
    return "["
        + start
        + ", "
        + (start + size)
        + ") "
        + verb
        + " indices "
        + of(hit)
        + " of live regions "
        + of(model.liveRegionsOverlapping(hit));
  }
}
