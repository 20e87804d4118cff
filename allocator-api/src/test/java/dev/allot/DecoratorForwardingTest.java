package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where nothing fails, a decorator answers every call and every figure as its delegate does: one
 * program runs on a bare allocator and on a decorated one, compared before and after every call.
 */
class DecoratorForwardingTest {

  /** Everything a caller reads, in one comparable value. */
  private record Figures(
      long capacity,
      List<Region> blocks,
      long free,
      long fragmented,
      long largestHole,
      double usage,
      double fragmentation,
      boolean empty,
      String strategy) {

    static Figures of(Allocator allocator) {
      return new Figures(
          allocator.getCapacity(),
          allocator.getAllocatedRegions(),
          allocator.getFreeSize(),
          allocator.getFragmentedFreeSize(),
          allocator.getLargestFreeHole(),
          allocator.getUsage(),
          allocator.getFragmentation(),
          allocator.isEmpty(),
          allocator.getStrategyName());
    }
  }

  /**
   * Capacity 16; every call fits, a realloc moves, aligned calls pad and move, a compaction moves a
   * block.
   */
  private static final List<Function<Allocator, Object>> PROGRAM =
      List.of(
          a -> a.alloc(5),
          a -> a.alloc(6),
          a -> a.alloc(0),
          a -> {
            a.dealloc(0, 2);
            return "dealloc";
          },
          a -> a.realloc(2, 3, 4), // [2, 5) does not end its block: it moves to 11
          a -> a.realloc(11, 4, 2),
          a -> a.alloc(1, 1),
          a -> {
            a.setCapacity(20);
            return "setCapacity";
          },
          a -> a.alloc(2, 4), // the hole [1, 5) is too short once aligned: the tail, at 16
          a -> a.realloc(16, 2, 3, 8), // aligned, ends its block: grows in place
          a -> a.realloc(5, 8, 2, 3), // 5 is not a multiple of 3: moves to 3, even to shrink
          a -> a.compact().moves(),
          a -> a.realloc(0, 0, 3, 1));

  static Stream<Arguments> decorators() {
    UnaryOperator<Allocator> recording = a -> Allocators.recording(a, new StringBuilder());
    UnaryOperator<Allocator> growing =
        a ->
            Allocators.growing(
                a,
                GrowthPolicy.doubling(),
                (oldCapacity, newCapacity) -> {},
                (oldStart, newStart, size) -> {});
    UnaryOperator<Allocator> forwarding = a -> new ForwardingAllocator(a) {};
    return Stream.of(
        Arguments.of("recording", recording),
        Arguments.of("growing", growing),
        Arguments.of("synchronized", (UnaryOperator<Allocator>) Allocators::synchronizedAllocator),
        Arguments.of("forwarding", forwarding));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decorators")
  void program_noFailure_sameResultsAndFiguresAsBareDelegate(
      String name, UnaryOperator<Allocator> decorate) {
    Allocator bare = new TreeMapAllocator(16);
    Allocator decorated = decorate.apply(new TreeMapAllocator(16));
    assertEquals(Figures.of(bare), Figures.of(decorated), "new");
    for (int i = 0; i < PROGRAM.size(); i++) {
      Function<Allocator, Object> call = PROGRAM.get(i);
      assertEquals(call.apply(bare), call.apply(decorated), "call " + i);
      assertEquals(Figures.of(bare), Figures.of(decorated), "after call " + i);
    }
    assertTrue(
        decorated.toString().contains(bare.toString()), decorated + " names its delegate " + bare);
  }
}
