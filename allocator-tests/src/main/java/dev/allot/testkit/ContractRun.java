package dev.allot.testkit;

import com.google.common.collect.RangeSet;
import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.Region;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import dev.allot.trace.OperationKind;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.StepResult.Outcome;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One checked execution: applies calls to an allocator of the strategy under test and, after every
 * call, checks the chosen {@link Invariant}s against an {@link AllocationModel} (and, for {@link
 * Invariant#PYGLET_REFERENCE}, against the literal pyglet reference run side by side). The first
 * broken invariant throws a {@link ContractViolation}; invariants not chosen are not reported, so
 * that each property of {@link AllocatorContract} names the one rule it is about. {@link
 * Invariant#CALL_OUTCOME} is always checked.
 *
 * <p>A call that fails for memory is answered as a growing buffer would: {@code set_capacity} to
 * the requested capacity (when it is at most {@link #RETRY_CAPACITY_LIMIT}) and the same call
 * again, once. Every call, retries included, is kept as a trace line, so {@link #trace()} replays
 * the run exactly.
 *
 * <p>Not thread-safe.
 */
public final class ContractRun {

  /**
   * The largest capacity a memory failure is answered with; larger requests (from deliberately huge
   * sizes) are not retried, so a strategy that keeps an array of {@code capacity} entries is never
   * asked for gigabytes.
   */
  public static final long RETRY_CAPACITY_LIMIT = 1L << 20;

  /** How far computed usage and fragmentation may stray from the model's, for rounding only. */
  private static final double RATIO_TOLERANCE = 1e-9;

  private final Set<Invariant> checked;
  private final TraceReplayer subject;
  private final @Nullable TraceReplayer reference;
  private final AllocationModel model;
  private final long initialCapacity;
  private final List<TraceOperation> operations = new ArrayList<>();

  /**
   * Creates an allocator of {@code strategy} with {@code capacity} and checks it is empty.
   *
   * @param strategy the strategy under test
   * @param capacity the initial capacity, {@code >= 0}
   * @param invariants the invariants to report; {@link Invariant#CALL_OUTCOME} is added
   * @throws ContractViolation if the new allocator is not empty or its figures are wrong
   */
  public ContractRun(AllocationStrategy strategy, long capacity, Set<Invariant> invariants) {
    this.checked = EnumSet.of(Invariant.CALL_OUTCOME);
    this.checked.addAll(invariants);
    this.initialCapacity = capacity;
    this.model = new AllocationModel(capacity);
    this.subject = new TraceReplayer(strategy);
    this.reference =
        checked.contains(Invariant.PYGLET_REFERENCE)
            ? new TraceReplayer(new PygletReferenceStrategy())
            : null;
    TraceOperation start = TraceOperation.of(OperationKind.CAPACITY, 1, capacity);
    StepResult created = call(start);
    if (created.outcome() != Outcome.OK) {
      throw new ContractViolation(
          Invariant.CALL_OUTCOME, "create(" + capacity + ") was rejected: " + created.detail());
    }
    checkAfter(start, created, reference == null ? null : reference.apply(start));
  }

  /**
   * Returns the model, as it stands after the last call.
   *
   * @return the model
   */
  public AllocationModel model() {
    return model;
  }

  /**
   * Returns the allocator under test.
   *
   * @return the allocator
   */
  public Allocator allocator() {
    return Objects.requireNonNull(subject.allocator(), "created in the constructor");
  }

  /**
   * Applies one call and checks every chosen invariant; a memory failure is retried once after
   * growing the capacity as requested.
   *
   * @param operation an {@code alloc}, {@code dealloc}, {@code realloc} or {@code set_capacity}
   * @return how the call ended (the retry's result, if there was one)
   * @throws ContractViolation at the first broken invariant
   */
  public StepResult apply(TraceOperation operation) {
    StepResult result = step(operation);
    return answersWithRetry(result) ? retry(operation, result) : result;
  }

  /**
   * Replays a trace, such as the one a {@link ContractFailure} reports, under the chosen checks:
   * the way to turn a failure into a regression test. A {@code set_capacity} to the requested
   * capacity and the same call right after a memory failure are taken as the retry {@link
   * #apply(TraceOperation)} makes, and checked as such.
   *
   * @param strategy the strategy under test
   * @param trace trace text whose first operation is {@code capacity N}
   * @param invariants the invariants to check
   * @return the finished run
   * @throws ContractViolation at the first broken invariant
   * @throws IllegalArgumentException if the trace does not start with {@code capacity N}, or holds
   *     another {@code capacity} line or a malformed one
   */
  public static ContractRun replay(
      AllocationStrategy strategy, String trace, Set<Invariant> invariants) {
    List<TraceOperation> operations = TraceParser.parse(trace);
    if (operations.isEmpty() || operations.get(0).kind() != OperationKind.CAPACITY) {
      throw new IllegalArgumentException("replay: the trace must start with a capacity line");
    }
    ContractRun run = new ContractRun(strategy, operations.get(0).first(), invariants);
    for (int i = 1; i < operations.size(); i++) {
      TraceOperation operation = operations.get(i);
      if (operation.kind() == OperationKind.CAPACITY
          || operation.kind() == OperationKind.MALFORMED) {
        throw new IllegalArgumentException(
            "replay: line " + operation.line() + " is not a call: " + operation.toTraceLine());
      }
      StepResult result = run.step(operation);
      if (run.answersWithRetry(result) && isRetry(operations, i, result.value())) {
        run.retry(operation, result);
        i += 2;
      }
    }
    run.deallocEverythingIfChecked();
    return run;
  }

  /** Tells whether the two lines after {@code index} are the retry of a memory failure. */
  private static boolean isRetry(List<TraceOperation> operations, int index, long requested) {
    if (index + 2 >= operations.size()) {
      return false;
    }
    TraceOperation grow = operations.get(index + 1);
    return grow.kind() == OperationKind.SET_CAPACITY
        && grow.first() == requested
        && operations.get(index + 2).toTraceLine().equals(operations.get(index).toTraceLine());
  }

  private boolean answersWithRetry(StepResult result) {
    return result.outcome() == Outcome.MEMORY
        && result.value() <= RETRY_CAPACITY_LIMIT
        && result.value() > model.capacity();
  }

  /** Grows the capacity as a memory failure asked and makes the call again, which must succeed. */
  private StepResult retry(TraceOperation operation, StepResult failure) {
    String failed = describe(operation);
    step(TraceOperation.of(OperationKind.SET_CAPACITY, 0, failure.value()));
    StepResult retried = step(operation);
    if (retried.outcome() == Outcome.MEMORY || retried.outcome() == Outcome.INVALID) {
      fail(
          Invariant.REQUESTED_CAPACITY,
          failed
              + " failed with requestedCapacity "
              + failure.value()
              + ", but after setCapacity("
              + failure.value()
              + ") it gave "
              + retried.field()
              + " "
              + retried.detail());
    }
    return retried;
  }

  /**
   * Calls {@link #deallocEverything()} if {@link Invariant#FREE_ALL_EMPTIES} is checked, which is
   * how a program ends.
   *
   * @throws ContractViolation at the first broken invariant
   */
  public void deallocEverythingIfChecked() {
    if (checked.contains(Invariant.FREE_ALL_EMPTIES)) {
      deallocEverything();
    }
  }

  /**
   * Frees every live region of the model, one {@code dealloc} each, and checks that the allocator
   * is empty afterwards.
   *
   * @throws ContractViolation at the first broken invariant
   */
  public void deallocEverything() {
    for (Region region : model.liveRegions()) {
      apply(TraceOperation.of(OperationKind.DEALLOC, 0, region.start(), region.size()));
    }
    Observation after = observe("after freeing everything");
    long capacity = model.capacity();
    Observation empty = new Observation(capacity, List.of(), capacity, 0, capacity, 0.0, 0.0, true);
    if (!equalFigures(after, empty)) {
      fail(
          Invariant.FREE_ALL_EMPTIES,
          "after freeing every live region the allocator shows "
              + after
              + "; an empty one shows "
              + empty);
    }
  }

  /**
   * Returns every call applied so far, retries included.
   *
   * @return the calls in order
   */
  public List<TraceOperation> operations() {
    return List.copyOf(operations);
  }

  /**
   * Renders the run as a trace that replays it: {@code capacity N}, then one line a call.
   *
   * @return the trace text, lines separated by {@code \n}
   */
  public String trace() {
    StringBuilder text = new StringBuilder("capacity ").append(initialCapacity);
    for (TraceOperation operation : operations) {
      text.append('\n').append(operation.toTraceLine());
    }
    return text.toString();
  }

  /** One call with every check but the retry: the unit the trace records. */
  private StepResult step(TraceOperation operation) {
    String call = operation.toTraceLine();
    Observation before = observe("before " + call);
    CallValidity validity = model.validity(operation);
    List<Region> holesBefore = model.holes();
    operations.add(operation);
    StepResult result = call(operation);
    StepResult referenceResult = reference == null ? null : reference.apply(operation);
    switch (result.outcome()) {
      case INVALID -> rejected(operation, validity, result, before);
      case MEMORY -> outOfMemory(operation, validity, result, before, holesBefore);
      case START, OK -> succeeded(operation, validity, result, before, holesBefore);
    }
    checkAfter(operation, result, referenceResult);
    return result;
  }

  private StepResult call(TraceOperation operation) {
    StepResult result;
    try {
      result = subject.apply(operation);
    } catch (RuntimeException e) {
      ContractViolation violation =
          new ContractViolation(Invariant.CALL_OUTCOME, describe(operation) + " threw " + e);
      violation.initCause(e);
      throw violation;
    }
    boolean places =
        operation.kind() == OperationKind.ALLOC || operation.kind() == OperationKind.REALLOC;
    if (result.outcome() == Outcome.MEMORY && !places) {
      fail(
          Invariant.CALL_OUTCOME,
          describe(operation)
              + " threw AllocatorMemoryException, which only alloc"
              + " and realloc may throw");
    }
    return result;
  }

  private void rejected(
      TraceOperation operation, CallValidity validity, StepResult result, Observation before) {
    String call = describe(operation);
    if (validity == CallValidity.VALID) {
      fail(
          Invariant.BAD_INPUT,
          call + " was rejected as bad input, but the input is good: " + result.detail());
    } else {
      checkMessage(operation, result.detail());
    }
    checkUnchanged(call + " was rejected", before);
  }

  /** A rejection must say which call and which values, as {@code AllocatorArguments} does. */
  private void checkMessage(TraceOperation operation, String message) {
    String method = methodName(operation.kind());
    boolean named = message.contains(method);
    for (long arg : operation.args()) {
      named &= message.contains(Long.toString(arg));
    }
    if (!named) {
      fail(
          Invariant.BAD_INPUT,
          describe(operation)
              + " was rejected with the message \""
              + message
              + "\", which does not name the call "
              + method
              + " and all its arguments");
    }
  }

  private static String methodName(OperationKind kind) {
    return kind == OperationKind.SET_CAPACITY ? "setCapacity" : kind.word();
  }

  private void outOfMemory(
      TraceOperation operation,
      CallValidity validity,
      StepResult result,
      Observation before,
      List<Region> holesBefore) {
    String call = describe(operation);
    if (validity == CallValidity.INVALID) {
      fail(
          Invariant.BAD_INPUT,
          call
              + " is bad input, but failed for memory instead of throwing"
              + " IllegalArgumentException");
    }
    checkUnchanged(call + " failed for memory", before);
    if (result.value() <= model.capacity()) {
      fail(
          Invariant.REQUESTED_CAPACITY,
          call
              + " failed for memory with requestedCapacity "
              + result.value()
              + ", which is not more than the capacity "
              + model.capacity());
    }
    long size = placedSize(operation);
    Region fit = smallestFit(holesBefore, size);
    if (fit != null) {
      fail(
          Invariant.SMALLEST_FIT,
          call
              + " failed for memory although the hole "
              + text(fit)
              + " fits "
              + size
              + " (holes "
              + text(holesBefore)
              + ")");
    }
  }

  private void succeeded(
      TraceOperation operation,
      CallValidity validity,
      StepResult result,
      Observation before,
      List<Region> holesBefore) {
    String call = describe(operation);
    if (validity == CallValidity.INVALID) {
      fail(
          Invariant.BAD_INPUT,
          call
              + " is bad input, but gave "
              + result.field()
              + " instead of throwing IllegalArgumentException");
      return;
    }
    long value = result.value();
    if (!checkPlacement(operation, value)) {
      return;
    }
    checkSmallestFit(operation, value, holesBefore);
    RangeSet<Long> expected = AllocationModel.space(before.blocks());
    AllocationModel.apply(expected, operation, value);
    model.record(operation, value);
    if (operation.kind() == OperationKind.REALLOC) {
      List<Region> blocks = observe("after " + call).blocks();
      List<Region> kept = AllocationModel.regions(expected);
      if (!blocks.equals(kept)) {
        fail(
            Invariant.REALLOC_KEEPS_OTHERS,
            call
                + " returned "
                + value
                + " and left the blocks "
                + text(blocks)
                + "; from "
                + text(before.blocks())
                + " it should leave "
                + text(kept));
      }
    }
  }

  /**
   * Checks where an {@code alloc}/{@code realloc} put its region.
   *
   * @return {@code false} if the result is not even a region, so the model cannot record it
   */
  private boolean checkPlacement(TraceOperation operation, long value) {
    long size = placedSize(operation);
    if (size < 0) {
      return true;
    }
    String call = describe(operation);
    if (size == 0) {
      if (value != 0) {
        fail(
            Invariant.PLACEMENT,
            call + " asks for size 0 and must return 0, but returned " + value);
      }
      return true;
    }
    if (value < 0 || value > model.capacity() - size) {
      fail(
          Invariant.PLACEMENT,
          call
              + " returned "
              + value
              + ", but ["
              + value
              + ", "
              + value
              + " + "
              + size
              + ") does not lie in [0, "
              + model.capacity()
              + ")");
      return value >= 0 && value <= Long.MAX_VALUE - size;
    }
    Region own =
        operation.kind() == OperationKind.REALLOC
            ? new Region(operation.first(), operation.second())
            : new Region(0, 0);
    if (model.overlapsAllocated(value, size, own)) {
      fail(
          Invariant.PLACEMENT,
          call
              + " returned "
              + value
              + ", so ["
              + value
              + ", "
              + (value + size)
              + ") overlaps live regions "
              + text(model.liveRegions()));
    }
    return true;
  }

  /** The size an {@code alloc}/{@code realloc} places, or -1 for calls that place nothing. */
  private static long placedSize(TraceOperation operation) {
    return switch (operation.kind()) {
      case ALLOC -> operation.first();
      case REALLOC -> operation.third();
      default -> -1;
    };
  }

  private void checkSmallestFit(TraceOperation operation, long value, List<Region> holesBefore) {
    long size = placedSize(operation);
    boolean moved =
        operation.kind() == OperationKind.REALLOC
            && (operation.second() == 0
                || (operation.third() >= operation.second() && value != operation.first()));
    if (size <= 0 || (operation.kind() == OperationKind.REALLOC && !moved)) {
      return;
    }
    Region fit = smallestFit(holesBefore, size);
    if (fit == null || fit.start() != value) {
      fail(
          Invariant.SMALLEST_FIT,
          describe(operation)
              + " placed "
              + size
              + " at "
              + value
              + "; the smallest hole that fits is "
              + (fit == null ? "none" : text(fit))
              + " (holes "
              + text(holesBefore)
              + ")");
    }
  }

  /** The smallest hole of at least {@code size}, the first in address order on a tie. */
  private static @Nullable Region smallestFit(List<Region> holes, long size) {
    Region best = null;
    for (Region hole : holes) {
      if (hole.size() >= size && (best == null || hole.size() < best.size())) {
        best = hole;
      }
    }
    return best;
  }

  private void checkAfter(
      TraceOperation operation, StepResult result, @Nullable StepResult referenceResult) {
    String call = describe(operation);
    Observation after = observe("after " + call);
    checkBlocks(call, after.blocks());
    long capacity = model.capacity();
    long free = model.freeSize();
    Observation expected =
        new Observation(
            capacity,
            after.blocks(),
            free,
            model.fragmentedFreeSize(),
            model.largestFreeHole(),
            capacity == 0 ? 0.0 : 1.0 - (double) free / capacity,
            free == 0 ? 0.0 : (double) model.fragmentedFreeSize() / free,
            model.blocks().isEmpty());
    if (!equalFigures(after, expected)) {
      fail(
          Invariant.METRICS,
          "after "
              + call
              + " the allocator shows "
              + after
              + "; by the spec's"
              + " definitions that is "
              + expected);
    }
    TraceReplayer pyglet = reference;
    if (pyglet != null && referenceResult != null) {
      String mine = ReplayFormat.line(result, allocator());
      String theirs = ReplayFormat.line(referenceResult, pyglet.allocator());
      if (!mine.equals(theirs)) {
        fail(
            Invariant.PYGLET_REFERENCE,
            call + " gave \"" + mine + "\"; pyglet gives \"" + theirs + "\"");
      }
    }
  }

  private void checkBlocks(String call, List<Region> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      Region block = blocks.get(i);
      if (block.size() == 0) {
        fail(
            Invariant.BLOCK_LIST,
            "after " + call + " the block list " + text(blocks) + " has an empty block");
      }
      if (i > 0 && block.start() <= blocks.get(i - 1).end()) {
        Region previous = blocks.get(i - 1);
        String problem =
            block.start() == previous.end()
                ? " are adjacent: touching blocks must be merged"
                : " overlap or are out of order";
        fail(
            Invariant.BLOCK_LIST,
            "after "
                + call
                + " the blocks "
                + text(previous)
                + " and "
                + text(block)
                + problem
                + " (block list "
                + text(blocks)
                + ")");
      }
    }
    List<Region> expected = model.blocks();
    if (!blocks.equals(expected)) {
      fail(
          Invariant.BLOCK_LIST,
          "after "
              + call
              + " the block list is "
              + text(blocks)
              + ", but the allocated space is "
              + text(expected));
    }
  }

  private void checkUnchanged(String what, Observation before) {
    Observation after = observe("after " + what);
    if (!equalFigures(before, after)) {
      fail(
          Invariant.FAILURE_ATOMICITY,
          what + " but changed the allocator from " + before + " to " + after);
    }
  }

  /** Compares exactly, except usage and fragmentation, which only have to agree to rounding. */
  private static boolean equalFigures(Observation a, Observation b) {
    return a.capacity() == b.capacity()
        && a.blocks().equals(b.blocks())
        && a.freeSize() == b.freeSize()
        && a.fragmentedFreeSize() == b.fragmentedFreeSize()
        && a.largestFreeHole() == b.largestFreeHole()
        && Math.abs(a.usage() - b.usage()) <= RATIO_TOLERANCE
        && Math.abs(a.fragmentation() - b.fragmentation()) <= RATIO_TOLERANCE
        && a.empty() == b.empty();
  }

  private Observation observe(String when) {
    try {
      return Observation.of(allocator());
    } catch (RuntimeException e) {
      ContractViolation violation =
          new ContractViolation(
              Invariant.CALL_OUTCOME, "reading the allocator " + when + " threw " + e);
      violation.initCause(e);
      throw violation;
    }
  }

  /** Names a call by its trace line and its line number in {@link #trace()}. */
  private String describe(TraceOperation operation) {
    return "`" + operation.toTraceLine() + "` (trace line " + (operations.size() + 1) + ")";
  }

  private void fail(Invariant invariant, String message) {
    if (checked.contains(invariant)) {
      throw new ContractViolation(invariant, message);
    }
  }

  private static String text(Region region) {
    return region.start() + ":" + region.size();
  }

  private static String text(List<Region> regions) {
    return ReplayFormat.appendRegions(new StringBuilder(), regions).toString();
  }
}
