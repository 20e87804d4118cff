/**
 * What strategy authors build on: {@link dev.allot.spi.AbstractAllocator}, the skeleton that owns
 * the call protocol, and the argument checks and alignment arithmetic it shares with strategies.
 * Every type here is non-null unless marked {@code @Nullable}.
 *
 * <p>{@code @NullMarked} here as in {@code dev.allot}: without it, Kotlin (and other JSpecify
 * readers) saw every reference type of this package as a platform type ({@code String!}), so a
 * Kotlin strategy could pass {@code null} to {@code AllocatorArguments} or override {@code
 * copyBlocks} with nullable arrays without a compiler error. NullAway checked the package all along
 * ({@code AnnotatedPackages=dev.allot}), so the annotation changes what users see, not the code.
 */
@NullMarked
package dev.allot.spi;

import org.jspecify.annotations.NullMarked;
