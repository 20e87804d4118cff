package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The regions a test program holds as a caller of an allocator would: each one an allocation or a
 * reallocation gave it and it has not freed, cut down when it frees a part of one and moved when a
 * compaction moves it. A seeded program picks the regions it frees or resizes from here, so that
 * its calls are valid ones.
 *
 * <pre>{@code
 * HeldRegions held = new HeldRegions();
 * held.add(allocator.alloc(8), 8);
 * int index = held.pick(random);
 * Region region = held.get(index);
 * allocator.dealloc(region.start() + 2, 3);
 * held.trim(index, 2, 3);                        // holds [start, start + 2) and [start + 5, end)
 * held.translate(allocator.compact(Long.MAX_VALUE, 1));
 * }</pre>
 *
 * <p>A region of size 0 is never held. The regions keep the order in which they were added; one
 * that is trimmed or replaced leaves its place, and what is left of it or what replaces it goes to
 * the end; a compaction moves regions in their places. A program that draws an index into them from
 * a seeded generator therefore makes the same calls on every run. Regions are named by index, not
 * by value: a program that also makes calls it does not track (bad input that an allocator may
 * take) can come to hold two equal regions, and its calls must still act on the one it picked. An
 * index stays valid until the next {@link #trim} or {@link #replace}. Not safe for use by several
 * threads at once.
 *
 * @since 0.1.0
 */
public final class HeldRegions {

  private final List<Region> regions = new ArrayList<>();

  /** Makes an empty set of held regions. */
  public HeldRegions() {}

  /**
   * Returns how many regions are held.
   *
   * @return the number of regions
   */
  public int size() {
    return regions.size();
  }

  /**
   * Tells whether no region is held.
   *
   * @return {@code true} when there is none
   */
  public boolean isEmpty() {
    return regions.isEmpty();
  }

  /**
   * Returns the region at an index in the order described above.
   *
   * @param index from 0 to {@link #size()} (exclusive)
   * @return the region there
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  public Region get(int index) {
    return regions.get(index);
  }

  /**
   * Draws the index of a held region uniformly, with one {@code random.nextInt(size())}.
   *
   * @param random the generator
   * @return an index from 0 to {@link #size()} (exclusive)
   * @throws IllegalStateException if no region is held
   */
  public int pick(RandomGenerator random) {
    if (regions.isEmpty()) {
      throw new IllegalStateException("no region is held");
    }
    return random.nextInt(regions.size());
  }

  /**
   * Returns the held regions in order.
   *
   * @return an immutable copy, unchanged by later calls
   */
  public List<Region> regions() {
    return List.copyOf(regions);
  }

  /**
   * Holds the region {@code [start, start + size)} that a call gave the caller; a size of 0 holds
   * nothing.
   *
   * @param start the region's start
   * @param size the region's size
   * @throws IllegalArgumentException if the range is not a {@link Region}
   */
  public void add(long start, long size) {
    if (size != 0) {
      regions.add(new Region(start, size));
    }
  }

  /**
   * Returns the free of {@code [start + offset, start + offset + size)} of the held region at
   * {@code index}, as one call to run on both allocators of a differential test (say through {@link
   * CallOutcome#of}): each run frees that range of the region held now, and only the run on {@code
   * subject}, once its free returned, {@linkplain #trim trims} the held region, so that the
   * bookkeeping follows one allocator. The call's value is 0.
   *
   * @param subject the allocator whose calls the held regions follow
   * @param index the held region's index
   * @param offset where the freed range starts inside it
   * @param size the freed range's size
   * @return the call
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  public Function<Allocator, Long> deallocCall(
      Allocator subject, int index, long offset, long size) {
    Objects.requireNonNull(subject, "subject");
    Region region = regions.get(index);
    return allocator -> {
      allocator.dealloc(region.start() + offset, size);
      if (allocator == subject) {
        trim(index, offset, size);
      }
      return 0L;
    };
  }

  /**
   * Replaces a held region by what is left of it after the caller freed {@code [start + offset,
   * start + offset + size)} of it: nothing, a head, a tail, or both. Freeing 0 indices keeps the
   * region where it is.
   *
   * @param index the held region's index
   * @param offset where the freed range starts inside it
   * @param size the freed range's size
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   * @throws IllegalArgumentException if the freed range is not inside the region
   */
  public void trim(int index, long offset, long size) {
    Region region = regions.get(index);
    if (offset < 0 || size < 0 || offset > region.size() - size) {
      throw new IllegalArgumentException(
          "offset " + offset + " and size " + size + " are not inside " + region);
    }
    if (size == 0) {
      return;
    }
    regions.remove(index);
    add(region.start(), offset);
    add(region.start() + offset + size, region.size() - offset - size);
  }

  /**
   * Replaces a held region by the region a reallocation of it returned (by none when {@code size}
   * is 0).
   *
   * @param index the index of the held region that was reallocated
   * @param start the start the reallocation returned
   * @param size the size it was given
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   * @throws IllegalArgumentException if the new range is not a {@link Region}
   */
  public void replace(int index, long start, long size) {
    Objects.checkIndex(index, regions.size());
    List<Region> replacement = size == 0 ? List.of() : List.of(new Region(start, size));
    regions.remove(index);
    regions.addAll(replacement);
  }

  /**
   * Moves every held region as a compaction moved the block that holds it, through {@link
   * CompactionPlan#translate(long)} of its start. Indices stay valid.
   *
   * @param plan the plan the compaction returned
   */
  public void translate(CompactionPlan plan) {
    regions.replaceAll(region -> new Region(plan.translate(region.start()), region.size()));
  }
}
