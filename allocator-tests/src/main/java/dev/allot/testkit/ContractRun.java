package dev.allot.testkit;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.CompactionPlan;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
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
 *
 * @since 0.1.0
 */
public final class ContractRun {

  /**
   * The largest capacity a memory failure is answered with; larger requests (from deliberately huge
   * sizes) are not retried, so a strategy that keeps an array of {@code capacity} entries is never
   * asked for gigabytes.
   */
  public static final long RETRY_CAPACITY_LIMIT = 1L << 20;

  /*
   * Each invariant has its checker; a step runs them in two phases, in this order, which is also
   * the order in which a step that breaks several invariants reports them:
   *
   *   call the allocator (CallOutcomeChecker)
   *   outcome checkers, judging the call against the model before it: bad input, failure
   *     atomicity, requested capacity, placement, smallest fit, realloc keeps others, compaction,
   *     aligned placement, the figures of a memory failure (MemoryFiguresChecker, under METRICS)
   *   the model records the call if it succeeded on good input with a region it can hold, or
   *     moves its live regions by the plan of a compaction
   *   state checkers, comparing what the allocator shows with the model after it: block list,
   *     the block-list probe when chosen, metrics, and when chosen the pyglet reference and the
   *     twin that makes alignment-1 calls unaligned
   *
   * Every checker runs at every step, chosen or not (but the pyglet reference's, the alignment-1
   * twin's and the block-list probe's, which run only when chosen: stateCheckers), and a problem is
   * reported only for a chosen invariant, so that a step reads the allocator the same way whichever
   * invariants are chosen.
   */

  /** The checkers of a call's outcome, in the order they run. */
  private static final List<InvariantChecker<Step>> OUTCOME_CHECKERS =
      List.of(
          new BadInputChecker(),
          new FailureAtomicityChecker(),
          new RequestedCapacityChecker(),
          new PlacementChecker(),
          new SmallestFitChecker(),
          new ReallocKeepsOthersChecker(),
          new CompactionChecker(),
          new AlignedPlacementChecker(),
          new MemoryFiguresChecker());

  private final Set<Invariant> checked;
  private final TraceReplayer subject;

  /** Between the replayer and the allocator under test; set when the replayer creates it. */
  private @Nullable MemoryFailureWitness witness;

  private final AllocationModel model;
  private final long initialCapacity;
  private final List<TraceOperation> operations = new ArrayList<>();

  /** The checkers of the state after a call, in the order they run. */
  private final List<InvariantChecker<StepState>> stateCheckers;

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
    this.subject = new TraceReplayer(new WitnessedStrategy(strategy, this::witnessed));
    this.stateCheckers = stateCheckers(checked, strategy, capacity);
    TraceOperation start = TraceOperation.of(OperationKind.CAPACITY, 1, capacity);
    String call = describe(start);
    StepResult created = CallOutcomeChecker.call(subject, start, call);
    if (created.outcome() != Outcome.OK) {
      throw new ContractViolation(
          Invariant.CALL_OUTCOME, "create(" + capacity + ") was rejected: " + created.detail());
    }
    checkState(start, call, created);
  }

  /**
   * The checkers of the state for the chosen invariants: all but three run always; the pyglet
   * reference and the alignment-1 twin (a second allocator of the strategy) run beside the subject
   * only when chosen, and the block-list probe, which appends to the list the allocator returned
   * (and takes it out again), only when {@link Invariant#BLOCK_LIST} is chosen, so that no other
   * property's run writes to what a strategy handed out.
   */
  private static List<InvariantChecker<StepState>> stateCheckers(
      Set<Invariant> checked, AllocationStrategy strategy, long capacity) {
    List<InvariantChecker<StepState>> checkers = new ArrayList<>();
    checkers.add(new BlockListChecker());
    if (checked.contains(Invariant.BLOCK_LIST)) {
      checkers.add(new RegionListIsolationChecker());
    }
    checkers.add(new MetricsChecker());
    if (checked.contains(Invariant.PYGLET_REFERENCE)) {
      checkers.add(new PygletReferenceChecker());
    }
    if (checked.contains(Invariant.ALIGNMENT)) {
      checkers.add(new AlignmentOneChecker(strategy, capacity));
    }
    return List.copyOf(checkers);
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
    return witness().subject();
  }

  private void witnessed(MemoryFailureWitness created) {
    witness = created;
  }

  private MemoryFailureWitness witness() {
    return Objects.requireNonNull(witness, "created in the constructor");
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
    report(
        Invariant.REQUESTED_CAPACITY,
        RequestedCapacityChecker.checkRetry(failed, failure, retried));
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
    Observation after = CallOutcomeChecker.observe(allocator(), "after freeing everything");
    report(Invariant.FREE_ALL_EMPTIES, FreeAllEmptiesChecker.check(after, model.capacity()));
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
    Observation before =
        CallOutcomeChecker.observe(allocator(), "before " + operation.toTraceLine());
    CallValidity validity = model.validity(operation);
    List<Region> holesBefore = model.holes();
    operations.add(operation);
    String call = describe(operation);
    StepResult result = CallOutcomeChecker.call(subject, operation, call);
    @Nullable AllocatorMemoryException memoryFailure = witness().takeFailure();
    @Nullable CompactionPlan plan = result.outcome() == Outcome.MOVED ? subject.lastPlan() : null;
    Step step =
        new Step(
            operation,
            call,
            validity,
            before,
            holesBefore,
            result,
            memoryFailure,
            model,
            allocator(),
            plan);
    check(OUTCOME_CHECKERS, step);
    if (step.recordable()) {
      model.record(operation, result.value());
    } else if (plan != null) {
      model.compacted(plan::translate);
    }
    checkState(operation, call, result);
    return result;
  }

  /** Runs the checkers of the state the allocator shows after a call. */
  private void checkState(TraceOperation operation, String call, StepResult result) {
    Observation after = CallOutcomeChecker.observe(allocator(), "after " + call);
    check(stateCheckers, new StepState(operation, call, result, after, model, allocator()));
  }

  /** Runs checkers in order; the first problem of a chosen invariant ends the run. */
  private <T> void check(List<InvariantChecker<T>> checkers, T subject) {
    for (InvariantChecker<T> checker : checkers) {
      report(checker.invariant(), checker.check(subject));
    }
  }

  /** Names a call by its trace line and its line number in {@link #trace()}. */
  private String describe(TraceOperation operation) {
    return "`" + operation.toTraceLine() + "` (trace line " + (operations.size() + 1) + ")";
  }

  /** Throws a problem found for a chosen invariant; ignores one for an invariant not chosen. */
  private void report(Invariant invariant, @Nullable String problem) {
    if (problem != null && checked.contains(invariant)) {
      throw new ContractViolation(invariant, problem);
    }
  }
}
