package dev.allot.examples;

import dev.allot.Allocator;
import dev.allot.Allocators;
import dev.allot.GrowthPolicy;
import dev.allot.RecordingAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Captures a workload as a trace with the recording allocator, for {@code compare} and {@code map}
 * to replay. The workload is a sprite batch in a growing first-fit buffer: sprites of mostly small,
 * sometimes large vertex counts come and go, and some grow; the buffer doubles when full.
 *
 * <p>Run: {@code java -cp examples/target/allocator-examples.jar
 * dev.allot.examples.RecordingExample sprites.trace [CALLS] [SEED]}.
 */
public final class RecordingExample {

  /** Calls recorded when no count is given. */
  private static final int DEFAULT_CALLS = 20_000;

  /** The live sprites the workload hovers around. */
  private static final int TARGET_LIVE = 300;

  private RecordingExample() {}

  /**
   * Records the workload into a file.
   *
   * @param args the trace file, then optionally the call count and the seed
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: RecordingExample FILE.trace [CALLS] [SEED]");
      System.exit(2);
    }
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CALLS;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    // The recorder owns the file: each line is written before its call, and the file ends at a
    // whole line even if the disk fills up.
    try (RecordingAllocator recorder =
        Allocators.recording(Allocators.create("first-fit", 1024), Path.of(args[0]))) {
      record(recorder, calls, seed);
    }
    System.out.println("recorded " + calls + " calls to " + args[0]);
  }

  static void record(RecordingAllocator recorder, int calls, long seed) {
    Allocator sprites =
        Allocators.growing(
            recorder,
            GrowthPolicy.doubling(),
            // Only the trace is wanted: there is no vertex data to enlarge or move.
            (oldCapacity, newCapacity) -> {},
            (oldStart, newStart, size) -> {});
    Random random = new Random(seed);
    List<long[]> live = new ArrayList<>();
    for (int call = 0; call < calls; call++) {
      double roll = random.nextDouble();
      boolean grow =
          live.size() < TARGET_LIVE / 2 || roll < 0.45 * TARGET_LIVE / Math.max(1, live.size());
      if (live.isEmpty() || grow) {
        long size = random.nextInt(10) == 0 ? 256 + random.nextInt(768) : 4 + random.nextInt(60);
        live.add(new long[] {sprites.alloc(size), size});
      } else {
        int index = random.nextInt(live.size());
        long[] sprite = live.get(index);
        if (roll < 0.8) {
          sprites.dealloc(sprite[0], sprite[1]);
          live.set(index, live.get(live.size() - 1));
          live.remove(live.size() - 1);
        } else {
          long newSize = sprite[1] + 1 + random.nextInt((int) sprite[1]);
          sprite[0] = sprites.realloc(sprite[0], sprite[1], newSize);
          sprite[1] = newSize;
        }
      }
    }
  }
}
