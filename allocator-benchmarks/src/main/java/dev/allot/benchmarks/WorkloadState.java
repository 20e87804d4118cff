package dev.allot.benchmarks;

import dev.allot.workload.Workload;
import dev.allot.workload.WorkloadKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The parameters every benchmark shares and the workload they build: one strategy, one count of
 * live regions, filled before the first iteration and then changed one step per invocation for the
 * whole trial (a steady state: the live count never changes).
 */
@State(Scope.Thread)
public abstract class WorkloadState {

  /** The seed of every workload, so that all strategies see the same program. */
  static final long SEED = 20_240_601L;

  /** The strategy: a registered name, or {@code pyglet-reference} for the literal baseline. */
  @Param({"first-fit", "best-fit", "tlsf", "pyglet-reference"})
  public String strategy = "first-fit";

  /** Live regions held during the trial. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int live = 1000;

  /** The running workload; {@link #setUp()} builds it before any benchmark method runs. */
  protected Workload workload;

  /** Returns the kind of traffic the benchmark drives. */
  protected abstract WorkloadKind kind();

  /**
   * Returns the alignment every placement of the workload asks for.
   *
   * @return 1 (the unaligned calls) unless a benchmark says otherwise
   */
  protected long alignment() {
    return 1;
  }

  /**
   * Creates the allocator (capacity 0, grown by the workload) and fills it with {@link #live}
   * regions.
   */
  @Setup(Level.Trial)
  public void setUp() {
    workload =
        kind().create(BenchmarkStrategies.require(strategy, live).create(0), SEED, alignment());
    workload.fill(live);
  }
}
