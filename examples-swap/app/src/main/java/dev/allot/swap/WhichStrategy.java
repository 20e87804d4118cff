package dev.allot.swap;

import dev.allot.Allocator;
import dev.allot.Allocators;

/**
 * The classpath-swap example: a program written against the API alone. Which strategy serves it is
 * decided by the jar on the classpath, with no code change: {@code swap-firstfit.jar} prints {@code
 * first-fit}, {@code swap-bestfit.jar} prints {@code best-fit}.
 */
public final class WhichStrategy {

  private WhichStrategy() {}

  /**
   * Allocates a little and says which strategy did it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(report());
  }

  /**
   * Runs the program: leaves a hole of 6 and a hole of 10 in front of a free tail, then allocates
   * 6. First-fit grows the block before the 10-hole (pyglet does not use a leading gap equal to the
   * request); best-fit takes the 6-hole, which fits exactly.
   *
   * @return e.g. {@code served by first-fit: alloc(6) placed at 10}
   */
  public static String report() {
    Allocator allocator = Allocators.create(64);
    long first = allocator.alloc(6);
    allocator.alloc(4);
    long third = allocator.alloc(10);
    allocator.alloc(4);
    allocator.dealloc(first, 6);
    allocator.dealloc(third, 10);
    return "served by "
        + allocator.getStrategyName()
        + ": alloc(6) placed at "
        + allocator.alloc(6);
  }
}
