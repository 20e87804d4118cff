/**
 * Reproducible allocation workloads that drive any {@link dev.allot.Allocator}: the same programs
 * run in the JMH benchmarks, the {@code bench} command and strategy comparisons. Start at {@link
 * dev.allot.workload.WorkloadKind}.
 */
@NullMarked
package dev.allot.workload;

import org.jspecify.annotations.NullMarked;
