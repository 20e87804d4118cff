/**
 * JMH benchmarks and the footprint probe: every strategy against the literal pyglet reference on
 * the shared {@link dev.allot.workload.Workload}s. Build with {@code mvn -pl allocator-benchmarks
 * -am package -DskipTests}, run {@code java -jar allocator-benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package dev.allot.benchmarks;

import org.jspecify.annotations.NullMarked;
