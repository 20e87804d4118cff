package dev.allot.bestfit;

/**
 * The bytes a Java array occupies on a 64-bit JVM with compressed oops: a 16-byte header, the
 * elements, rounded up to 8 bytes. What the {@code footprintBytes} methods of this package add up,
 * one array at a time, so that they count array lengths (not use) the same way everywhere.
 */
final class ArrayBytes {

  /** Bytes of an array's header: mark word, compressed class pointer and length. */
  static final long HEADER = 16;

  /** Bytes of a reference with compressed oops. */
  static final long REFERENCE = 4;

  private ArrayBytes() {}

  /** Returns the bytes of an array of {@code length} elements of {@code elementBytes} each. */
  static long of(long length, long elementBytes) {
    return (HEADER + length * elementBytes + 7) & ~7L;
  }

  /** Returns the bytes of an array of {@code length} references, not what they refer to. */
  static long ofReferences(long length) {
    return of(length, REFERENCE);
  }
}
