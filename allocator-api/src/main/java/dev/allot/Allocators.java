package dev.allot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The entry point: creates allocators from the strategies found on the classpath.
 *
 * <p>Strategies are found with {@link java.util.ServiceLoader}, using the class loader that loaded
 * this API, the first time one is asked for. A provider that fails to load, or whose {@link
 * AllocationStrategy#getName() getName()} or {@link AllocationStrategy#getPriority() getPriority()}
 * throws, or whose name is null or blank, is logged with the cause and skipped; the others work on.
 * Of two providers with the same name, the one with the higher priority is kept (on a tie, the one
 * whose class name comes first in alphabetical order), with a warning naming both classes. {@link
 * #create(long)} picks the strategy by these rules, in order:
 *
 * <ol>
 *   <li>the system property {@value StrategyCatalog#STRATEGY_PROPERTY}, if set, names it (an
 *       unknown or empty name is an error, not a fallback);
 *   <li>the only strategy on the classpath, if there is one;
 *   <li>among several, the highest {@link AllocationStrategy#getPriority() priority}, ties broken
 *       by name in alphabetical order; a warning names the candidates and how to choose;
 *   <li>with none, an {@link IllegalStateException} says which artifact to add.
 * </ol>
 *
 * <pre>{@code
 * Allocator allocator = Allocators.create(1024);            // the classpath decides
 * Allocator bestFit = Allocators.create("best-fit", 1024);  // explicit
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Allocators {

  private Allocators() {}

  /** Loaded on first use, so that merely touching this class costs nothing. */
  private static final class Holder {
    static final StrategyCatalog CATALOG =
        StrategyCatalog.load(
            Allocators.class.getClassLoader(), LoggerFactory.getLogger(Allocators.class));
  }

  /**
   * Creates an allocator of the strategy the choice rules pick.
   *
   * @param capacity the initial capacity, {@code >= 0}
   * @return a new empty allocator
   * @throws IllegalStateException if no strategy is on the classpath, or the system property names
   *     none of them, or the strategy returned {@code null}
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public static Allocator create(long capacity) {
    return create(defaultStrategy(), capacity);
  }

  /**
   * Creates an allocator of the named strategy.
   *
   * @param strategy the strategy name, e.g. {@code first-fit}
   * @param capacity the initial capacity, {@code >= 0}
   * @return a new empty allocator
   * @throws IllegalArgumentException if no strategy has that name (the message lists those there
   *     are), or {@code capacity} is negative
   * @throws IllegalStateException if no strategy is on the classpath at all, or the strategy
   *     returned {@code null}
   */
  public static Allocator create(String strategy, long capacity) {
    return create(strategy(strategy), capacity);
  }

  /**
   * Creates an allocator of the given strategy, checking what the provider returns: code that holds
   * an {@link AllocationStrategy} (a replay tool, a benchmark) calls this rather than {@link
   * AllocationStrategy#create(long)}, so that a broken provider is named instead of a {@code null}
   * travelling on.
   *
   * @param strategy the strategy
   * @param capacity the initial capacity, {@code >= 0}
   * @return a new empty allocator
   * @throws IllegalStateException if the strategy returned {@code null}
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public static Allocator create(AllocationStrategy strategy, long capacity) {
    @Nullable Allocator allocator = strategy.create(capacity);
    if (allocator == null) {
      throw new IllegalStateException(
          "AllocationStrategy '"
              + strategy.getName()
              + "' ("
              + strategy.getClass().getName()
              + ") returned null from create("
              + capacity
              + "); a strategy must return a new allocator");
    }
    return allocator;
  }

  /**
   * Returns the strategy {@link #create(long)} uses, by the choice rules above.
   *
   * @return the chosen strategy
   * @throws IllegalStateException if there is none, or the system property names none of them
   */
  public static AllocationStrategy defaultStrategy() {
    return Holder.CATALOG.defaultStrategy(System.getProperty(StrategyCatalog.STRATEGY_PROPERTY));
  }

  /**
   * Returns every strategy on the classpath.
   *
   * @return an immutable list, highest priority first, ties by name
   */
  public static List<AllocationStrategy> strategies() {
    return Holder.CATALOG.strategies();
  }

  /**
   * Returns the strategy with the given name.
   *
   * @param name the strategy name
   * @return the strategy
   * @throws IllegalArgumentException if none has that name; the message lists those there are
   * @throws IllegalStateException if no strategy is on the classpath at all
   */
  public static AllocationStrategy strategy(String name) {
    return Holder.CATALOG.strategy(Objects.requireNonNull(name, "name"));
  }

  /**
   * Wraps an allocator so that it grows instead of failing for lack of capacity, as pyglet's vertex
   * domain does: on {@link AllocatorMemoryException} the policy picks a new capacity, {@code
   * onGrow} is told {@code (oldCapacity, newCapacity)} so the caller can enlarge its real buffer,
   * then the capacity is raised and the call retried. Regions moved by {@code realloc} are reported
   * to {@code onMove}, which copies their data. Both listeners are required, so that relocations
   * are handled on purpose. {@link GrowingAllocator} states what happens when a listener throws.
   *
   * <pre>{@code
   * Allocator vertices = Allocators.growing(Allocators.create(1024), GrowthPolicy.doubling(),
   *     (oldCapacity, newCapacity) -> buffer = grow(buffer, newCapacity),
   *     (oldStart, newStart, size) -> copy(buffer, oldStart, newStart, size));
   * }</pre>
   *
   * @param allocator the allocator to grow; not to be used directly afterwards
   * @param policy picks the new capacity, e.g. {@link GrowthPolicy#doubling()}
   * @param onGrow resizes the caller's buffer before the capacity rises
   * @param onMove moves the data of a region that {@code realloc} relocated
   * @return the growing allocator
   */
  public static GrowingAllocator growing(
      Allocator allocator,
      GrowthPolicy policy,
      CapacityListener onGrow,
      RelocationListener onMove) {
    return new GrowingAllocator(allocator, policy, onGrow, onMove);
  }

  /**
   * Wraps an empty allocator so that every call is written to {@code file} as a trace line ({@code
   * docs/spec/trace-format.md}), starting with {@code capacity N}; failed calls are recorded too.
   * The recorder owns the file (created, or emptied if it exists): each line is written before its
   * call is made, a call whose line cannot be written is not made, and the file always ends at a
   * whole line. Close the recorder when done. Replay the trace later against any strategy. See
   * {@link RecordingAllocator} for every guarantee.
   *
   * <pre>{@code
   * try (RecordingAllocator recorder = Allocators.recording(Allocators.create(1024), trace)) {
   *   Allocator vertices = Allocators.growing(recorder, policy, onGrow, onMove);
   *   // ... run ...
   * }
   * }</pre>
   *
   * @param allocator the allocator to record, empty; not to be used directly afterwards
   * @param file the trace file to write
   * @return the recording allocator
   * @throws IllegalArgumentException if {@code allocator} is not empty (the file is then left as it
   *     was)
   * @throws UncheckedIOException if the file cannot be opened or the first line not written
   */
  public static RecordingAllocator recording(Allocator allocator, Path file) {
    Objects.requireNonNull(file, "file");
    RecordingAllocator.requireEmpty(allocator, "file");
    SeekableByteChannel channel;
    try {
      channel = UninterruptibleFileChannel.openEmpty(file);
    } catch (IOException e) {
      throw new UncheckedIOException("recording to " + file + ": " + e, e);
    }
    try {
      return new RecordingAllocator(allocator, new FileTraceSink(channel));
    } catch (RuntimeException e) {
      RuntimeException thrown =
          e instanceof UncheckedIOException io // the first line: say which file
              ? new UncheckedIOException(
                  "recording to " + file + ": " + io.getMessage(), io.getCause())
              : e;
      try {
        channel.close();
      } catch (IOException closing) {
        thrown.addSuppressed(closing);
      }
      throw thrown;
    }
  }

  /**
   * Wraps an empty allocator so that every call is written to {@code out} as a trace line ({@code
   * docs/spec/trace-format.md}), starting with {@code capacity N}; failed calls are recorded too.
   * Each line is given to {@code out} in one {@code append} and flushed before its call is made,
   * and a call whose line cannot be written is not made. What part of a failed line {@code out}
   * keeps is up to it: to record to a file, prefer {@link #recording(Allocator, Path)}, which
   * always ends the file at a whole line. See {@link RecordingAllocator}.
   *
   * @param allocator the allocator to record, empty; not to be used directly afterwards
   * @param out receives the lines, e.g. a {@link java.io.Writer} or {@link StringBuilder}; never
   *     closed
   * @return the recording allocator
   * @throws IllegalArgumentException if {@code allocator} is not empty
   * @throws UncheckedIOException if writing the first line fails
   */
  public static RecordingAllocator recording(Allocator allocator, Appendable out) {
    return new RecordingAllocator(allocator, new AppendableTraceSink(out));
  }

  /**
   * Wraps an allocator so that threads can share it: every call holds the wrapper's lock, and
   * sequences of calls can hold it too ({@code synchronized (wrapper) { ... }}). Allocators are not
   * thread-safe on their own, as in pyglet. See {@link SynchronizedAllocator}.
   *
   * @param allocator the allocator to guard; not to be used directly afterwards
   * @return the thread-safe allocator
   */
  public static SynchronizedAllocator synchronizedAllocator(Allocator allocator) {
    return new SynchronizedAllocator(allocator);
  }
}
