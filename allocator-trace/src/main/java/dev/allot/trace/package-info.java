/**
 * Allocation traces: record a workload once, replay it against any strategy.
 *
 * <p>{@link dev.allot.trace.TraceParser} reads the text format of {@code
 * docs/spec/trace-format.md}, {@link dev.allot.trace.TraceReplayer} applies the operations and
 * {@link dev.allot.trace.ReplayFormat} prints one line per operation.
 */
@NullMarked
package dev.allot.trace;

import org.jspecify.annotations.NullMarked;
