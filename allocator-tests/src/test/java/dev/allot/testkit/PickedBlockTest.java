package dev.allot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link PickedBlock}: a block drawn at random and the gap after it. */
class PickedBlockTest {

  @Test
  void pick_everyBlock_comesWithTheGapToTheNextOrToTheCapacity() {
    Allocator allocator = new PygletReferenceStrategy().create(20);
    allocator.alloc(10);
    allocator.dealloc(3, 2); // blocks [0, 3) and [5, 10), gaps 2 and 10
    SplittableRandom random = new SplittableRandom(3);
    Set<PickedBlock> drawn = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      drawn.add(PickedBlock.pick(allocator, random));
    }

    assertEquals(
        Set.of(new PickedBlock(new Region(0, 3), 2), new PickedBlock(new Region(5, 5), 10)), drawn);
  }

  @Test
  void pick_sameSeed_drawsTheSameBlocks() {
    Allocator allocator = new PygletReferenceStrategy().create(100);
    for (int i = 0; i < 10; i++) {
      allocator.alloc(10);
    }
    for (long start = 5; start < 100; start += 10) {
      allocator.dealloc(start, 1);
    }

    assertEquals(draws(allocator, 11), draws(allocator, 11));
  }

  private static List<PickedBlock> draws(Allocator allocator, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return Stream.generate(() -> PickedBlock.pick(allocator, random)).limit(20).toList();
  }

  @Test
  void piece_anySize_liesInsideTheBlockAndKeepsToTheLimit() {
    PickedBlock picked = new PickedBlock(new Region(40, 7), 3);
    SplittableRandom random = new SplittableRandom(5);
    Set<Long> sizes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Region whole = picked.piece(Long.MAX_VALUE, random);
      Region small = picked.piece(3, random);

      assertTrue(whole.start() >= 40 && whole.end() <= 47, whole.toString());
      assertTrue(small.start() >= 40 && small.end() <= 47 && small.size() <= 3, small.toString());
      sizes.add(whole.size());
    }
    assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), sizes);
  }

  @Test
  void pick_noBlock_isRefused() {
    Allocator empty = new PygletReferenceStrategy().create(8);

    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class, () -> PickedBlock.pick(empty, new SplittableRandom(1)));
    assertEquals("no block to pick: the allocator is empty", failure.getMessage());
  }
}
