package dev.allot.tlsf;

import java.util.Arrays;

/**
 * Which chunk starts at a given index: an open-addressing hash table of chunk ids, O(1) expected
 * per call. The starts themselves stay in the {@link Chunks} records, read back from there. Not
 * thread-safe.
 *
 * <pre>
 *   slot    0       1       2       3       4       5       6       7
 *           [ -- ][0|t|a ][1|t|c ][ -- ][0|t|b ][0|t|d ][2|t|e ][ -- ]
 *   home(a) = 1, home(c) = 1 (one slot on), home(b) = 4, home(d) = 5, home(e) = 4 (two on)
 *   each entry: its distance from its home | three bits of its start's hash | its chunk id
 * </pre>
 */
final class StartIndex {

  /*
   * Layout: one int[] of slots, a power of two long. A slot is EMPTY (-1) or holds a chunk id in
   * its low ID_BITS (27) bits, a tag of TAG_BITS (3) more bits of the start's hash above it, and
   * in the top two bits how many slots after its home the entry sits (its distance, saturated at
   * SATURATED = 3, which means "3 or more": read the start). The home slot of a start is the top
   * bits of start * 0x9E3779B97F4A7C15 (Fibonacci hashing, which spreads the arithmetic
   * progressions that starts often are); a chunk sits at its home or in the first slot after it
   * that was empty when it came (linear probing, wrapping at the end).
   *
   * Why this shape: a free looks its start up once per call. The lookup reads slots next to each
   * other (one cache line as a rule) and skips an entry whose tag or distance differs from what an
   * entry of its start would have there, without loading that chunk's record: a successful lookup
   * almost always loads one record, the one the free needs anyway. The tag is what filters: an
   * entry met on the way often shares the start's home, so the distance alone let lookups load
   * records of other chunks (measured: slots of distance and id only were 5% to 35% slower per
   * call at 1M live regions). Chaining through the records (measured: an earlier design) loads
   * every record ahead in the chain, a cache miss each with a million chunks, and needs a link in
   * every record.
   *
   * Deletion shifts back (no tombstones): after emptying slot i, each following entry up to the
   * next empty slot moves into the hole when its home is not cyclically in (hole, its slot], which
   * restores the invariant below. The distance gives an entry's home without its start, so a
   * deletion loads the record of a following entry only when that entry sits 3 or more slots from
   * its home (before the distance was kept it loaded the record of every following entry, a cache
   * miss each at 100k chunks and more, with a branch waiting on it).
   * Under churn every allocation that splits a hole adds a chunk and about every free merges one
   * away, so add and remove run about once per call, like find.
   *
   * Load: at most 2/8 of the slots are filled in a table of up to SMALL_TABLE slots (256 KiB), at
   * most 5/8 above. In a small table everything is cached and the time goes to mispredicted "is
   * the next slot taken" branches of add and remove, which a sparse table mostly avoids (measured:
   * 15% of the time per call at 1k live regions); in a big one cache misses dominate and the
   * memory counts, 4 bytes a slot.
   *
   * Invariants: every id added and not removed is in exactly one slot, and every slot from its
   * home up to it holds an entry (no empty slot between); an entry's distance is min(3, how many
   * slots it sits after its home, cyclically) and its tag is its start's; once reserve has been
   * called, at most maxSize slots are filled.
   *
   * Complexity: find, add and remove are O(1) expected at those loads; reserve doubles the table
   * when the load would pass its limit, O(n) once per doubling. Memory: 4 / load bytes per chunk,
   * so 6.4 to 12.8 in a big table (2^21 slots, 8 MiB, for the 1.04 million chunks of 1M live
   * regions under churn: 8.1 bytes per live region), 16 to 32 in a small one (at most 256 KiB in
   * all). The ids are below 2^27, which bounds the chunks to 134 million.
   */

  /** What {@link #find} returns for a start no chunk has. */
  static final int ABSENT = -1;

  /** The bits of a slot that hold the id. */
  private static final int ID_BITS = 27;

  /** The largest id: the all-ones id is part of EMPTY. */
  static final int MAX_ID = (1 << ID_BITS) - 2;

  private static final int ID_MASK = (1 << ID_BITS) - 1;

  /** The bits of the tag, above the id. */
  private static final int TAG_BITS = 3;

  /** The tag's bits in a slot. */
  private static final int TAG_MASK = ((1 << TAG_BITS) - 1) << ID_BITS;

  /** Where the distance starts in a slot, above the tag. */
  private static final int DISTANCE_SHIFT = ID_BITS + TAG_BITS;

  /**
   * The largest distance a slot records: an entry that many slots or more after its home has its
   * home recomputed from its start.
   */
  private static final int SATURATED = (1 << (Integer.SIZE - DISTANCE_SHIFT)) - 1;

  /** A slot that holds no entry. */
  private static final int EMPTY = -1;

  /** Fibonacci hashing: the golden ratio in 64 bits. */
  private static final long HASH_MULTIPLIER = 0x9E3779B97F4A7C15L;

  /** The load kept in a table above SMALL_TABLE slots: at most this many eighths filled. */
  private static final int MAX_LOAD_EIGHTHS = 5;

  /** The load kept in a table of at most SMALL_TABLE slots: at most this many eighths filled. */
  private static final int SMALL_MAX_LOAD_EIGHTHS = 2;

  /** The most slots (256 KiB) of a table kept at the small table's load. */
  private static final int SMALL_TABLE = 1 << 16;

  private static final int MIN_SLOTS = 8;

  private final Chunks chunks;

  private int[] slots;

  /** {@code 64 - log2(slots.length)}: the shift from a hash to its home. */
  private int shift;

  /** The filled slots. */
  private int size;

  /** The most filled slots before the table doubles. */
  private int maxSize;

  /**
   * Creates an empty index.
   *
   * @param chunks the chunks whose starts it indexes, read back through {@link Chunks#start}
   */
  StartIndex(Chunks chunks) {
    this.chunks = chunks;
    setSlots(emptySlots(MIN_SLOTS));
  }

  /**
   * Returns the chunk that starts at {@code start}.
   *
   * @return its id, or {@link #ABSENT}
   */
  int find(long start) {
    int[] table = slots;
    int mask = table.length - 1;
    long hash = start * HASH_MULTIPLIER;
    int slot = homeOf(hash);
    int tag = tagOf(hash);
    int distance = 0;
    for (int entry = table[slot]; entry != EMPTY; entry = table[slot]) {
      if ((entry & ~ID_MASK) == ((distance << DISTANCE_SHIFT) | tag)
          && chunks.start(entry & ID_MASK) == start) {
        return entry & ID_MASK;
      }
      slot = (slot + 1) & mask;
      distance += distance < SATURATED ? 1 : 0;
    }
    return ABSENT;
  }

  /**
   * Adds chunk {@code id}, which starts at {@code start}, a start no other chunk has; needs a
   * {@link #reserve} for it first.
   */
  void add(int id, long start) {
    int[] table = slots;
    int mask = table.length - 1;
    long hash = start * HASH_MULTIPLIER;
    int slot = homeOf(hash);
    int distance = 0;
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & mask;
      distance++;
    }
    table[slot] = entry(tagOf(hash) | id, distance);
    size++;
  }

  /** Removes chunk {@code id}, added under {@code start}, shifting the entries after it back. */
  void remove(int id, long start) {
    int[] table = slots;
    int mask = table.length - 1;
    int hole = home(start);
    while ((table[hole] & ID_MASK) != id) {
      hole = (hole + 1) & mask;
    }
    for (int slot = (hole + 1) & mask; table[slot] != EMPTY; slot = (slot + 1) & mask) {
      int entry = table[slot];
      int distance = entry >>> DISTANCE_SHIFT;
      if (distance == SATURATED) {
        distance = (slot - home(chunks.start(entry & ID_MASK))) & mask;
      }
      int gap = (slot - hole) & mask;
      if (distance >= gap) {
        table[hole] = entry(entry & (TAG_MASK | ID_MASK), distance - gap);
        hole = slot;
      }
    }
    table[hole] = EMPTY;
    size--;
  }

  /**
   * Makes room for {@code count} more chunks, doubling the table as often as the load would pass
   * its limit: a small table's limit (2/8) can be below what one doubling must hold.
   */
  void reserve(int count) {
    if (size + count <= maxSize) {
      return; // every placement asks: one comparison when the table has room, as it mostly does
    }
    int length = slots.length * 2;
    while (size + count > maxSizeOf(length)) {
      length *= 2;
    }
    resize(length);
  }

  /** Returns the bytes of the table, for the memory measurement. */
  long footprintBytes() {
    return 4L * slots.length;
  }

  /**
   * Walks the table and throws {@link IllegalStateException} at the first broken invariant of the
   * design notes: no empty slot between an entry's home and its slot, its distance and tag as its
   * start gives them, as many entries as counted, and no more than the load allows (which holds
   * once {@link #reserve} has been called). O(slots) and more in long clusters; for tests.
   */
  void checkInvariants() {
    int[] table = slots;
    int mask = table.length - 1;
    int filled = 0;
    for (int slot = 0; slot < table.length; slot++) {
      int entry = table[slot];
      if (entry == EMPTY) {
        continue;
      }
      filled++;
      int id = entry & ID_MASK;
      long hash = chunks.start(id) * HASH_MULTIPLIER;
      int home = homeOf(hash);
      for (int between = home; between != slot; between = (between + 1) & mask) {
        if (table[between] == EMPTY) {
          throw new IllegalStateException("chunk " + id + ": empty slot " + between + " before it");
        }
      }
      if (entry >>> DISTANCE_SHIFT != Math.min((slot - home) & mask, SATURATED)
          || (entry & TAG_MASK) != tagOf(hash)) {
        throw new IllegalStateException(
            "chunk " + id + " at slot " + slot + ": wrong distance or tag");
      }
    }
    if (filled != size) {
      throw new IllegalStateException(filled + " entries, counted " + size);
    }
    if (size > maxSize) {
      throw new IllegalStateException(size + " entries, more than the load allows: " + maxSize);
    }
  }

  /** Returns the home slot of a start: the top bits of its Fibonacci hash. */
  private int home(long start) {
    return homeOf(start * HASH_MULTIPLIER);
  }

  /** Returns the home slot of a start's hash: its top bits, as many as the table's size needs. */
  private int homeOf(long hash) {
    return (int) (hash >>> shift);
  }

  /** Returns the tag of a start's hash: the bits below those of its home, above the id. */
  private int tagOf(long hash) {
    return ((int) (hash >>> (shift - TAG_BITS)) << ID_BITS) & TAG_MASK;
  }

  /**
   * Returns the slot value of a tagged id found {@code distance} slots after its home.
   *
   * @param taggedId a chunk id and its start's tag
   */
  private static int entry(int taggedId, int distance) {
    return (Math.min(distance, SATURATED) << DISTANCE_SHIFT) | taggedId;
  }

  /** Rebuilds the table with {@code count} slots, a power of two, from the entries. */
  private void resize(int count) {
    int[] old = slots;
    setSlots(emptySlots(count));
    size = 0;
    for (int entry : old) {
      if (entry != EMPTY) {
        int id = entry & ID_MASK;
        add(id, chunks.start(id));
      }
    }
  }

  private void setSlots(int[] table) {
    slots = table;
    shift = Long.SIZE - Integer.numberOfTrailingZeros(table.length);
    maxSize = maxSizeOf(table.length);
  }

  /** Returns the entries a table of {@code length} slots holds under its load limit. */
  private static int maxSizeOf(int length) {
    int eighths = length <= SMALL_TABLE ? SMALL_MAX_LOAD_EIGHTHS : MAX_LOAD_EIGHTHS;
    return (int) ((long) length * eighths / 8);
  }

  private int[] emptySlots(int count) {
    int[] empty = chunks.newInts(count);
    Arrays.fill(empty, EMPTY);
    return empty;
  }
}
