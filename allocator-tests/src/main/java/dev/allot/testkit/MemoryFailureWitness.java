package dev.allot.testkit;

import dev.allot.Allocator;
import dev.allot.AllocatorMemoryException;
import dev.allot.ForwardingAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Stands between a {@link ContractRun}'s replayer and the allocator under test to keep the {@link
 * AllocatorMemoryException} of the last call: the replayer turns it into a result that carries the
 * requested capacity only, and {@link MemoryFiguresChecker} needs the figures beside it. Every call
 * goes to the allocator unchanged, aligned ones included, and the exception is rethrown.
 */
final class MemoryFailureWitness extends ForwardingAllocator {

  private @Nullable AllocatorMemoryException lastFailure;

  /**
   * Wraps the allocator under test.
   *
   * @param subject the allocator under test
   */
  MemoryFailureWitness(Allocator subject) {
    super(subject);
  }

  /**
   * Returns the allocator under test, which checkers read directly.
   *
   * @return the wrapped allocator
   */
  Allocator subject() {
    return delegate();
  }

  /**
   * Returns the memory failure of the last placing call and forgets it.
   *
   * @return the exception it threw, or {@code null} if it threw none
   */
  @Nullable AllocatorMemoryException takeFailure() {
    AllocatorMemoryException failure = lastFailure;
    lastFailure = null;
    return failure;
  }

  @Override
  public long alloc(long size) {
    lastFailure = null;
    try {
      return delegate().alloc(size);
    } catch (AllocatorMemoryException e) {
      lastFailure = e;
      throw e;
    }
  }

  @Override
  public long alloc(long size, long alignment) {
    lastFailure = null;
    try {
      return delegate().alloc(size, alignment);
    } catch (AllocatorMemoryException e) {
      lastFailure = e;
      throw e;
    }
  }

  @Override
  public long realloc(long start, long size, long newSize) {
    lastFailure = null;
    try {
      return delegate().realloc(start, size, newSize);
    } catch (AllocatorMemoryException e) {
      lastFailure = e;
      throw e;
    }
  }

  @Override
  public long realloc(long start, long size, long newSize, long alignment) {
    lastFailure = null;
    try {
      return delegate().realloc(start, size, newSize, alignment);
    } catch (AllocatorMemoryException e) {
      lastFailure = e;
      throw e;
    }
  }
}
