package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.Region;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A block of an allocator drawn at random, with the gap after it: the free indices up to the next
 * block, or to the capacity after the last. A seeded program aims its next call there: a realloc
 * that grows the block's end into the gap, a free inside the block, an alloc the gap can hold.
 *
 * @param block one of the allocator's blocks ({@link Allocator#getAllocatedRegions})
 * @param gapAfter the free indices after it, {@code >= 0}
 * @since 0.1.0
 */
public record PickedBlock(Region block, long gapAfter) {

  /**
   * Draws one of {@code allocator}'s blocks (one {@code nextInt} of the block count).
   *
   * @param allocator an allocator with at least one block
   * @param random the program's generator
   * @return the block and the gap after it
   * @throws IllegalArgumentException if the allocator holds no block
   */
  public static PickedBlock pick(Allocator allocator, RandomGenerator random) {
    List<Region> blocks = allocator.getAllocatedRegions();
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no block to pick: the allocator is empty");
    }
    int index = random.nextInt(blocks.size());
    Region block = blocks.get(index);
    long next = index + 1 < blocks.size() ? blocks.get(index + 1).start() : allocator.getCapacity();
    return new PickedBlock(block, next - block.end());
  }

  /**
   * Draws a piece of the block: its size from 1 to {@code maxSize} (at most the block's), then its
   * start, so that it lies inside the block; two draws, in that order.
   *
   * @param maxSize the largest size wanted, {@code >= 1}
   * @param random the program's generator
   * @return the piece
   */
  public Region piece(long maxSize, RandomGenerator random) {
    long size = random.nextLong(1, Math.min(maxSize, block.size()) + 1);
    return new Region(block.start() + random.nextLong(block.size() - size + 1), size);
  }
}
