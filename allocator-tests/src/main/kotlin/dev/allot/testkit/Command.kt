package dev.allot.testkit

import dev.allot.Region
import dev.allot.trace.OperationKind
import dev.allot.trace.TraceOperation

/**
 * One step of a generated program, written against whatever state the allocator is in: picks and
 * cuts are resolved against the [AllocationModel] when the step runs (`pick` modulo the live
 * regions, and so on), so every program stays meaningful while kotest shrinks it. Numbers are
 * non-negative; shrinking moves them towards 0, the simplest choice.
 *
 * @since 0.1.0
 */
sealed interface Command {

  /**
   * Turns the step into the concrete call to make now.
   *
   * @param model the state before the call
   * @return the call as a trace operation
   */
  fun resolve(model: AllocationModel): TraceOperation

  /** `alloc(size)`; size 0 is legal and must return 0. */
  data class Alloc(val size: Long) : Command {
    override fun resolve(model: AllocationModel): TraceOperation = call(OperationKind.ALLOC, size)
  }

  /** Frees all or part of a live region; with none live, `dealloc(pick, 0)`, which does nothing. */
  data class Dealloc(val pick: Int, val part: Part, val cut: Int, val length: Int) : Command {

    /** Which part of the region to free. */
    enum class Part { WHOLE, PREFIX, SUFFIX, MIDDLE }

    override fun resolve(model: AllocationModel): TraceOperation {
      val region = pickLive(model, pick) ?: return call(OperationKind.DEALLOC, pick.toLong(), 0)
      val size = region.size()
      val freed = when {
        part == Part.PREFIX && size >= 2 -> Region(region.start(), 1 + cut.toLong().mod(size - 1))
        part == Part.SUFFIX && size >= 2 -> (1 + cut.toLong().mod(size - 1)).let { Region(region.end() - it, it) }
        part == Part.MIDDLE && size >= 3 -> {
          val offset = 1 + cut.toLong().mod(size - 2)
          Region(region.start() + offset, 1 + length.toLong().mod(size - 1 - offset))
        }
        else -> region
      }
      return call(OperationKind.DEALLOC, freed.start(), freed.size())
    }
  }

  /** Resizes a live region; with none live, `realloc(pick, 0, amount + 1)`, an alloc. */
  data class Realloc(val pick: Int, val change: Change, val amount: Int) : Command {

    /** How the size changes. */
    enum class Change { SHRINK, GROW, SAME, ZERO, FROM_EMPTY }

    override fun resolve(model: AllocationModel): TraceOperation {
      val region = pickLive(model, pick)
      if (region == null || change == Change.FROM_EMPTY) {
        return call(OperationKind.REALLOC, pick.toLong(), 0, amount + 1L)
      }
      val size = region.size()
      val newSize = when (change) {
        Change.SHRINK -> if (size >= 2) 1 + amount.toLong().mod(size - 1) else size
        Change.GROW -> size + 1 + amount
        Change.ZERO -> 0
        Change.SAME, Change.FROM_EMPTY -> size
      }
      return call(OperationKind.REALLOC, region.start(), size, newSize)
    }
  }

  /**
   * `alloc(size, alignment)` with the alignment [ALIGNMENTS]`[alignment]` (taken modulo their
   * count): 1 first, then powers of two, 3, 0 and -1 (bad input), and values near `Long.MAX_VALUE`
   * whose rounding or requested capacity passes it.
   */
  data class AlignedAlloc(val size: Long, val alignment: Int) : Command {
    override fun resolve(model: AllocationModel): TraceOperation =
      call(OperationKind.ALIGNED_ALLOC, size, alignmentAt(alignment))
  }

  /**
   * Resizes a live region as [Realloc] does, with the alignment [ALIGNMENTS]`[alignment]`: a region
   * whose start is not a multiple of it moves, even to shrink.
   */
  data class AlignedRealloc(val pick: Int, val change: Realloc.Change, val amount: Int, val alignment: Int) : Command {
    override fun resolve(model: AllocationModel): TraceOperation {
      val unaligned = Realloc(pick, change, amount).resolve(model)
      return call(
        OperationKind.ALIGNED_REALLOC, unaligned.first(), unaligned.second(), unaligned.third(), alignmentAt(alignment),
      )
    }
  }

  /** `setCapacity(capacity + by)`; `by` 0 sets the same capacity, which is legal. */
  data class GrowCapacity(val by: Int) : Command {
    override fun resolve(model: AllocationModel): TraceOperation =
      call(OperationKind.SET_CAPACITY, model.capacity() + by)
  }

  /**
   * `compact(budget, granularity)`: a budget of [UNLIMITED] or more is [Long.MAX_VALUE], so that
   * shrinking goes towards budget 0 (one move a call) and granularity 1.
   */
  data class Compact(val budget: Int, val granularity: Int) : Command {
    override fun resolve(model: AllocationModel): TraceOperation = call(
      OperationKind.COMPACT,
      if (budget >= UNLIMITED) Long.MAX_VALUE else budget.toLong(),
      granularity.toLong(),
    )

    companion object {
      /** Budgets from here on mean no limit. */
      const val UNLIMITED = 48
    }
  }

  /** A call the contract says must fail: bad input, or (huge sizes) bad input or memory. */
  data class BadCall(val kind: Kind, val a: Int, val b: Int) : Command {

    /** The kinds of bad call. */
    enum class Kind {
      /** `alloc` of a negative size. */
      NEGATIVE_ALLOC,
      /** `dealloc` with a negative start or size. */
      NEGATIVE_DEALLOC,
      /** `realloc` with one negative number. */
      NEGATIVE_REALLOC,
      /** `dealloc` of a range that is wholly free. */
      DEALLOC_FREE_RANGE,
      /** `dealloc` of a block plus one free index before or after it. */
      DEALLOC_PAST_BLOCK,
      /**
       * `dealloc` from inside one block to inside the next, across the hole between them: both
       * ends are allocated, the middle is not.
       */
      DEALLOC_ACROSS_HOLE,
      /** `realloc` of a range that is wholly free, to any size. */
      REALLOC_FREE_RANGE,
      /** `setCapacity` below the capacity. */
      SHRINK_CAPACITY,
      /** `dealloc` whose end would exceed `Long.MAX_VALUE`. */
      DEALLOC_OVERFLOW,
      /** `realloc` whose end would exceed `Long.MAX_VALUE`. */
      REALLOC_OVERFLOW,
      /** `alloc` of nearly `Long.MAX_VALUE`: bad input or memory, by the strategy's arithmetic. */
      HUGE_ALLOC,
      /** `realloc` of a live region to nearly `Long.MAX_VALUE`. */
      HUGE_REALLOC,
    }

    private val x: Long get() = a.toLong()
    private val y: Long get() = b.toLong()

    override fun resolve(model: AllocationModel): TraceOperation {
      return when (kind) {
        Kind.NEGATIVE_ALLOC -> call(OperationKind.ALLOC, -1 - x)
        Kind.NEGATIVE_DEALLOC ->
          if (b.mod(2) == 0) call(OperationKind.DEALLOC, -1 - x, y) else call(OperationKind.DEALLOC, x, -1 - y)
        Kind.NEGATIVE_REALLOC -> {
          val args = longArrayOf(x, y, x + y)
          args[a.mod(3)] = -1 - y
          call(OperationKind.REALLOC, *args)
        }
        Kind.DEALLOC_FREE_RANGE -> freeRange(model).let { call(OperationKind.DEALLOC, it.start(), it.size()) }
        Kind.DEALLOC_PAST_BLOCK -> pastBlock(model)
        Kind.DEALLOC_ACROSS_HOLE -> acrossHole(model)
        Kind.REALLOC_FREE_RANGE -> freeRange(model).let { call(OperationKind.REALLOC, it.start(), it.size(), y) }
        Kind.SHRINK_CAPACITY -> {
          val capacity = model.capacity()
          call(OperationKind.SET_CAPACITY, if (capacity > 0) capacity - 1 - x.mod(capacity) else -1 - x)
        }
        Kind.DEALLOC_OVERFLOW -> call(OperationKind.DEALLOC, Long.MAX_VALUE - x, x + 2)
        Kind.REALLOC_OVERFLOW -> call(OperationKind.REALLOC, Long.MAX_VALUE - x, x + 2, y)
        Kind.HUGE_ALLOC -> call(OperationKind.ALLOC, Long.MAX_VALUE - x)
        Kind.HUGE_REALLOC -> {
          val region = pickLive(model, a) ?: Region(0, 0)
          call(OperationKind.REALLOC, region.start(), region.size(), Long.MAX_VALUE - y)
        }
      }
    }

    /** A non-empty range with no allocated index: inside a hole, or past the capacity. */
    private fun freeRange(model: AllocationModel): Region {
      val holes = model.holes()
      if (holes.isEmpty()) {
        return Region(model.capacity() + x, 1 + y)
      }
      val hole = holes[a.mod(holes.size)]
      val start = hole.start() + y.mod(hole.size())
      return Region(start, 1 + x.mod(hole.end() - start))
    }

    /** Part of a block, the hole after it and part of the next block; past a block with fewer. */
    private fun acrossHole(model: AllocationModel): TraceOperation {
      val blocks = model.blocks()
      if (blocks.size < 2) {
        return pastBlock(model)
      }
      val i = a.mod(blocks.size - 1)
      val first = blocks[i]
      val next = blocks[i + 1]
      val start = first.start() + y.mod(first.size())
      val end = next.start() + 1 + x.mod(next.size())
      return call(OperationKind.DEALLOC, start, end - start)
    }

    /** A block with the free index after it (or before it), which no block holds whole. */
    private fun pastBlock(model: AllocationModel): TraceOperation {
      val blocks = model.blocks()
      if (blocks.isEmpty()) {
        return freeRange(model).let { call(OperationKind.DEALLOC, it.start(), it.size()) }
      }
      val block = blocks[a.mod(blocks.size)]
      return if (b.mod(2) == 1 && block.start() > 0) {
        call(OperationKind.DEALLOC, block.start() - 1, block.size() + 1)
      } else {
        call(OperationKind.DEALLOC, block.start(), block.size() + 1)
      }
    }
  }

}

/** A call as the kit makes it, with no trace line number. */
internal fun call(kind: OperationKind, vararg args: Long): TraceOperation = TraceOperation.of(kind, 0, *args)

/**
 * The alignments of [Command.AlignedAlloc] and [Command.AlignedRealloc], simplest first: what
 * shrinking moves towards.
 */
internal val ALIGNMENTS = longArrayOf(
  1, 2, 4, 8, 3, 16, 64, 256, 12, 0, -1,
  (1L shl 62) + 1, Long.MAX_VALUE / 3, Long.MAX_VALUE - 1, Long.MAX_VALUE,
)

private fun alignmentAt(index: Int): Long = ALIGNMENTS[index.mod(ALIGNMENTS.size)]

private fun pickLive(model: AllocationModel, pick: Int): Region? {
  val live = model.liveRegions()
  return if (live.isEmpty()) null else live[pick.mod(live.size)]
}
