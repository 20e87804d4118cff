package dev.allot.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Allot's strategies beside the allocator a LWJGL programmer already has, in the same JVM: VMA's
 * virtual blocks ({@code org.lwjgl:lwjgl-vma}, TLSF in C++ behind JNI), on one {@link ChurnStream}
 * (the {@code shared/peers} stream: sizes 1..64, capacity 256 per live region, no growth). Reported
 * per call: one invocation frees one region and allocates one, two calls.
 *
 * <pre>
 * java -jar allocator-benchmarks/target/benchmarks.jar PeerChurnBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar allocator-benchmarks/target/benchmarks.jar PeerChurnBenchmark -p impl=tlsf,vma -p live=1000000
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeerChurnBenchmark {

  /** Pairs in the stream, replayed cyclically: a power of two, so the wrap is a mask. */
  private static final int PAIRS = 1 << 22;

  /** An Allot strategy name, or {@code vma}. */
  @Param({"first-fit", "best-fit", "tlsf", "vma"})
  public String impl = "tlsf";

  /** Live regions held during the trial. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int live = 1000;

  private int[] pairs = new int[0];
  private int next;
  private StreamReplayer replayer;

  /** Builds the stream and the implementation, and fills it. */
  @Setup(Level.Trial)
  public void setUp() {
    ChurnStream stream = ChurnStream.generate(live, PAIRS, WorkloadState.SEED);
    pairs = stream.pairs();
    replayer =
        impl.equals("vma")
            ? new VmaReplayer(stream.capacity())
            : new AllotReplayer(BenchmarkStrategies.require(impl, live).create(stream.capacity()));
    replayer.fill(stream.fill());
  }

  /** Frees native memory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    replayer.close();
  }

  /** One pair of the stream: a free and an alloc. */
  @Benchmark
  @OperationsPerInvocation(2)
  public void freeThenAlloc() {
    int pair = pairs[next];
    next = (next + 1) & (PAIRS - 1);
    replayer.replace(ChurnStream.slot(pair), ChurnStream.size(pair));
  }
}
