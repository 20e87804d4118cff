package dev.allot.tlsf;

import static dev.allot.tlsf.Chunks.NIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start index behind {@link Chunks#find}: collisions, deletion that shifts entries back (also
 * across the end of the table), growth, and starts past 2^32. Chunks are made through {@link
 * Chunks} itself, in address order, at starts chosen for where they hash.
 */
class StartIndexTest {

  private static final long CAPACITY = 1L << 40;

  /** The top 16 bits of a start's Fibonacci hash: equal values share a home in any small table. */
  private static long home16(long start) {
    return (start * 0x9E3779B97F4A7C15L) >>> 48;
  }

  /** The home of a start in a table of 8 slots, the size a new index starts with. */
  private static int home8(long start) {
    return (int) ((start * 0x9E3779B97F4A7C15L) >>> 61);
  }

  /**
   * The first {@code count} starts from {@code from} up whose hash has the top 16 bits {@code
   * home}.
   */
  private static List<Long> startsHomedAt(long home, long from, int count) {
    List<Long> starts = new ArrayList<>();
    for (long start = from; starts.size() < count; start++) {
      if (home16(start) == home) {
        starts.add(start);
      }
    }
    return starts;
  }

  /** Adds chunks at ascending starts, each after the previous one, and returns their ids. */
  private static List<Integer> addInOrder(Chunks chunks, List<Long> starts) {
    List<Integer> ids = new ArrayList<>();
    int after = Chunks.SENTINEL;
    for (long start : starts) {
      chunks.reserve();
      after = chunks.insertAfter(after, start, true);
      ids.add(after);
    }
    return ids;
  }

  /** Checks the index's slots (distances, tags, no gaps in a cluster), then finds each start. */
  private static void assertAllFound(Chunks chunks, List<Long> starts, List<Integer> ids) {
    chunks.checkIndex();
    for (int i = 0; i < starts.size(); i++) {
      assertEquals(ids.get(i), chunks.find(starts.get(i)), "start " + starts.get(i));
    }
  }

  @Test
  void find_startsThatShareAHome_findsEachAndNoOther() {
    Chunks chunks = new Chunks(CAPACITY);
    List<Long> starts = startsHomedAt(0x1234, 1, 5);
    List<Integer> ids = addInOrder(chunks, starts);
    assertAllFound(chunks, starts, ids);
    assertEquals(NIL, chunks.find(starts.get(4) + 1));
    assertEquals(NIL, chunks.find(startsHomedAt(0x1234, starts.get(4) + 1, 1).get(0)));
    assertEquals(Chunks.SENTINEL, chunks.find(CAPACITY));
  }

  @Test
  void remove_firstOfACluster_shiftsTheOthersBackAndKeepsThemFindable() {
    Chunks chunks = new Chunks(CAPACITY);
    List<Long> starts = startsHomedAt(0x4321, 1, 5);
    List<Integer> ids = addInOrder(chunks, starts);
    chunks.remove(ids.get(0));
    assertEquals(NIL, chunks.find(starts.get(0)));
    assertAllFound(chunks, starts.subList(1, 5), ids.subList(1, 5));
    chunks.remove(ids.get(2));
    assertEquals(NIL, chunks.find(starts.get(2)));
    assertAllFound(
        chunks,
        List.of(starts.get(1), starts.get(3), starts.get(4)),
        List.of(ids.get(1), ids.get(3), ids.get(4)));
  }

  @Test
  void remove_clusterWrappingPastTheLastSlot_keepsEveryOtherStartFindable() {
    // homes in the last slot and in slot 0: the last-slot cluster wraps into slot 0 and beyond,
    // where entries homed at 0 must not move before their home when the hole is behind the end
    List<Long> last = startsHomedAt(0xFFFF, 1, 3);
    List<Long> first = startsHomedAt(0, 1, 3);
    List<Long> starts = new ArrayList<>(last);
    starts.addAll(first);
    starts.sort(null);
    for (long removed : starts) {
      Chunks chunks = new Chunks(CAPACITY);
      List<Integer> ids = addInOrder(chunks, starts);
      int at = starts.indexOf(removed);
      chunks.remove(ids.get(at));
      assertEquals(NIL, chunks.find(removed));
      List<Long> kept = new ArrayList<>(starts);
      List<Integer> keptIds = new ArrayList<>(ids);
      kept.remove(at);
      keptIds.remove(at);
      assertAllFound(chunks, kept, keptIds);
    }
  }

  @Test
  void remove_clusterPastTheSavedDistance_keepsEveryOtherStartFindable() {
    // 20 starts sharing one home: entries 3 and more slots from it carry the saturated distance,
    // which find and remove must resolve through the start; removing the first, one past the
    // saturation and the last shifts saturated and exact entries back across the boundary
    List<Long> starts = startsHomedAt(0x0F0F, 1, 20);
    for (int removed : List.of(0, 16, 19, 14)) {
      Chunks chunks = new Chunks(CAPACITY);
      List<Integer> ids = addInOrder(chunks, starts);
      assertAllFound(chunks, starts, ids);
      chunks.remove(ids.get(removed));
      assertEquals(NIL, chunks.find(starts.get(removed)));
      List<Long> kept = new ArrayList<>(starts);
      List<Integer> keptIds = new ArrayList<>(ids);
      kept.remove(removed);
      keptIds.remove(removed);
      assertAllFound(chunks, kept, keptIds);
      for (int i = 0; i < kept.size(); i += 3) {
        chunks.remove(keptIds.get(i));
        assertEquals(NIL, chunks.find(kept.get(i)));
      }
      for (int i = 0; i < kept.size(); i++) {
        assertEquals(i % 3 == 0 ? NIL : keptIds.get(i), chunks.find(kept.get(i)));
      }
    }
  }

  @Test
  void move_toANewStart_isFoundThereOnly() {
    Chunks chunks = new Chunks(CAPACITY);
    List<Long> starts = startsHomedAt(0x00FF, 1, 3);
    List<Integer> ids = addInOrder(chunks, starts);
    long moved = starts.get(1) + 1;
    chunks.move(ids.get(1), moved);
    assertEquals(NIL, chunks.find(starts.get(1)));
    assertEquals(ids.get(1), chunks.find(moved));
    assertEquals(moved, chunks.start(ids.get(1)));
    assertAllFound(chunks, List.of(starts.get(0), starts.get(2)), List.of(ids.get(0), ids.get(2)));
  }

  @Test
  void reserve_manyChunks_growsPastTheSmallTableAndKeepsEveryStartFindable() {
    Chunks chunks = new Chunks(CAPACITY);
    List<Long> starts = new ArrayList<>();
    for (long start = 0; start < 40_000 * 3L; start += 3) {
      starts.add(start);
    }
    // 40,001 entries with the sentinel, past a small table's 16,384: the table grows from 8 slots
    // through every size to 2^17, rebuilding its entries each time
    List<Integer> ids = addInOrder(chunks, starts);
    assertAllFound(chunks, starts, ids);
    for (int i = 0; i < ids.size(); i += 2) {
      chunks.remove(ids.get(i));
    }
    for (int i = 0; i < starts.size(); i++) {
      long start = starts.get(i);
      assertEquals(i % 2 == 0 ? NIL : ids.get(i), chunks.find(start), "start " + start);
      assertEquals(NIL, chunks.find(start + 1));
    }
  }

  @Test
  void start_pastTwoToThe32_keepsTheHighHalf() {
    Chunks chunks = new Chunks(CAPACITY);
    chunks.reserve();
    int low = chunks.insertAfter(Chunks.SENTINEL, 7, true);
    long high = (5L << 32) + 7;
    chunks.reserve();
    int beyond = chunks.insertAfter(low, high, false);
    assertEquals(7, chunks.start(low));
    assertEquals(high, chunks.start(beyond));
    assertEquals(beyond, chunks.find(high));
    assertEquals(low, chunks.find(7));
    assertEquals(NIL, chunks.find(high - (1L << 32)));
    assertEquals(CAPACITY, chunks.start(Chunks.SENTINEL));
  }

  @Test
  void reserve_beforeEachPairOfAdds_fillsTheTableUpToItsLimitOnly() {
    // a call adds at most two chunks after one reserve (a split in three). With the sentinel and
    // one chunk, the entries are even: pairs then fill each table size exactly to its limit
    Chunks chunks = new Chunks(CAPACITY);
    chunks.reserve();
    int after = chunks.insertAfter(Chunks.SENTINEL, 0, true);
    for (long start = 1; start < 400; start += 2) {
      chunks.reserve();
      after = chunks.insertAfter(after, start, true);
      after = chunks.insertAfter(after, start + 1, false);
      chunks.checkIndex();
    }
  }

  @Test
  void checkInvariants_moreEntriesThanTheLoadAllows_throws() {
    Chunks chunks = new Chunks(CAPACITY);
    List<Integer> ids = addInOrder(chunks, List.of(1L, 2L, 3L));
    StartIndex unreserved = new StartIndex(chunks); // 8 slots, room for 2 at the small load
    for (int id : ids) {
      unreserved.add(id, chunks.start(id));
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, unreserved::checkInvariants);
    assertEquals("3 entries, more than the load allows: 2", e.getMessage());
  }

  @Test
  void checkInvariants_entryPastAnEmptyHome_namesTheEmptySlot() {
    Chunks chunks = new Chunks(CAPACITY);
    long start = 5;
    int id = addInOrder(chunks, List.of(start)).get(0);
    int home = home8(start);
    long elsewhere = start + 1;
    while (home8(elsewhere) != ((home + 1) & 7)) {
      elsewhere++;
    }
    StartIndex index = new StartIndex(chunks);
    index.add(id, elsewhere); // one slot past the home of the chunk's real start, which is empty
    IllegalStateException e = assertThrows(IllegalStateException.class, index::checkInvariants);
    assertEquals("chunk " + id + ": empty slot " + home + " before it", e.getMessage());
  }
}
