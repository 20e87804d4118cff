package dev.allot.firstfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.testkit.CallOutcome;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random programs of aligned calls (alignment above 1, where first-fit has no pyglet quirk)
 * and frees, run on first-fit and on the kit's list reference of the first hole that fits ({@link
 * HoleChoice#FIRST}): every result, exception and state must agree, and the tree's summaries must
 * hold after every call. Run once with the tree's alignment classes, and once with every class
 * taken by other alignments, so that the search walks the gaps instead.
 */
class FirstFitAlignedDifferentialTest {

  private static final int CALLS = 8_000;

  /** Memory failures below this requested capacity are followed by growth and a retry. */
  private static final long GROWTH_LIMIT = 1 << 16;

  /** The alignments the programs use; 2^62 + 1 makes the rounding pass {@code Long.MAX_VALUE}. */
  private static final long[] ALIGNMENTS = {2, 3, 4, 8, 16, 64, 256, (1L << 62) + 1};

  @ParameterizedTest(name = "seed {0}, leaf shift {1}, scan only {2}")
  @CsvSource({"1, 2, false", "2, 2, true", "3, 6, false", "4, 6, true"})
  void randomAlignedCalls_matchTheFirstHoleReference(long seed, int leafShift, boolean scanOnly) {
    SplittableRandom random = new SplittableRandom(seed);
    GapTree tree = new GapTree(256, leafShift, 4);
    if (scanOnly) {
      for (int i = 0; i < GapTree.MAX_ALIGNMENT_CLASSES; i++) {
        tree.alignmentClass(1_000_003 + i); // alignments the program never asks for
      }
    }
    Allocator subject = new FirstFitAllocator(tree);
    Allocator reference = new ListReferenceStrategy(HoleChoice.FIRST).create(256);
    List<long[]> held = new ArrayList<>();
    int maxBlocks = 0;
    for (int call = 0; call < CALLS; call++) {
      int dice = random.nextInt(10);
      long alignment = ALIGNMENTS[random.nextInt(ALIGNMENTS.length)];
      String context = "seed " + seed + ", call " + call;
      if (dice < 5 || held.isEmpty()) {
        long size = 1L + random.nextInt(40);
        Function<Allocator, Object> alloc = a -> a.alloc(size, alignment);
        CallOutcome expected = CallOutcome.of(reference, alloc);
        assertEquals(expected, CallOutcome.of(subject, alloc), context);
        if (expected.kind() == CallOutcome.Kind.MEMORY && random.nextBoolean()) {
          long requested = expected.requestedCapacity();
          if (requested < GROWTH_LIMIT) { // the tree's capacity, then the same call again
            subject.setCapacity(requested);
            reference.setCapacity(requested);
            expected = CallOutcome.of(reference, alloc);
            assertEquals(expected, CallOutcome.of(subject, alloc), context);
          }
        }
        if (expected.kind() == CallOutcome.Kind.OK) {
          held.add(new long[] {expected.start(), size});
        }
      } else {
        long[] region = held.remove(random.nextInt(held.size()));
        if (dice < 8) {
          subject.dealloc(region[0], region[1]);
          reference.dealloc(region[0], region[1]);
        } else {
          long newSize = random.nextInt(60);
          Function<Allocator, Object> realloc =
              a -> a.realloc(region[0], region[1], newSize, alignment);
          CallOutcome expected = CallOutcome.of(reference, realloc);
          assertEquals(expected, CallOutcome.of(subject, realloc), context);
          if (expected.kind() != CallOutcome.Kind.OK) {
            held.add(region); // it failed and is still held as it was
          } else if (newSize > 0) {
            held.add(new long[] {expected.start(), newSize});
          }
        }
      }
      assertEquals(reference.getAllocatedRegions(), subject.getAllocatedRegions(), context);
      assertEquals(reference.getCapacity(), subject.getCapacity(), context);
      tree.checkInvariants();
      maxBlocks = Math.max(maxBlocks, tree.count());
    }
    assertTrue(maxBlocks > 100, "the programs should build many blocks, built " + maxBlocks);
  }
}
