package dev.allot.trace;

import dev.allot.AllocationStrategy;
import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * A strategy whose allocators follow a fixed script, so that the replayer can be tested without a
 * real strategy: {@code alloc(n)} returns {@code 10 * n}, except that {@code n == 99} fails with
 * memory (requested 123) and a negative {@code n} is bad input. Aligned calls up to alignment 16
 * return {@code 100 * n}; above 16 they take the default of {@link Allocator}, which refuses. Every
 * call is logged.
 */
final class ScriptedStrategy implements AllocationStrategy {

  final List<String> calls = new ArrayList<>();

  @Override
  public String getName() {
    return "scripted";
  }

  @Override
  public Allocator create(long capacity) {
    AllocatorArguments.requireNonNegative("create", capacity);
    calls.add("create " + capacity);
    return new Scripted(capacity);
  }

  private final class Scripted implements Allocator {
    private long capacity;

    Scripted(long capacity) {
      this.capacity = capacity;
    }

    @Override
    public long alloc(long size) {
      calls.add("alloc " + size);
      AllocatorArguments.requireNonNegative("alloc", size);
      if (size == 99) {
        throw new AllocatorMemoryException(123);
      }
      return 10 * size;
    }

    @Override
    public long alloc(long size, long alignment) {
      if (alignment > 16) {
        return Allocator.super.alloc(size, alignment);
      }
      calls.add("alloc " + size + " " + alignment);
      return 100 * size;
    }

    @Override
    public long realloc(long start, long size, long newSize, long alignment) {
      if (alignment > 16) {
        return Allocator.super.realloc(start, size, newSize, alignment);
      }
      calls.add("realloc " + start + " " + size + " " + newSize + " " + alignment);
      return start + 2;
    }

    @Override
    public void dealloc(long start, long size) {
      calls.add("dealloc " + start + " " + size);
    }

    @Override
    public long realloc(long start, long size, long newSize) {
      calls.add("realloc " + start + " " + size + " " + newSize);
      return start + 1;
    }

    @Override
    public long getCapacity() {
      return capacity;
    }

    @Override
    public void setCapacity(long capacity) {
      calls.add("set_capacity " + capacity);
      this.capacity = capacity;
    }

    @Override
    public List<Region> getAllocatedRegions() {
      return List.of(new Region(1, 2), new Region(5, 1));
    }

    @Override
    public long getFreeSize() {
      return capacity - 3;
    }

    @Override
    public long getFragmentedFreeSize() {
      return 3;
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public String getStrategyName() {
      return "scripted";
    }
  }
}
