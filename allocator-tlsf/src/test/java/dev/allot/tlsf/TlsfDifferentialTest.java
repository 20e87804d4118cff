package dev.allot.tlsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.HeldRegions;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random calls, valid and invalid, aligned or not, applied to {@link TlsfAllocator} and to
 * {@link GoodFitModel}: every placement must be one the good-fit rule allows, and every other
 * result, exception and state must agree.
 */
class TlsfDifferentialTest {

  /** Alignments the calls use; 1 is the unaligned rule, 3 and 6 are not powers of two. */
  private static final long[] ALIGNMENTS = {1, 2, 3, 4, 6, 16, 64};

  /** What a caller holds: regions it got back and has not freed, possibly trimmed. */
  private final HeldRegions held = new HeldRegions();

  private SplittableRandom random = new SplittableRandom(0);

  @ParameterizedTest(name = "seed {0}, capacity {1}, sizes up to {2}, {3} calls")
  @CsvSource({
    "1, 1000, 40, 20000, 7",
    "2, 64, 8, 20000, 1",
    "3, 0, 16, 20000, 1",
    "4, 400000, 300, 8000, 97",
    "5, 5000, 2000, 20000, 5",
  })
  void randomCalls_matchModel(long seed, long capacity, int maxSize, int calls, int compareEvery) {
    random = new SplittableRandom(seed);
    Allocator subject = new TlsfStrategy().create(capacity);
    GoodFitModel model = new GoodFitModel(capacity);
    int fragmented = 0;
    for (int call = 0; call < calls; call++) {
      ToLongFunction<Allocator> operation = nextOperation(subject, maxSize);
      Function<Allocator, Object> made = allocator -> operation.applyAsLong(allocator);
      CallOutcome actual = CallOutcome.of(subject, made);
      model.expect(actual.kind() == CallOutcome.Kind.OK ? actual.start() : -1);
      CallOutcome expected = CallOutcome.of(model, made);
      int index = call;
      assertEquals(expected, actual, () -> "call " + index + " on " + model);
      if (call % compareEvery == 0) {
        assertSameState(model, subject);
      }
      if (subject.getAllocatedRegions().size() > 2) {
        fragmented++;
      }
    }
    assertSameState(model, subject);
    assertTrue(fragmented > calls / 4, "the workload must fragment: " + fragmented);
  }

  private static void assertSameState(Allocator model, Allocator subject) {
    assertEquals(model.getAllocatedRegions(), subject.getAllocatedRegions());
    assertEquals(model.getCapacity(), subject.getCapacity());
    assertEquals(model.getFreeSize(), subject.getFreeSize());
    assertEquals(model.getFragmentedFreeSize(), subject.getFragmentedFreeSize());
    assertEquals(model.getLargestFreeHole(), subject.getLargestFreeHole());
    assertEquals(model.isEmpty(), subject.isEmpty());
  }

  /**
   * Picks the next call. It reads {@code subject} (both allocators agree so far) and updates {@link
   * #held} from the subject's result when the call succeeds.
   */
  private ToLongFunction<Allocator> nextOperation(Allocator subject, int maxSize) {
    int dice = random.nextInt(100);
    if (dice < 38) {
      long size = random.nextInt(maxSize + 1);
      long alignment = random.nextInt(3) == 0 ? ALIGNMENTS[random.nextInt(ALIGNMENTS.length)] : 1;
      return allocator -> {
        long start = alignment == 1 ? allocator.alloc(size) : allocator.alloc(size, alignment);
        return track(allocator, subject, start, size);
      };
    }
    if (dice < 65 && !held.isEmpty()) {
      int index = held.pick(random);
      Region region = held.get(index);
      long offset = random.nextInt(4) == 0 ? random.nextLong(region.size()) : 0;
      long size =
          random.nextInt(3) == 0
              ? random.nextLong(region.size() - offset + 1)
              : region.size() - offset;
      return held.deallocCall(subject, index, offset, size)::apply;
    }
    if (dice < 90 && !held.isEmpty()) {
      int index = held.pick(random);
      Region region = held.get(index);
      long newSize = random.nextInt(4) == 0 ? region.size() : random.nextInt(2 * maxSize + 1);
      long alignment = random.nextInt(3) == 0 ? ALIGNMENTS[random.nextInt(ALIGNMENTS.length)] : 1;
      return allocator -> {
        long result =
            alignment == 1
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
      long alignment = random.nextInt(4) == 0 ? junk(4) : 1;
      return switch (random.nextInt(3)) {
        case 0 ->
            allocator -> {
              allocator.dealloc(start, size);
              return 0L;
            };
        case 1 -> allocator -> allocator.realloc(start, size, newSize, alignment);
        default -> allocator -> allocator.alloc(size, alignment);
      };
    }
    long capacity = subject.getCapacity() + random.nextInt(maxSize + 1) - maxSize * 3 / 4;
    return allocator -> {
      allocator.setCapacity(capacity);
      return capacity;
    };
  }

  private long track(Allocator allocator, Allocator subject, long start, long size) {
    if (allocator == subject) {
      held.add(start, size);
    }
    return start;
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
