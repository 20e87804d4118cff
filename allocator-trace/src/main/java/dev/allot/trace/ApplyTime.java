package dev.allot.trace;

/**
 * How long applying a trace took, reading it left out: the result of {@link
 * TraceReplayer#time(java.util.Iterator, dev.allot.AllocationStrategy)}.
 *
 * @param operations the operations applied
 * @param nanos the nanoseconds spent applying them
 * @since 0.1.0
 */
public record ApplyTime(long operations, long nanos) {}
