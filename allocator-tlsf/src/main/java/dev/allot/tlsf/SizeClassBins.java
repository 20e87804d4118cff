package dev.allot.tlsf;

import static dev.allot.tlsf.Chunks.LIST_END;
import static dev.allot.tlsf.Chunks.NIL;

import java.util.Arrays;

/**
 * The free chunks sorted into {@link SizeClasses}: one list per class, and bitmaps that say which
 * lists are not empty, so that a fitting chunk is found in O(1). Not thread-safe.
 *
 * <pre>
 *   levels   bit L of levelMap: some class of level L holds a chunk
 *   classes  bit s of classMaps[L]: class (L << 5) | s holds a chunk
 *   lists    heads[class] -> chunk -> chunk ... (through the chunks' BIN_NEXT / BIN_PREV)
 * </pre>
 */
final class SizeClassBins {

  /*
   * Layout: heads[c] is the first chunk of class c or LIST_END; the lists are doubly linked through the
   * chunk records, newest first (a chunk freed last is reused first, while it is likely cached).
   * classMaps has one extra, always empty level, so that a search that rounds up past the top
   * class needs no special case.
   *
   * The first chunk of a list has no predecessor, so its BIN_PREV holds Chunks.headOf(class)
   * instead: removing any chunk reads only its own record and its list neighbours, and no record
   * stores a class. Every list ends at Chunks.LIST_END, a record of its own, so that linking a
   * chunk in or out writes its neighbours' links without testing whether there are any, and insert
   * sets the map bits unconditionally: under churn at 1k to 10k live chunks whether a list is empty
   * is a coin toss, and the mispredicted branch cost more than the writes (measured: about 10% per
   * call). Clearing the bits on removal stays behind a branch: the test reads the removed chunk's
   * link, a cache miss with 100k chunks and more, and clearing by arithmetic made the next search
   * of the maps wait for that miss (measured: 15% slower per call at 100k and 1M).
   *
   * Invariants: a chunk is in a list exactly when it is free, the list of its length's class
   * (except between a length change and the resized call that follows it); the first chunk of
   * list c has BIN_PREV headOf(c). Bit c of the maps is set exactly when heads[c] != LIST_END;
   * LIST_END's own links are never read.
   *
   * Complexity: insert, remove, takeFirst, resized, lowestAtLeast and firstAtLeast are O(1);
   * largestLength is linear in the chunks of the top occupied class. Memory: 4 bytes per class
   * (1,888 classes, 7.5 KiB) plus the maps.
   */

  private final Chunks chunks;
  private final int[] heads = new int[SizeClasses.COUNT];
  private final int[] classMaps = new int[SizeClasses.LEVELS + 1];
  private long levelMap;

  SizeClassBins(Chunks chunks) {
    this.chunks = chunks;
    Arrays.fill(heads, LIST_END);
  }

  /** Adds a free chunk of length {@code length} to the list of its class. */
  void insert(int chunk, long length) {
    int sizeClass = SizeClasses.of(length);
    int head = heads[sizeClass];
    chunks.setBinLinks(chunk, head, Chunks.headOf(sizeClass));
    chunks.setBinPrev(head, chunk);
    int level = sizeClass >>> SizeClasses.SUB_BITS;
    classMaps[level] |= 1 << sizeClass;
    levelMap |= 1L << level;
    heads[sizeClass] = chunk;
  }

  /**
   * Moves a free chunk whose length changed to the list of its new class, if that differs.
   *
   * @param oldLength the length under which it was inserted
   * @param length its length now
   */
  void resized(int chunk, long oldLength, long length) {
    if (SizeClasses.of(length) != SizeClasses.of(oldLength)) {
      remove(chunk);
      insert(chunk, length);
    }
  }

  /** Takes a free chunk out of its list. */
  void remove(int chunk) {
    int next = chunks.binNext(chunk);
    int prev = chunks.binPrev(chunk);
    chunks.setBinPrev(next, prev); // the next one heads the list when this one did
    if (prev >= 0) {
      chunks.setBinNext(prev, next);
      return;
    }
    replaceHead(Chunks.classHeaded(prev), next);
  }

  /**
   * Makes {@code next} the head of a class's list after its head left; when the list emptied,
   * clears the class's bit in the maps, and its level's when that emptied.
   */
  private void replaceHead(int sizeClass, int next) {
    heads[sizeClass] = next;
    if (next != LIST_END) {
      return;
    }
    int level = sizeClass >>> SizeClasses.SUB_BITS;
    classMaps[level] &= ~(1 << sizeClass);
    if (classMaps[level] == 0) {
      levelMap &= ~(1L << level);
    }
  }

  /**
   * Returns the first chunk of the lowest occupied class at or above {@code sizeClass}.
   *
   * @param sizeClass a class, or {@code SizeClasses.COUNT} for none
   * @return that chunk, or {@link Chunks#NIL}
   */
  int firstAtLeast(int sizeClass) {
    int occupied = lowestAtLeast(sizeClass);
    return occupied == SizeClasses.COUNT ? NIL : heads[occupied];
  }

  /**
   * Returns the lowest occupied class at or above {@code sizeClass}.
   *
   * @param sizeClass a class, or {@code SizeClasses.COUNT} for none
   * @return that class, or {@code SizeClasses.COUNT} when there is none
   */
  int lowestAtLeast(int sizeClass) {
    int level = sizeClass >>> SizeClasses.SUB_BITS;
    int inLevel = classMaps[level] & (-1 << sizeClass);
    if (inLevel == 0) {
      long above = levelMap & (-2L << level);
      if (above == 0) {
        return SizeClasses.COUNT;
      }
      level = Long.numberOfTrailingZeros(above);
      inLevel = classMaps[level];
    }
    return (level << SizeClasses.SUB_BITS) | Integer.numberOfTrailingZeros(inLevel);
  }

  /**
   * Takes the first chunk out of the list of an occupied class, without reading its BIN_PREV (the
   * class is known) or testing whether it heads its list; leaves its own list links as they were.
   *
   * @return that chunk
   */
  int takeFirst(int sizeClass) {
    int chunk = heads[sizeClass];
    int next = chunks.binNext(chunk);
    chunks.setBinPrev(next, Chunks.headOf(sizeClass));
    replaceHead(sizeClass, next);
    return chunk;
  }

  /**
   * Returns the first chunk of one class.
   *
   * @param sizeClass a class {@code < SizeClasses.COUNT}
   * @return that chunk, or {@link Chunks#NIL}
   */
  int first(int sizeClass) {
    int head = heads[sizeClass];
    return head == LIST_END ? NIL : head;
  }

  /**
   * Returns the length of the longest free chunk, found in the top occupied class.
   *
   * @return that length, {@code 0} without free chunks
   */
  long largestLength() {
    if (levelMap == 0) {
      return 0;
    }
    int level = Long.SIZE - 1 - Long.numberOfLeadingZeros(levelMap);
    int sub = Integer.SIZE - 1 - Integer.numberOfLeadingZeros(classMaps[level]);
    long largest = 0;
    for (int chunk = heads[(level << SizeClasses.SUB_BITS) | sub];
        chunk != LIST_END;
        chunk = chunks.binNext(chunk)) {
      largest = Math.max(largest, chunks.length(chunk));
    }
    return largest;
  }

  /**
   * Walks every list and throws {@link IllegalStateException} at the first broken invariant of the
   * design notes: each listed chunk free and of its list's class, linked back, the maps' bits set
   * exactly for the lists that hold chunks, and as many chunks listed as are free. O(n); for tests.
   *
   * @param free the free chunks in the ring
   */
  void checkInvariants(int free) {
    int listed = 0;
    for (int sizeClass = 0; sizeClass < SizeClasses.COUNT; sizeClass++) {
      int prev = Chunks.headOf(sizeClass);
      for (int chunk = heads[sizeClass]; chunk != LIST_END; chunk = chunks.binNext(chunk)) {
        if (chunks.isUsed(chunk)
            || chunks.binPrev(chunk) != prev
            || SizeClasses.of(chunks.length(chunk)) != sizeClass) {
          throw new IllegalStateException("chunk " + chunk + " in the list of class " + sizeClass);
        }
        prev = chunk;
        listed++;
      }
      int level = sizeClass >>> SizeClasses.SUB_BITS;
      boolean marked = (classMaps[level] & (1 << sizeClass)) != 0;
      if (marked != (heads[sizeClass] != LIST_END)
          || ((levelMap >>> level) & 1) != (classMaps[level] != 0 ? 1 : 0)) {
        throw new IllegalStateException("the maps' bit of class " + sizeClass);
      }
    }
    if (listed != free) {
      throw new IllegalStateException(listed + " chunks listed, " + free + " free");
    }
  }
}
