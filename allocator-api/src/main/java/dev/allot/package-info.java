/**
 * Sub-allocation of index ranges inside one growable buffer.
 *
 * <p>{@link dev.allot.Allocator} is the contract, {@link dev.allot.Allocators} the entry point that
 * finds an {@link dev.allot.AllocationStrategy} on the classpath, and {@link dev.allot.Region} a
 * block of allocated space. Every type here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.allot;

import org.jspecify.annotations.NullMarked;
