package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Threads share one {@code synchronizedAllocator(growing(strategy))}, each allocating, growing,
 * reallocating and freeing its own regions; afterwards no two live regions overlap, every live
 * region is allocated, and the allocated total is exactly the sum of the live regions. Run once by
 * hand without the lock, the same test failed within a second on first-fit and best-fit (a
 * corrupted tree, a memory failure that growth should have prevented); it runs here on the API
 * tests' plain strategy, since what it checks is the decorators' locking.
 */
@Tag("slow") // four threads, seconds of contention
class SynchronizedStressTest {

  /** Threads sharing the allocator: more than the two cores CI has, so they interleave. */
  private static final int THREADS = 4;

  /**
   * Calls per thread: enough to grow and relocate, and, measured with the lock taken out, to fail
   * within a tenth of a second (a lost block, a concurrent modification of the tree map).
   */
  private static final int CALLS = 5_000;

  /** A hang guard only: the run takes seconds; this is not a speed assertion. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  /** What one thread holds and did. */
  private record Outcome(List<Region> live, long relocations) {}

  @Test
  void sharedAllocator_threadsChurnTheirOwnRegions_regionsDisjointAndTotalsExact() {
    AtomicLong relocations = new AtomicLong();
    AtomicLong growths = new AtomicLong();
    Allocator shared =
        Allocators.synchronizedAllocator(
            Allocators.growing(
                new TreeMapAllocator(64),
                GrowthPolicy.doubling(),
                (oldCapacity, newCapacity) -> growths.incrementAndGet(),
                (oldStart, newStart, size) -> relocations.incrementAndGet()));

    List<Outcome> outcomes = assertTimeoutPreemptively(HANG_GUARD, () -> runThreads(shared));

    List<Region> live = new ArrayList<>();
    long movedByThreads = 0;
    for (Outcome outcome : outcomes) {
      live.addAll(outcome.live());
      movedByThreads += outcome.relocations();
    }
    live.sort(Comparator.comparingLong(Region::start));
    long liveTotal = 0;
    for (int i = 0; i < live.size(); i++) {
      Region region = live.get(i);
      if (i > 0) {
        Region previous = live.get(i - 1);
        assertTrue(previous.end() <= region.start(), previous + " overlaps " + region);
      }
      assertTrue(isAllocated(shared, region), region + " is live but not allocated");
      liveTotal += region.size();
    }
    AllocatorInvariants.check(shared);
    assertEquals(
        shared.getCapacity() - liveTotal,
        shared.getFreeSize(),
        "free size = capacity - live regions");
    assertEquals(
        movedByThreads, relocations.get(), "every move the threads saw reached the listener once");
    assertTrue(growths.get() > 0 && relocations.get() > 0, "the run must grow and relocate");
    for (Region region : live) {
      shared.dealloc(region.start(), region.size());
    }
    assertTrue(shared.isEmpty(), "freeing every live region empties the allocator");
  }

  private static List<Outcome> runThreads(Allocator shared) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        Callable<Outcome> worker =
            () -> {
              start.await();
              return churn(shared, new SplittableRandom(seed));
            };
        futures.add(pool.submit(worker));
      }
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One thread's calls: only on its own regions, so any overlap is the allocator's doing. */
  private static Outcome churn(Allocator shared, SplittableRandom random) {
    List<Region> mine = new ArrayList<>();
    long relocations = 0;
    for (int call = 0; call < CALLS; call++) {
      int choice = random.nextInt(10);
      if (mine.isEmpty() || choice < 4) {
        long size = 1L + random.nextInt(32);
        mine.add(new Region(shared.alloc(size), size));
      } else if (choice < 7) {
        int index = random.nextInt(mine.size());
        Region region = mine.get(index);
        long newSize = 1L + random.nextInt(48);
        long newStart = shared.realloc(region.start(), region.size(), newSize);
        if (newStart != region.start()) {
          relocations++;
        }
        mine.set(index, new Region(newStart, newSize));
      } else if (choice < 9) {
        Region region = mine.remove(random.nextInt(mine.size()));
        shared.dealloc(region.start(), region.size());
      } else {
        // free a prefix: legal, and it splits a block the other threads may be growing into
        int index = random.nextInt(mine.size());
        Region region = mine.get(index);
        if (region.size() > 1) {
          shared.dealloc(region.start(), 1);
          mine.set(index, new Region(region.start() + 1, region.size() - 1));
        }
      }
    }
    return new Outcome(mine, relocations);
  }

  private static boolean isAllocated(Allocator allocator, Region region) {
    for (Region block : allocator.getAllocatedRegions()) {
      if (block.contains(region.start(), region.size())) {
        return true;
      }
    }
    return false;
  }
}
