/**
 * The conformance kit: property-based tests that check any {@link dev.allot.AllocationStrategy}
 * against every invariant of an allocator.
 *
 * <p>Subclass {@link dev.allot.testkit.AllocatorContract} in a test and implement {@code
 * strategy()}; declare {@link dev.allot.testkit.AllocatorFeature}s to add strategy-specific
 * oracles. {@link dev.allot.testkit.AllocationModel} is the independent model every step is checked
 * against and {@link dev.allot.testkit.ContractRun} the checked execution of one program, for users
 * who write their own properties.
 */
@NullMarked
package dev.allot.testkit;

import org.jspecify.annotations.NullMarked;
