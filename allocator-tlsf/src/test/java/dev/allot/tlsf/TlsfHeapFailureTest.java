package dev.allot.tlsf;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.FreeOrder;
import dev.allot.testkit.HeldRegions;
import dev.allot.testkit.Observation;
import dev.allot.testkit.PickedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java heap running out inside tlsf's structures: through the test seam of {@link Chunks} every
 * growth a call makes (the chunk records, the high halves of the starts, the start index's table)
 * is made to throw {@link OutOfMemoryError} in turn, and each throwing call must leave the
 * allocator exactly as it was (docs/reliability.md), down to which chunk its next placement takes.
 */
class TlsfHeapFailureTest {

  private static final long TWO_TO_THE_32 = 1L << 32;

  /** Calls whose k-th growth failed, over a test: a property that injects none checks nothing. */
  private int failures;

  /** The largest k whose failing growth a call met, over a test: -1 while none failed. */
  private int deepestFailure = -1;

  /**
   * Runs {@code call} with the k-th growth failing, k = 0, 1, ..., until it runs through; every
   * throwing run must leave the allocator as it was, its invariants held. Returns the result.
   */
  private <T> T failEachGrowth(TlsfAllocator allocator, Function<TlsfAllocator, T> call) {
    T result = failEachGrowth(allocator, call, false);
    return requireNonNull(result);
  }

  /**
   * As {@link #failEachGrowth(TlsfAllocator, Function)}, or, when {@code giveUp}, returns {@code
   * null} after the first throwing run, as a caller that moves on would.
   */
  private <T> @Nullable T failEachGrowth(
      TlsfAllocator allocator, Function<TlsfAllocator, T> call, boolean giveUp) {
    Chunks chunks = allocator.chunks();
    for (int k = 0; ; k++) {
      Observation before = Observation.of(allocator);
      chunks.growthsBeforeFailure = k;
      try {
        return call.apply(allocator);
      } catch (OutOfMemoryError e) {
        failures++;
        deepestFailure = Math.max(deepestFailure, k);
        int growth = k;
        assertEquals(before, Observation.of(allocator), () -> "growth " + growth + " failed");
        allocator.checkInvariants();
        if (giveUp) {
          return null;
        }
      } finally {
        chunks.growthsBeforeFailure = -1;
      }
    }
  }

  /** Runs a call that returns nothing, for {@link #failEachGrowth}. */
  private static boolean run(Runnable call) {
    call.run();
    return true;
  }

  @Test
  void alloc_manyChunksGrowRecordsAndIndex_failingGrowthChangesNothing() {
    TlsfAllocator allocator = new TlsfAllocator(40_000);
    for (long i = 0; i < 20_000; i++) { // each placement splits the tail: one chunk more
      assertEquals(i, failEachGrowth(allocator, a -> a.alloc(1)).longValue());
    }
    allocator.checkInvariants();
    assertTrue(failures > 20, "the records and the index must have grown: " + failures);
  }

  @Test
  void dealloc_cutsInsideRegions_failingGrowthChangesNothing() {
    TlsfAllocator allocator = new TlsfAllocator(12_000);
    allocator.alloc(12_000);
    for (long i = 1; i < 12_000; i += 3) { // each cut adds two chunks; 4,000 cuts meet 72 growths
      long at = i;
      failEachGrowth(allocator, a -> run(() -> a.dealloc(at, 1)));
    }
    allocator.checkInvariants();
    assertEquals(4_001, allocator.getAllocatedRegions().size());
    assertTrue(failures > 20, "no growth was made to fail");
  }

  @Test
  void alloc_recordsGrowWithStartsPastTwoToThe32_failingGrowthKeepsHighHalvesWithRecords() {
    // the high halves are made at once; a growth of the records then copies two arrays, and a
    // failure of the second must not leave the first grown alone
    TlsfAllocator allocator = new TlsfAllocator(TWO_TO_THE_32 + 100_000);
    for (long i = 0; i < 10_000; i++) {
      assertEquals(i, failEachGrowth(allocator, a -> a.alloc(1)).longValue());
    }
    allocator.checkInvariants();
    assertEquals(List.of(new Region(0, 10_000)), allocator.getAllocatedRegions());
    assertTrue(failures > 20, "no growth was made to fail");
    // a growth of the records copies the high halves too: their copy, the second growth, failed
    assertTrue(deepestFailure >= 1, "no call's second growth failed: " + deepestFailure);
  }

  @Test
  void setCapacity_firstStartPastTwoToThe32_failingGrowthKeepsOldCapacityAndChunks() {
    TlsfAllocator allocator = new TlsfAllocator(1_000);
    allocator.alloc(1_000);
    long top = TWO_TO_THE_32 + 1_000;
    failEachGrowth(allocator, a -> run(() -> a.setCapacity(top)));
    assertEquals(top, allocator.getCapacity());
    assertEquals(1_000L, failEachGrowth(allocator, a -> a.alloc(TWO_TO_THE_32)).longValue());
    allocator.checkInvariants();
    assertTrue(failures > 0, "no growth was made to fail");
  }

  @Test
  void setCapacity_raisesWithUsedTail_failingGrowthKeepsOldCapacity() {
    TlsfAllocator allocator = new TlsfAllocator(0);
    for (long capacity = 1; capacity <= 3_000; capacity++) {
      long top = capacity;
      failEachGrowth(allocator, a -> run(() -> a.setCapacity(top))); // a new tail chunk each
      allocator.alloc(1);
    }
    allocator.checkInvariants();
    assertTrue(failures > 0, "no growth was made to fail");
  }

  @Test
  void dealloc_regionJustPlaced_allocatesNothing() {
    // AbstractAllocator takes a relocation's placement back by freeing it when the free of the
    // old region fails: that free must not need the heap. Every growth fails here.
    for (long alignment : new long[] {1, 16}) {
      TlsfAllocator allocator = new TlsfAllocator(40_000);
      for (int i = 0; i < 1_000; i++) {
        long size = 1 + i % 7L;
        long start = allocator.alloc(size, alignment);
        if (i % 3 == 0) {
          allocator.chunks().growthsBeforeFailure = 0;
          allocator.dealloc(start, size);
          allocator.chunks().growthsBeforeFailure = -1;
        }
      }
      allocator.checkInvariants();
    }
  }

  /**
   * The tail taken as the last chance while another chunk of its class heads the list; the
   * relocating realloc's free of the old region then cuts it (two chunks more) and may need a
   * growth after the placement. A caller that gives up after the failure must find the allocator
   * placing as before: its next call agrees with a twin that never made the failed one. Tried with
   * as many filler chunks before as it takes to meet a growth in each place.
   */
  @Test
  void realloc_relocationToTheTailWhoseFreeCutsTheOldRegion_failingGrowthKeepsTheListOrder() {
    for (int fillers = 0; fillers < 300; fillers++) {
      long from = 2L * fillers + 10; // inside the region [2 * fillers, 2 * fillers + 30)
      for (int k = 0; ; k++) {
        TlsfAllocator subject = tailBehindHead(fillers);
        TlsfAllocator twin = tailBehindHead(fillers);
        subject.chunks().growthsBeforeFailure = k;
        try {
          long placed = subject.realloc(from, 10, 1_040);
          assertEquals(twin.realloc(from, 10, 1_040), placed);
          break;
        } catch (OutOfMemoryError e) {
          failures++;
          subject.chunks().growthsBeforeFailure = -1;
          subject.checkInvariants();
          assertEquals(Observation.of(twin), Observation.of(subject));
          // the lower bound of the class: its list's head, the chunk of 1,024
          int shown = fillers;
          assertEquals(twin.alloc(1_024), subject.alloc(1_024), () -> "fillers " + shown);
        }
      }
    }
    assertTrue(failures > 0, "no growth was made to fail");
  }

  /**
   * {@code fillers} used chunks of 1 with free ones of 1 between, a region of 30, a free chunk of
   * 1,024 (class 1,024 to 1,055) at the head of its list, a used chunk of 1, and a free tail of
   * 1,050 in the same class but behind it in the list.
   */
  private static TlsfAllocator tailBehindHead(int fillers) {
    long regionStart = 2L * fillers;
    long capacity = regionStart + 30 + 1_024 + 1 + 1_050;
    TlsfAllocator allocator = new TlsfAllocator(capacity);
    allocator.alloc(capacity - 1_050);
    for (long i = 1; i < regionStart; i += 2) {
      allocator.dealloc(i, 1);
    }
    allocator.dealloc(regionStart + 30, 1_024); // inserted after the tail: heads the list
    return allocator;
  }

  // ---------------------------------------------------------------- the property

  /** Alignments the calls use; 3 and 6 are not powers of two. */
  private static final long[] ALIGNMENTS = {2, 3, 4, 6, 8, 16, 64};

  /** What a caller holds: regions it got back and has not freed. */
  private final HeldRegions held = new HeldRegions();

  private SplittableRandom random = new SplittableRandom(0);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomProgram_eachGrowthFailsInTurn_throwingCallChangesNothingThenAgreesWithTwin(long seed) {
    random = new SplittableRandom(seed);
    long capacity = seed % 4 == 0 ? TWO_TO_THE_32 + random.nextInt(3_000) : random.nextInt(6_000);
    TlsfAllocator subject = new TlsfAllocator(capacity);
    TlsfAllocator twin = new TlsfAllocator(capacity);
    int calls = 6_000;
    int abandoned = 0;
    for (int call = 0; call < calls; call++) {
      Function<Allocator, ?> operation = nextOperation(subject, call < 1_500);
      boolean giveUp = random.nextInt(4) == 0;
      CallOutcome actual = failEachGrowth(subject, a -> CallOutcome.of(a, operation), giveUp);
      if (actual == null) {
        abandoned++; // the caller moved on after the failure: the twin never makes the call
        continue;
      }
      CallOutcome expected = CallOutcome.of(twin, operation);
      int index = call;
      assertEquals(expected, actual, () -> "call " + index + " on " + twin);
      if (call % 100 == 0) {
        assertEquals(Observation.of(twin), Observation.of(subject));
        subject.checkInvariants();
      }
    }
    assertEquals(Observation.of(twin), Observation.of(subject));
    subject.checkInvariants();
    assertTrue(failures > 50, "too few growths failed: " + failures);
    assertTrue(abandoned > 0, "no call was given up after a failure");
  }

  /**
   * Picks the next call; {@code filling} favours placements, so that the chunks, and with them the
   * records and the start index, grow through many sizes.
   */
  private Function<Allocator, ?> nextOperation(Allocator subject, boolean filling) {
    int dice = random.nextInt(100);
    long maxSize = 40;
    if (dice < (filling ? 70 : 30) || held.isEmpty()) {
      long size = 1 + random.nextLong(maxSize);
      long alignment = random.nextInt(3) == 0 ? ALIGNMENTS[random.nextInt(ALIGNMENTS.length)] : 1;
      return allocator -> track(allocator, subject, allocator.alloc(size, alignment), size);
    }
    if (dice < (filling ? 80 : 58)) {
      int index = held.pick(random);
      Region region = held.get(index);
      boolean part = random.nextInt(3) == 0;
      long offset = part ? random.nextLong(region.size()) : 0;
      long size = part ? random.nextLong(1, region.size() - offset + 1) : region.size();
      return held.deallocCall(subject, index, offset, size);
    }
    if (dice < 96) {
      return realloc(subject);
    }
    long raise = random.nextInt(6) == 0 ? TWO_TO_THE_32 : random.nextLong(1, 200);
    long capacity = subject.getCapacity() + raise;
    return allocator -> {
      allocator.setCapacity(capacity);
      return capacity;
    };
  }

  /**
   * A realloc in one of its forms: to 0, from 0 (a placement), shrinking, to the same size, growing
   * (in place or relocating), of a whole region or of a part, unaligned or aligned.
   */
  private Function<Allocator, Object> realloc(Allocator subject) {
    int index = held.pick(random);
    Region region = held.get(index);
    int form = random.nextInt(10);
    long offset = form == 9 ? random.nextLong(region.size()) : 0; // a part: the rest stays held
    long start = region.start() + offset;
    long size =
        form == 1 ? 0 : form == 9 ? random.nextLong(1, region.size() - offset + 1) : region.size();
    long newSize =
        switch (form) {
          case 0 -> 0;
          case 2 -> random.nextLong(1, size + 1);
          case 3 -> size;
          default -> random.nextLong(1, 3 * 40 + 1);
        };
    long alignment = random.nextBoolean() ? 1 : ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
    boolean explicit = alignment > 1 || random.nextBoolean();
    return allocator -> {
      long result =
          explicit
              ? allocator.realloc(start, size, newSize, alignment)
              : allocator.realloc(start, size, newSize);
      if (allocator == subject) {
        held.trim(index, offset, size); // a size of 0 frees nothing: a placement
        held.add(result, newSize);
      }
      return result;
    };
  }

  private Long track(Allocator allocator, Allocator subject, long start, long size) {
    if (allocator == subject) {
      held.add(start, size);
    }
    return start;
  }

  // ---------------------------------------------------------------- the skewed property

  /** Seeds of the skewed programs; {@code -Dallot.skewed.seeds=N} runs N of them. */
  static LongStream skewedSeeds() {
    return LongStream.range(0, Long.getLong("allot.skewed.seeds", 12));
  }

  /**
   * The programs above mix their calls; these aim at long runs of cuts with no placement between
   * them: a full buffer, then frees of 1 to 3 indices from inside its blocks, a stride apart, as
   * many as a power of two give or take 3 (where the records and the start index's table grow), in
   * one of four orders, then some that lengthen those holes, then one call of each kind (alloc,
   * aligned alloc, realloc growing in place, shrinking, moving, a free inside a block, a raise),
   * each made with each growth failing in turn: a call that throws must change nothing, and the one
   * that runs through must agree with a twin that made the same calls and never failed.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("skewedSeeds")
  void everyCall_afterLongRunsOfSmallFrees_failingGrowthChangesNothingThenAgreesWithTwin(
      long seed) {
    for (int probe = 0; probe < 7; probe++) {
      TlsfAllocator subject = skewedState(seed, probe == 0);
      TlsfAllocator twin = skewedState(seed, false);
      SplittableRandom choice = new SplittableRandom(seed * 31 + probe);
      for (int round = 0; round < 3; round++) { // then two more from the state the call left
        Function<Allocator, ?> call =
            probeCall(round == 0 ? probe : choice.nextInt(7), subject, choice);
        CallOutcome actual = failEachGrowth(subject, a -> CallOutcome.of(a, call));
        String context = "seed " + seed + ", probe " + probe + ", round " + round;
        assertEquals(CallOutcome.of(twin, call), actual, context);
        assertEquals(Observation.of(twin), Observation.of(subject), context);
        subject.checkInvariants();
      }
    }
  }

  /**
   * A full buffer but a tail, then the skewed run of frees; {@code checked}: each free is made with
   * each growth failing in turn too.
   */
  private TlsfAllocator skewedState(long seed, boolean checked) {
    SplittableRandom random = new SplittableRandom(seed);
    int holes = (1 << random.nextInt(4, 12)) + random.nextInt(-3, 4);
    long length = random.nextLong(1, 4);
    long stride = length + random.nextLong(1, 4);
    long from = random.nextLong(0, 40);
    long used = from + holes * stride + random.nextLong(0, 100);
    long tail = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 60);
    long capacity = used + tail + (random.nextInt(5) == 0 ? TWO_TO_THE_32 : 0);
    TlsfAllocator allocator = new TlsfAllocator(capacity);
    allocator.alloc(used);
    List<Long> starts = new ArrayList<>();
    for (int u = 0; u < holes; u++) {
      starts.add(from + u * stride);
    }
    List<Long> frees = new ArrayList<>(); // (start, size) pairs
    for (long start : FreeOrder.pick(random).of(starts, random)) {
      frees.add(start);
      frees.add(length);
    }
    if (random.nextBoolean()) { // the block after a hole cut by 1: the hole changes class
      for (long start :
          FreeOrder.pick(random).of(starts.subList(0, random.nextInt(1, holes + 1)), random)) {
        frees.add(start + length);
        frees.add(1L);
      }
    }
    for (int k = 0; k < frees.size(); k += 2) {
      long start = frees.get(k);
      long size = frees.get(k + 1);
      if (checked) {
        failEachGrowth(allocator, a -> run(() -> a.dealloc(start, size)));
      } else {
        allocator.dealloc(start, size);
      }
    }
    return allocator;
  }

  /** Returns a call of kind {@code probe} (in the order of the test's comment) on the blocks. */
  private static Function<Allocator, ?> probeCall(
      int probe, Allocator state, SplittableRandom random) {
    List<Region> blocks = state.getAllocatedRegions();
    long capacity = state.getCapacity();
    if (blocks.isEmpty()) {
      return a -> a.alloc(1);
    }
    PickedBlock picked = PickedBlock.pick(state, random);
    long gapAfter = picked.gapAfter();
    long alignment = random.nextBoolean() ? 1 : ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
    Region region = picked.piece(Long.MAX_VALUE, random); // what the reallocs hold
    long size = region.size();
    long inside = region.start();
    long end = picked.block().end() - size;
    return switch (probe) {
      case 0, 1 -> {
        long placed = random.nextLong(1, 6); // drawn once: the same call on subject and twin
        long align = probe == 0 ? 1 : alignment;
        yield a -> a.alloc(placed, align);
      }
      case 2 -> {
        long grown = size + (gapAfter > 0 ? random.nextLong(1, gapAfter + 1) : 1);
        yield a -> a.realloc(end, size, grown);
      }
      case 3 -> a -> a.realloc(inside, size, size > 1 ? size - 1 : 0);
      case 4 -> a -> a.realloc(inside, size, size + gapAfter + 1, alignment);
      case 5 -> {
        Region piece = picked.piece(3, random);
        yield a -> run(() -> a.dealloc(piece.start(), piece.size()));
      }
      default -> {
        long raised = capacity + (random.nextBoolean() ? random.nextLong(1, 4) : TWO_TO_THE_32);
        yield a -> run(() -> a.setCapacity(raised));
      }
    };
  }
}
