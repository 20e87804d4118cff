package dev.allot.lwjgl;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The live handles of an arena in slots {@code 0..size-1}, each handle knowing its slot: add at the
 * end, remove by moving the last handle into the freed slot, both O(1). An arena keeps per-slot
 * data (the draw arrays) beside it and copies the moved handle's entry when {@link #remove} says
 * one moved.
 *
 * @param <H> the handle type
 */
final class LiveList<H> {

  /** Records a handle's new slot in the handle. */
  @FunctionalInterface
  interface SlotSetter<H> {
    void setSlot(H handle, int slot);
  }

  private final SlotSetter<H> slots;
  private @Nullable Object[] handles = new Object[16];
  private int size;

  LiveList(SlotSetter<H> slots) {
    this.slots = slots;
  }

  /**
   * Makes room for one more handle, so that the next {@link #add} allocates nothing: an arena calls
   * it before its allocator takes the range's space, so that a heap short of room fails the call
   * with nothing changed instead of leaving space that no handle owns.
   */
  void reserve() {
    if (size == handles.length) {
      handles = Arrays.copyOf(handles, size * 2);
    }
  }

  /** Adds a handle at slot {@link #size()} and returns that slot. */
  int add(H handle) {
    reserve();
    handles[size] = handle;
    slots.setSlot(handle, size);
    return size++;
  }

  /**
   * Removes the handle at {@code slot}, marking it with slot -1, and moves the last handle into the
   * freed slot.
   *
   * @return the handle now at {@code slot}, or {@code null} when the removed one was the last
   */
  @Nullable H remove(int slot) {
    H removed = get(slot);
    slots.setSlot(removed, -1);
    size--;
    H last = get(size);
    handles[size] = null;
    if (slot == size) {
      return null;
    }
    handles[slot] = last;
    slots.setSlot(last, slot);
    return last;
  }

  /** The handle at {@code slot}, {@code 0 <= slot < size()}; only slots past the size are null. */
  @SuppressWarnings("unchecked") // only add stores into handles, and it stores an H
  H get(int slot) {
    return (H) Objects.requireNonNull(handles[slot]);
  }

  /** The number of live handles. */
  int size() {
    return size;
  }

  /** Marks every handle removed (slot -1) and empties the list. */
  void clear() {
    for (int slot = 0; slot < size; slot++) {
      slots.setSlot(get(slot), -1);
      handles[slot] = null;
    }
    size = 0;
  }
}
