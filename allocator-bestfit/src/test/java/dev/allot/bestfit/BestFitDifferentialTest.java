package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.HeldRegions;
import dev.allot.testkit.Observation;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random calls, valid and invalid, aligned and not, applied to {@link BestFitAllocator} and
 * to the kit's list reference of best-fit ({@link HoleChoice#SMALLEST}): every result, exception
 * and state must agree.
 */
@Tag("slow") // long seeded runs against the list oracle
class BestFitDifferentialTest {

  /** What a caller holds: regions it got back and has not freed, possibly trimmed. */
  private final HeldRegions held = new HeldRegions();

  private SplittableRandom random = new SplittableRandom(0);

  /**
   * Whether the running call places only at alignments from {@link #selectiveAlignment()}, so that
   * the hole index keeps only the holes that can answer them (see {@code HoleAdmission}).
   */
  private boolean alignedOnly;

  /** Whether the running call may ask for an alignment above 1 (never: the hole index's arrays). */
  private boolean alignedCalls;

  @ParameterizedTest(
      name =
          "seed {0}, capacity {1}, sizes up to {2}, {3} calls, aligned only before call {5},"
              + " aligned calls {6}")
  @CsvSource({
    "1, 1000, 40, 200000, 7, 0, true",
    "2, 64, 8, 100000, 1, 0, true",
    "3, 0, 16, 50000, 1, 0, true",
    "4, 400000, 24, 60000, 97, 0, true",
    "5, 1000, 40, 100000, 7, 60000, true",
    "6, 300, 70, 60000, 1, 60000, true",
    "7, 600, 40, 100000, 7, 0, false", // short holes in arrays throughout
    "8, 20000, 3, 100000, 97, 0, false", // hundreds of holes of length 1: arrays, then trees
  })
  void randomCalls_matchOracle(
      long seed,
      long capacity,
      int maxSize,
      int calls,
      int compareEvery,
      int unalignedFrom,
      boolean alignedCalls) {
    random = new SplittableRandom(seed);
    this.alignedCalls = alignedCalls;
    Allocator subject = new BestFitStrategy().create(capacity);
    Allocator oracle = new ListReferenceStrategy(HoleChoice.SMALLEST).create(capacity);
    for (int call = 0; call < calls; call++) {
      alignedOnly = call < unalignedFrom;
      Function<Allocator, Long> operation = nextOperation(subject, maxSize);
      CallOutcome expected = CallOutcome.of(oracle, operation);
      CallOutcome actual = CallOutcome.of(subject, operation);
      int index = call;
      assertEquals(expected, actual, () -> "call " + index + " on " + oracle);
      if (call % compareEvery == 0) {
        assertEquals(Observation.of(oracle), Observation.of(subject));
      }
    }
    assertEquals(Observation.of(oracle), Observation.of(subject));
    assertTrue(subject.getAllocatedRegions().size() > 1, "the workload must fragment");
  }

  /**
   * Picks the next call. It may read {@code subject} (both allocators agree so far) and updates
   * {@link #held} from the subject's result when the call succeeds.
   */
  private Function<Allocator, Long> nextOperation(Allocator subject, int maxSize) {
    int dice = random.nextInt(100);
    if (dice < 20 && !alignedOnly) {
      long size = random.nextInt(maxSize + 1);
      return allocator -> track(allocator, subject, allocator.alloc(size), size);
    }
    if (dice < 38) {
      long size = random.nextInt(maxSize + 1);
      long alignment = alignedOnly ? selectiveAlignment() : alignedCalls ? alignment() : 1;
      return allocator -> track(allocator, subject, allocator.alloc(size, alignment), size);
    }
    if (dice < 65 && !held.isEmpty()) {
      int index = held.pick(random);
      Region region = held.get(index);
      long offset = random.nextInt(4) == 0 ? random.nextLong(region.size()) : 0;
      long size =
          random.nextInt(3) == 0
              ? random.nextLong(region.size() - offset + 1)
              : region.size() - offset;
      return held.deallocCall(subject, index, offset, size);
    }
    if (dice < 90 && !held.isEmpty()) {
      int index = held.pick(random);
      Region region = held.get(index);
      long newSize = random.nextInt(4) == 0 ? region.size() : random.nextInt(2 * maxSize + 1);
      long alignment =
          alignedOnly
              ? selectiveAlignment()
              : random.nextBoolean() || !alignedCalls
                  ? 0
                  : alignment(); // 0 here: the unaligned call
      return allocator -> {
        long result =
            alignment == 0
                ? allocator.realloc(region.start(), region.size(), newSize)
                : allocator.realloc(region.start(), region.size(), newSize, alignment);
        if (allocator == subject) {
          held.replace(index, result, newSize);
        }
        return result;
      };
    }
    if (dice < 99) {
      long start = junk(subject.getCapacity());
      long size = junk(maxSize);
      long newSize = junk(maxSize);
      long junkAlignment = alignedOnly ? selectiveAlignment() : 1;
      return random.nextBoolean()
          ? allocator -> {
            allocator.dealloc(start, size);
            return 0L;
          }
          : alignedOnly
              ? allocator -> allocator.realloc(start, size, newSize, junkAlignment)
              : allocator -> allocator.realloc(start, size, newSize);
    }
    long capacity = subject.getCapacity() + random.nextInt(maxSize + 1) - maxSize * 3 / 4;
    return allocator -> {
      allocator.setCapacity(capacity);
      return capacity;
    };
  }

  private Long track(Allocator allocator, Allocator subject, long start, long size) {
    if (allocator == subject) {
      held.add(start, size);
    }
    return start;
  }

  /** An alignment: mostly small, sometimes not a power of two, huge, or bad (0, negative). */
  private long alignment() {
    return switch (random.nextInt(12)) {
      case 0 -> 1;
      case 1 -> 3;
      case 2 -> 12;
      case 3 -> 256;
      case 4 -> Long.MAX_VALUE - random.nextInt(3); // the requested capacity passes the maximum
      case 5 -> random.nextInt(3) - 1; // -1, 0 or 1
      default -> 1L << random.nextInt(1, 5);
    };
  }

  /**
   * One of seven alignments above 1 and at most 4,096, so that a program that asks only these keeps
   * the hole index selective (at most 8 alignments): padding holes stay out of it.
   */
  private long selectiveAlignment() {
    return switch (random.nextInt(8)) {
      case 0 -> 3;
      case 1 -> 12;
      case 2 -> 256;
      case 3 -> 1_024;
      default -> 1L << random.nextInt(1, 5);
    };
  }

  /** A number that is often bad: negative, near {@link Long#MAX_VALUE}, or unallocated. */
  private long junk(long scale) {
    return switch (random.nextInt(6)) {
      case 0 -> -1 - random.nextInt(3);
      case 1 -> Long.MAX_VALUE - random.nextInt(3);
      default -> random.nextLong(scale + 2);
    };
  }
}
