package dev.allot.testkit;

import dev.allot.testkit.reference.PygletReferenceStrategy;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceReplayer;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link Invariant#PYGLET_REFERENCE}: every result, block list and metric equals the literal
 * pyglet 2.1 reference's. It runs that reference side by side, making each call on it as it checks
 * the call, so one checker serves one run. Not thread-safe.
 */
final class PygletReferenceChecker implements InvariantChecker<StepState> {

  /** The reference, which has seen every call checked so far. */
  private final TraceReplayer reference = new TraceReplayer(new PygletReferenceStrategy());

  @Override
  public Invariant invariant() {
    return Invariant.PYGLET_REFERENCE;
  }

  @Override
  public @Nullable String check(StepState state) {
    StepResult referenceResult = reference.apply(state.operation());
    String mine = ReplayFormat.line(state.result(), state.allocator());
    String theirs = ReplayFormat.line(referenceResult, reference.allocator());
    return mine.equals(theirs)
        ? null
        : state.call() + " gave \"" + mine + "\"; pyglet gives \"" + theirs + "\"";
  }
}
