package dev.allot.tlsf;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The chunks of a {@link TlsfAllocator}: the index range {@code [0, capacity)} cut into used and
 * free chunks that follow each other in address order, each findable by its start in O(1). Not
 * thread-safe.
 *
 * <pre>
 *   index   0    4      10  12        capacity 16
 *           [used][free  ][u ][free    ]|sentinel at 16
 *   chunk   a     b       c   d          S
 *   next:   a -> b -> c -> d -> S -> a   (a ring through the sentinel)
 * </pre>
 *
 * <p>A chunk is what one placement made, or what is left of it after partial frees; touching used
 * chunks are separate here and merge only in the block list the allocator reports.
 */
final class Chunks {

  /*
   * Layout: one int[] of records, SLOTS ints (20 bytes) per chunk, so that a chunk's fields share
   * a cache line (parallel arrays would cost one miss per field):
   *
   *   START_LOW          the low 32 bits of the first index
   *   BIN_PREV           USED for a used chunk; for a free chunk the previous chunk of its
   *                      size-class list (SizeClassBins), NIL while in no list, and headOf(class)
   *                      for the first chunk of a list, which is how a list names its class
   *   NEXT, PREV         the neighbours in address order
   *   BIN_NEXT           the next chunk of a free chunk's size-class list
   *
   * The fields a free reads of a chunk and its neighbours (start, used, next, prev) come first,
   * in 16 bytes, so that they share a cache line more often than the whole record does.
   *
   * The high 32 bits of the starts live in startHighs, a parallel array made only when the
   * capacity passes 2^32 - 1 (never for capacities below 4 Gi indices): a record stays at 20 bytes and the
   * usual start costs one load. A chunk's end is the next chunk's start and a free chunk's class
   * is its list's, so neither a length nor a class is stored. The sentinel (record 0) starts at
   * the capacity, counts as used and closes the ring: the first chunk is next(SENTINEL), the last
   * prev(SENTINEL), and no neighbour is ever missing.
   *
   * Every live chunk is in a StartIndex under its start. Released records form a stack through
   * NEXT and are reused first, while still cached.
   *
   * The Java heap: a call that throws leaves the chunks as they were, also on OutOfMemoryError.
   * Every array is made in reserve or reserveStarts, which callers run before their first change
   * (the records and the index for the chunks a call may add, the high halves for a capacity
   * past 2^32 - 1), and a growth makes all its arrays before it takes any over; insertAfter,
   * remove, move and setStart never allocate. Every array goes through newInts or copyOf, where a
   * test makes the k-th growth fail (growthsBeforeFailure).
   *
   * Invariants: the ring holds every live chunk in address order, starts strictly increasing from
   * 0 (when the capacity is > 0) to the sentinel at the capacity; every live chunk, sentinel
   * included, is in the start index under its start, and no released record is; startHighs is
   * null or as long as the records, with 0 for every start below 2^32.
   *
   * Complexity: every method is O(1) (those that touch the start index: expected) except scanFor,
   * O(n), and reserve when it grows an array, O(n) once per growth (amortized O(1): the records
   * grow by an eighth, 8 copies per record). Memory: 20 bytes per record, the records growing by
   * an eighth when full, plus the start index's 6.4 to 12.8 bytes per live chunk; measured in
   * docs/performance.md.
   */

  /** No chunk: the end of a list, and what {@link #find} returns for a start no chunk has. */
  static final int NIL = StartIndex.ABSENT;

  /** The record that starts at the capacity and closes the ring. */
  static final int SENTINEL = 0;

  /**
   * A record in no ring that ends every size-class list: SizeClassBins links to it and writes its
   * list fields without first testing for an empty list (a branch that mispredicts under churn).
   */
  static final int LIST_END = 1;

  /** BIN_PREV of a used chunk. */
  private static final int USED = -2;

  /** BIN_PREV of the first chunk of class c is {@code FIRST_OF_CLASS - c}. */
  private static final int FIRST_OF_CLASS = -3;

  private static final int START_LOW = 0;
  private static final int BIN_PREV = 1;
  private static final int NEXT = 2;
  private static final int PREV = 3;
  private static final int BIN_NEXT = 4;

  /** Ints per record. */
  private static final int SLOTS = 5;

  /** The most records: what an int[] holds, and the ids the start index can name. */
  private static final int MAX_RECORDS =
      Math.min((Integer.MAX_VALUE - 8) / SLOTS, StartIndex.MAX_ID + 1);

  /**
   * Test seam: when {@code >= 0}, the number of growths (arrays made through {@link #newInts} or
   * {@link #copyOf}, by these records and by the start index) that succeed before the next one
   * throws {@link OutOfMemoryError}; -1, always outside tests, never fails. Set only by tests,
   * which make the Java heap fail at every growth a call makes in turn. Declared before the start
   * index, whose constructor makes its table through here.
   */
  int growthsBeforeFailure = -1;

  private int[] records = new int[8 * SLOTS];

  /** The high halves of the starts, by record; null while every start is below 2^32. */
  private int @Nullable [] startHighs;

  /** Records ever handed out; those below are live or released. */
  private int used;

  /** The top of the stack of released records, linked through NEXT. */
  private int released = NIL;

  /** The records on that stack. */
  private int releasedCount;

  private final StartIndex index = new StartIndex(this);

  /**
   * Creates the ring of the sentinel alone, at {@code capacity}.
   *
   * @param capacity the end of the range
   */
  Chunks(long capacity) {
    int sentinel = take();
    take(); // LIST_END
    reserveStarts(capacity);
    setStart(sentinel, capacity);
    set(sentinel, NEXT, sentinel);
    set(sentinel, PREV, sentinel);
    set(sentinel, BIN_PREV, USED);
    index.reserve(1);
    index.add(sentinel, capacity);
  }

  long start(int chunk) {
    long low = records[chunk * SLOTS + START_LOW] & 0xFFFF_FFFFL;
    int[] highs = startHighs;
    return highs == null ? low : (long) highs[chunk] << 32 | low;
  }

  /** Returns the end, the next chunk's start; not for the sentinel. */
  long end(int chunk) {
    return start(next(chunk));
  }

  long length(int chunk) {
    return end(chunk) - start(chunk);
  }

  int next(int chunk) {
    return get(chunk, NEXT);
  }

  int prev(int chunk) {
    return get(chunk, PREV);
  }

  boolean isUsed(int chunk) {
    return get(chunk, BIN_PREV) == USED;
  }

  void markUsed(int chunk) {
    set(chunk, BIN_PREV, USED);
  }

  int binNext(int chunk) {
    return get(chunk, BIN_NEXT);
  }

  /**
   * Returns the chunk before this free one in its size-class list, or a negative mark: {@link
   * #classHeaded(int)} names the class of the list it heads.
   */
  int binPrev(int chunk) {
    return get(chunk, BIN_PREV);
  }

  /** The {@link #binPrev} of the first chunk of class {@code sizeClass}. */
  static int headOf(int sizeClass) {
    return FIRST_OF_CLASS - sizeClass;
  }

  /**
   * Returns the class of the list that a chunk with this {@link #binPrev} heads.
   *
   * @param binPrev a value below {@link #USED}
   */
  static int classHeaded(int binPrev) {
    return FIRST_OF_CLASS - binPrev;
  }

  /** Links a free chunk into a size-class list. */
  void setBinLinks(int chunk, int next, int prev) {
    set(chunk, BIN_NEXT, next);
    set(chunk, BIN_PREV, prev);
  }

  void setBinNext(int chunk, int next) {
    set(chunk, BIN_NEXT, next);
  }

  void setBinPrev(int chunk, int prev) {
    set(chunk, BIN_PREV, prev);
  }

  /**
   * Makes room for two more chunks, so that no call fails halfway for lack of a record: called
   * before the first change of a call that may create chunks.
   */
  void reserve() {
    reserve(2);
  }

  /**
   * Makes room for {@code count} more chunks, records and index slots, before the first change of a
   * call that may create that many: the Java heap can then fail only while nothing has changed.
   */
  void reserve(int count) {
    if (releasedCount < count && (long) (used + count) * SLOTS > records.length) {
      growRecords(count);
    }
    index.reserve(count);
  }

  /**
   * Makes the high halves of the starts when {@code start} needs them, before the first change of a
   * call that sets a start up to it (the constructor, a capacity raised past 2^32 - 1): setStart
   * itself never allocates, so no failure of the heap falls between its changes.
   */
  void reserveStarts(long start) {
    if (startHighs == null && start >>> 32 != 0) {
      startHighs = newInts(records.length / SLOTS);
    }
  }

  /** Grows the records by an eighth, at least by {@code count}. */
  private void growRecords(int count) {
    if (used + count > MAX_RECORDS) {
      throw new OutOfMemoryError("tlsf: more than " + MAX_RECORDS + " chunks");
    }
    int grown = Math.min(MAX_RECORDS, Math.max(used + count, used + (used >> 3)));
    // Both arrays are made before either is taken over: a failure of the second would otherwise
    // leave startHighs shorter than the records, and a later chunk's start past its end.
    int[] grownRecords = copyOf(records, grown * SLOTS);
    int[] highs = startHighs;
    if (highs != null) {
      startHighs = copyOf(highs, grown);
    }
    records = grownRecords;
  }

  /**
   * Creates a chunk at {@code start} right after {@code after}, in the start index; a free one is
   * not yet in a size-class list. Needs a {@link #reserve()} first.
   *
   * @return the new chunk
   */
  int insertAfter(int after, long start, boolean isUsed) {
    int chunk = take();
    setStart(chunk, start);
    int next = next(after);
    set(chunk, NEXT, next);
    set(chunk, PREV, after);
    set(chunk, BIN_PREV, isUsed ? USED : NIL);
    set(after, NEXT, chunk);
    set(next, PREV, chunk);
    index.add(chunk, start);
    return chunk;
  }

  /** Takes a chunk out of the ring and the start index and releases its record. */
  void remove(int chunk) {
    int next = get(chunk, NEXT);
    int prev = get(chunk, PREV);
    set(prev, NEXT, next);
    set(next, PREV, prev);
    index.remove(chunk, start(chunk));
    set(chunk, NEXT, released);
    released = chunk;
    releasedCount++;
  }

  /** Changes a chunk's start, keeping the start index right; the ring order must still hold. */
  void move(int chunk, long start) {
    index.remove(chunk, start(chunk));
    setStart(chunk, start);
    index.add(chunk, start);
  }

  /**
   * Returns the chunk that starts at {@code start}.
   *
   * @return the chunk, the sentinel at the capacity, or {@link #NIL}
   */
  int find(long start) {
    return index.find(start);
  }

  /** Checks the start index's invariants (see {@link StartIndex#checkInvariants}); for tests. */
  void checkIndex() {
    index.checkInvariants();
  }

  /**
   * Walks the ring and throws {@link IllegalStateException} at the first broken invariant of the
   * design notes: links both ways, starts strictly increasing from 0 to the sentinel, every chunk
   * found under its start, no two free chunks touching, startHighs as long as the records, every
   * record live or released; then checks the start index. O(n); for tests.
   *
   * @return the free chunks in the ring
   */
  int checkInvariants() {
    int[] highs = startHighs;
    if (highs != null && highs.length != records.length / SLOTS) {
      throw new IllegalStateException(
          highs.length + " high halves for " + records.length / SLOTS + " records");
    }
    int live = 0;
    int free = 0;
    long previousStart = -1;
    boolean previousFree = false;
    int chunk = SENTINEL;
    do {
      int next = next(chunk);
      if (prev(next) != chunk) {
        throw new IllegalStateException("chunk " + next + " does not link back to " + chunk);
      }
      chunk = next;
      long start = start(chunk);
      if (start <= previousStart || (previousStart < 0 && start != 0 && chunk != SENTINEL)) {
        throw new IllegalStateException("chunk " + chunk + " starts at " + start);
      }
      if (find(start) != chunk) {
        throw new IllegalStateException("chunk " + chunk + " not found under its start " + start);
      }
      boolean isFree = !isUsed(chunk);
      if (isFree && previousFree) {
        throw new IllegalStateException("free chunk " + chunk + " touches a free one");
      }
      previousStart = start;
      previousFree = isFree;
      live++;
      free += isFree ? 1 : 0;
    } while (chunk != SENTINEL);
    int stacked = 0;
    for (int record = released; record != NIL; record = next(record)) {
      stacked++;
    }
    if (stacked != releasedCount || live + 1 + releasedCount != used) {
      throw new IllegalStateException(
          used + " records: " + live + " live, " + stacked + " released, counted " + releasedCount);
    }
    index.checkInvariants();
    return free;
  }

  /**
   * Returns the chunk that holds {@code index} by walking from the first chunk: O(n), for ranges
   * that neither start nor end where a chunk starts.
   *
   * @param index an index below the capacity
   */
  int scanFor(long index) {
    int chunk = next(SENTINEL);
    while (end(chunk) <= index) {
      chunk = next(chunk);
    }
    return chunk;
  }

  /** Returns the bytes of the arrays, for the memory measurement. */
  long footprintBytes() {
    int[] highs = startHighs;
    return 4L * records.length + index.footprintBytes() + (highs == null ? 0 : 4L * highs.length);
  }

  /**
   * Counts one growth: every array these records and the start index grow or make goes through
   * here, where a test makes the k-th one fail (see {@link #growthsBeforeFailure}).
   */
  private void grow() {
    if (growthsBeforeFailure >= 0 && growthsBeforeFailure-- == 0) {
      throw new OutOfMemoryError("injected by a test (Chunks.growthsBeforeFailure)");
    }
  }

  /** Makes an int array, through the test seam. */
  int[] newInts(int length) {
    grow();
    return new int[length];
  }

  /** Copies an int array to a new length, through the test seam. */
  int[] copyOf(int[] array, int length) {
    grow();
    return Arrays.copyOf(array, length);
  }

  private int get(int chunk, int field) {
    return records[chunk * SLOTS + field];
  }

  private void set(int chunk, int field, int value) {
    records[chunk * SLOTS + field] = value;
  }

  private int take() {
    int chunk = released;
    if (chunk != NIL) {
      released = get(chunk, NEXT);
      releasedCount--;
    } else {
      chunk = used++;
    }
    return chunk;
  }

  /**
   * Sets a start; one past 2^32 - 1 needs the high halves made first by {@link #reserveStarts}
   * (every start is at most the capacity, for which they were made).
   */
  private void setStart(int chunk, long start) {
    set(chunk, START_LOW, (int) start);
    int[] highs = startHighs;
    if (highs != null) {
      highs[chunk] = (int) (start >>> 32);
    }
  }
}
