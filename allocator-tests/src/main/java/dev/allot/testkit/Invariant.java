package dev.allot.testkit;

import org.jspecify.annotations.Nullable;

/**
 * One rule of the allocator contract. Each is checked after every step of a generated program by
 * the property of {@link AllocatorContract} of the same name; a failure names the invariant it
 * broke.
 *
 * @since 0.1.0
 */
public enum Invariant {
  /** Always checked: every call returns or throws one of the two documented exceptions. */
  CALL_OUTCOME(
      "a call returns, or throws IllegalArgumentException, or (alloc and realloc only)"
          + " AllocatorMemoryException; nothing else",
      null),
  /** Where regions go. */
  PLACEMENT(
      "a returned region lies in [0, capacity) and overlaps no other live region, and an aligned"
          + " call's at a multiple of its alignment; alloc(0) and realloc to size 0 return 0",
      null),
  /** The shape and content of {@code getAllocatedRegions()}. */
  BLOCK_LIST(
      "getAllocatedRegions() is sorted, has no empty, overlapping or adjacent blocks, equals"
          + " the model's coalesced allocated space, and it is a snapshot: a caller who modifies it"
          + " changes nothing, and the allocator's later calls do not change it",
      null),
  /** The figures. */
  METRICS(
      "capacity, freeSize, fragmentedFreeSize, largestFreeHole, usage, fragmentation and isEmpty"
          + " follow the spec's definitions, and so do the largest hole and fragmented free size an"
          + " AllocatorMemoryException reports (or UNKNOWN)",
      null),
  /** Failure changes nothing. */
  FAILURE_ATOMICITY(
      "a call that throws (bad input or memory) leaves every observable figure and block unchanged",
      null),
  /** Bad input is rejected, good input is not. */
  BAD_INPUT(
      "bad input, and only bad input, throws IllegalArgumentException whose message names the call"
          + " and its arguments",
      null),
  /** The capacity a memory failure asks for is enough. */
  REQUESTED_CAPACITY(
      "a memory failure's requestedCapacity exceeds the capacity, and after"
          + " setCapacity(requestedCapacity) the same call succeeds",
      null),
  /** Nothing leaks. */
  FREE_ALL_EMPTIES(
      "after freeing every live region the allocator is empty: no blocks, freeSize == capacity,"
          + " no fragmentation",
      null),
  /** Realloc minds its own region. */
  REALLOC_KEEPS_OTHERS(
      "realloc changes only its own region: the returned region covers no index another region"
          + " held, and afterwards the blocks are those before, minus the old range, plus the"
          + " returned one, so every other live region is kept",
      null),
  /** pyglet, decision by decision. */
  PYGLET_REFERENCE(
      "every result, block list and metric equals the literal pyglet 2.1 reference at every step",
      AllocatorFeature.PYGLET_FIRST_FIT),
  /** Best-fit hole choice. */
  SMALLEST_FIT(
      "every new placement takes the smallest free hole that fits, lowest start on a tie, and"
          + " fails for memory only when no hole fits",
      AllocatorFeature.SMALLEST_FIT),
  /** Compaction keeps every region, whole. */
  COMPACTION(
      "compact moves whole blocks by multiples of the granularity within the budget, making one"
          + " move at least while work is left; its moves, copied in order, keep every region's"
          + " data, say truly whether they overlap, and its translation finds every region; the"
          + " end state with granularity 1 has no fragmented free space",
      AllocatorFeature.COMPACTION),
  /** Aligned calls, by the spec's rules. */
  ALIGNMENT(
      "a region an aligned call places anew starts at a multiple of its alignment, at the aligned"
          + " start of the free hole it takes, with the padding before it left free; alignment 1"
          + " gives exactly what the unaligned call gives",
      AllocatorFeature.ALIGNMENT);

  private final String rule;
  private final @Nullable AllocatorFeature feature;

  Invariant(String rule, @Nullable AllocatorFeature feature) {
    this.rule = rule;
    this.feature = feature;
  }

  /**
   * Returns the rule in words, as failure messages quote it.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }

  /**
   * Returns the feature a strategy must declare for this invariant to apply.
   *
   * @return the feature, or {@code null} if the invariant applies to every strategy
   */
  public @Nullable AllocatorFeature feature() {
    return feature;
  }
}
