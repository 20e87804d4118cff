/**
 * Allocation traces ({@code docs/spec/trace-format.md}): parsing, replay and the replay output
 * format in {@code dev.allot.trace}; the benchmark workloads in {@code dev.allot.workload}.
 */
module dev.allot.trace {
  requires transitive dev.allot.api;
  requires static transitive org.jspecify;

  exports dev.allot.trace;
  exports dev.allot.workload;
}
