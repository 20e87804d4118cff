package dev.allot;

/**
 * Thrown when a call needs more capacity than the allocator has. The allocator is left exactly as
 * it was before the call.
 *
 * <p>{@link #getRequestedCapacity()} is a capacity that suffices: after {@code
 * allocator.setCapacity(e.getRequestedCapacity())} the same call succeeds. This is how a vertex
 * domain grows its buffer: catch, grow the real buffer and the allocator, retry.
 *
 * <p>The exception also carries what the allocator looked like at the moment of failure, the
 * largest free hole and the fragmented free size, so that a report from production tells whether
 * the buffer was full or only fragmented.
 *
 * @since 0.1.0
 */
public class AllocatorMemoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Stands for a figure the throwing strategy did not report. */
  public static final long UNKNOWN = -1;

  /** A capacity with which the failed call succeeds. */
  private final long requestedCapacity;

  /** The longest run of free indices at the moment of failure, or {@link #UNKNOWN}. */
  private final long largestFreeHole;

  /**
   * The free space that was not the final free block at the moment of failure, or {@link #UNKNOWN}.
   */
  private final long fragmentedFreeSize;

  /**
   * Creates the exception with only the capacity that would make the call succeed; for custom
   * strategies that do not track holes. The other figures read {@link #UNKNOWN}.
   *
   * @param requestedCapacity a capacity with which the failed call succeeds
   */
  public AllocatorMemoryException(long requestedCapacity) {
    this(requestedCapacity, UNKNOWN, UNKNOWN);
  }

  /**
   * Creates the exception with the state of the allocator at the moment of failure.
   *
   * @param requestedCapacity a capacity with which the failed call succeeds
   * @param largestFreeHole the longest run of free indices, tail included, or {@link #UNKNOWN}
   * @param fragmentedFreeSize the free space that is not the final free block, or {@link #UNKNOWN}
   */
  public AllocatorMemoryException(
      long requestedCapacity, long largestFreeHole, long fragmentedFreeSize) {
    super(message(requestedCapacity, largestFreeHole, fragmentedFreeSize));
    this.requestedCapacity = requestedCapacity;
    this.largestFreeHole = largestFreeHole;
    this.fragmentedFreeSize = fragmentedFreeSize;
  }

  private static String message(long requested, long largestHole, long fragmented) {
    return "Allocator needs capacity "
        + requested
        + "; largest free hole "
        + figure(largestHole)
        + ", fragmented free size "
        + figure(fragmented);
  }

  private static String figure(long value) {
    return value == UNKNOWN ? "unknown" : Long.toString(value);
  }

  /**
   * Returns a capacity with which the failed call succeeds.
   *
   * @return the capacity to pass to {@link Allocator#setCapacity(long)} before retrying
   */
  public long getRequestedCapacity() {
    return requestedCapacity;
  }

  /**
   * Returns the longest run of free indices at the moment of failure (gaps and tail).
   *
   * @return the largest free hole, or {@link #UNKNOWN}
   */
  public long getLargestFreeHole() {
    return largestFreeHole;
  }

  /**
   * Returns the free space that was not the final free block at the moment of failure.
   *
   * @return the fragmented free size, or {@link #UNKNOWN}
   */
  public long getFragmentedFreeSize() {
    return fragmentedFreeSize;
  }
}
