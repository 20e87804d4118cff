package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allot.fixture.TreeMapAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SynchronizedAllocatorTest {

  /** Enough rounds that an unguarded allocator loses blocks or hands one index out twice. */
  private static final int ROUNDS = 20_000;

  @Test
  void sharedByThreads_neverHandsOutOneIndexTwiceAndEndsEmpty() throws Exception {
    Allocator shared = Allocators.synchronizedAllocator(new TreeMapAllocator(1 << 12));
    Map<Long, Thread> owners = new ConcurrentHashMap<>();
    int threads = 4;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean aligned = t % 2 == 1; // half the threads use the aligned calls, each under the lock
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < ROUNDS; i++) {
                  long start = aligned ? shared.alloc(1, 8) : shared.alloc(1);
                  assertEquals(0, aligned ? start % 8 : 0, "unaligned start " + start);
                  assertNull(
                      owners.put(start, Thread.currentThread()),
                      "index " + start + " handed out twice");
                  owners.remove(start);
                  if (aligned) {
                    shared.realloc(start, 1, 0, 8);
                  } else {
                    shared.dealloc(start, 1);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(shared.isEmpty());
    assertEquals(1 << 12, shared.getFreeSize());
    assertEquals(TreeMapAllocator.NAME, shared.getStrategyName());
  }

  /** Enough checks that, unlocked, one of them reads across another thread's call. */
  private static final int CHECKS = 2_000;

  @Test
  void invariantsCheck_whileOtherThreadsCall_seesOneConsistentState() throws Exception {
    Allocator shared = Allocators.synchronizedAllocator(new TreeMapAllocator(1 << 12));
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> churners = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      churners.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  long small = shared.alloc(3);
                  long large = shared.alloc(5);
                  shared.dealloc(small, 3);
                  shared.dealloc(large, 5);
                }
                return null;
              }));
    }
    try {
      for (int check = 0; check < CHECKS; check++) {
        AllocatorInvariants.check(shared);
      }
    } finally {
      stop.set(true);
      for (Future<?> churner : churners) {
        churner.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertTrue(shared.isEmpty());
  }
}
