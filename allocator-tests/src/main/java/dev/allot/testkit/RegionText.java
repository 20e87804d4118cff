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
}
