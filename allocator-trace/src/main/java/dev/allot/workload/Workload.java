package dev.allot.workload;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.CompactionPlan;
import dev.allot.GrowthPolicy;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Drives an {@link Allocator} with a seeded, repeatable program of one {@link WorkloadKind},
 * holding the live regions a caller would hold. {@link #fill(int)} builds the live set; each {@link
 * #step()} then changes it once. Where the allocator runs out of capacity, the workload grows it
 * through {@link Allocators#growing} with {@link GrowthPolicy#doubling()}, as a vertex domain grows
 * its buffer and as {@code compare} grows by default, and counts growths and relocations with the
 * decorator's listeners.
 *
 * <p>Placements ask for the workload's alignment (1, the unaligned calls, unless created with
 * another); {@link WorkloadKind#UNIFORM} asks for 256 for its uniform ranges whatever it is.
 *
 * <p>The counters ({@link #operations()}, {@link #relocations()}, {@link #growths()}, {@link
 * #peakCapacity()}) are plain fields, so reading them after every step costs nothing. Live regions
 * sit in two primitive arrays; a step allocates nothing itself. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class Workload {

  /** Largest size churn allocates. */
  private static final int CHURN_MAX_SIZE = 64;

  /** The alignment of a uniform buffer range: OpenGL's and Vulkan's usual offset alignment. */
  static final long UNIFORM_ALIGNMENT = 256;

  /** Uniform blocks are whole 16-byte vectors (std140): sizes are multiples of this. */
  private static final int UNIFORM_SIZE_STEP = 16;

  /** Largest uniform range, in steps: 64 * 16 = 1024. */
  private static final int UNIFORM_MAX_STEPS = 64;

  /** Largest size a text region is created with. */
  private static final int TEXT_NEW_MAX_SIZE = 16;

  /** Largest growth of a text region in one step. */
  private static final int TEXT_MAX_GROWTH = 8;

  /** A text region that would grow past this is freed and re-created small instead. */
  private static final int TEXT_MAX_SIZE = 256;

  private final WorkloadKind kind;
  private final Allocator allocator;
  private final Allocator growing;
  private final long alignment;
  private final SplittableRandom random;
  private long[] starts = new long[16];
  private long[] sizes = new long[16];
  private int live;
  private long liveIndices;
  private long operations;
  private long relocations;
  private long growths;
  private long peakCapacity;

  /**
   * Creates a workload with no live regions; {@link WorkloadKind#create} is the usual way.
   *
   * @param kind the shape of the traffic
   * @param allocator the allocator to drive
   * @param seed the seed of every random choice
   */
  public Workload(WorkloadKind kind, Allocator allocator, long seed) {
    this(kind, allocator, seed, 1);
  }

  /**
   * Creates a workload with no live regions whose placements ask for {@code alignment}: every
   * {@code alloc} and {@code realloc}, except the uniform ranges of {@link WorkloadKind#UNIFORM},
   * which always ask for 256. Alignment 1 makes the unaligned calls.
   *
   * @param kind the shape of the traffic
   * @param allocator the allocator to drive
   * @param seed the seed of every random choice
   * @param alignment the alignment of the placements, {@code >= 1}
   * @throws IllegalArgumentException if {@code alignment < 1}
   */
  public Workload(WorkloadKind kind, Allocator allocator, long seed, long alignment) {
    if (alignment < 1) {
      throw new IllegalArgumentException(
          "Workload(" + kind + ", " + alignment + "): alignment below 1");
    }
    this.kind = kind;
    this.allocator = allocator;
    this.alignment = alignment;
    this.growing = Allocators.growing(allocator, GrowthPolicy.doubling(), this::grown, this::moved);
    this.random = new SplittableRandom(seed);
    this.peakCapacity = allocator.getCapacity();
  }

  private void grown(long oldCapacity, long newCapacity) {
    growths++;
    peakCapacity = Math.max(peakCapacity, newCapacity);
  }

  private void moved(long oldStart, long newStart, long size) {
    relocations++;
  }

  /**
   * Allocates new regions until {@code live} regions are live, growing the capacity as needed.
   *
   * @param live the number of live regions wanted, {@code >= 0}
   * @throws IllegalArgumentException if {@code live} is negative
   */
  public void fill(int live) {
    if (live < 0) {
      throw new IllegalArgumentException("fill(" + live + "): negative number of regions");
    }
    if (live > starts.length) {
      starts = Arrays.copyOf(starts, live);
      sizes = Arrays.copyOf(sizes, live);
    }
    while (this.live < live) {
      liveIndices += place(this.live);
      this.live++;
    }
  }

  /**
   * Makes one change to the live set: churn and sprites free a random region and allocate a new one
   * (two operations); text grows a random region by {@code realloc} (one operation), or frees and
   * re-creates one that grew large (two). Needs at least one live region.
   *
   * @throws IllegalStateException if no region is live
   */
  public void step() {
    if (live == 0) {
      throw new IllegalStateException("step(): no live region; call fill first");
    }
    int index = random.nextInt(live);
    long start = starts[index];
    long size = sizes[index];
    if (kind == WorkloadKind.TEXT) {
      long grown = size + 1 + random.nextInt(TEXT_MAX_GROWTH);
      if (grown <= TEXT_MAX_SIZE) {
        starts[index] =
            alignment == 1
                ? growing.realloc(start, size, grown)
                : growing.realloc(start, size, grown, alignment);
        sizes[index] = grown;
        liveIndices += grown - size;
        operations++;
        return;
      }
    }
    growing.dealloc(start, size);
    liveIndices += place(index) - size;
    operations += 2;
  }

  /**
   * Compacts the allocator fully ({@link Allocator#compact()}) and moves the starts the workload
   * holds with the plan, as a caller that copies its buffer would. Counts no operation.
   *
   * @return the plan applied
   */
  public CompactionPlan compact() {
    CompactionPlan plan = growing.compact();
    for (int i = 0; i < live; i++) {
      starts[i] = plan.translate(starts[i]);
    }
    return plan;
  }

  /** Allocates a new region of the kind's next size as live region {@code index}; its size. */
  private long place(int index) {
    boolean uniformRange = kind == WorkloadKind.UNIFORM && random.nextBoolean();
    long size =
        uniformRange ? UNIFORM_SIZE_STEP * (1L + random.nextInt(UNIFORM_MAX_STEPS)) : newSize();
    long regionAlignment = uniformRange ? UNIFORM_ALIGNMENT : alignment;
    starts[index] =
        regionAlignment == 1 ? growing.alloc(size) : growing.alloc(size, regionAlignment);
    sizes[index] = size;
    return size;
  }

  /** The size of a new region; for {@link WorkloadKind#UNIFORM}, of a vertex range. */
  private long newSize() {
    return switch (kind) {
      case CHURN, UNIFORM -> 1 + random.nextInt(CHURN_MAX_SIZE);
      case SPRITES -> random.nextBoolean() ? 4 : 6;
      case TEXT -> 1 + random.nextInt(TEXT_NEW_MAX_SIZE);
    };
  }

  /**
   * Returns the kind of traffic.
   *
   * @return the kind
   */
  public WorkloadKind kind() {
    return kind;
  }

  /**
   * Returns the alignment the placements ask for.
   *
   * @return 1 for the unaligned calls
   */
  public long alignment() {
    return alignment;
  }

  /**
   * Returns the allocator being driven.
   *
   * @return the allocator
   */
  public Allocator allocator() {
    return allocator;
  }

  /**
   * Returns the number of live regions.
   *
   * @return the live count
   */
  public int live() {
    return live;
  }

  /**
   * Returns the total size of the live regions: what the allocator must hold allocated.
   *
   * @return the sum of the live regions' sizes
   */
  public long liveIndices() {
    return liveIndices;
  }

  /**
   * Returns the allocator calls {@link #step()} has made: {@code alloc}, {@code dealloc} and {@code
   * realloc} each count one; retries after growth and {@link #fill} do not count.
   *
   * @return the operation count
   */
  public long operations() {
    return operations;
  }

  /**
   * Returns how often {@code realloc} moved a region, so the caller had to copy its data.
   *
   * @return the relocation count
   */
  public long relocations() {
    return relocations;
  }

  /**
   * Returns how often the capacity was raised, in {@link #fill} and {@link #step()}.
   *
   * @return the growth count
   */
  public long growths() {
    return growths;
  }

  /**
   * Returns the largest capacity the allocator has had while driven.
   *
   * @return the peak capacity
   */
  public long peakCapacity() {
    return peakCapacity;
  }
}
