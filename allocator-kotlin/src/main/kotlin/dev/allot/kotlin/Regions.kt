@file:JvmName("Regions")

package dev.allot.kotlin

import dev.allot.Region

/**
 * The first index of the region, for destructuring: `val (start, size) = region`.
 *
 * @since 0.1.0
 */
public operator fun Region.component1(): Long = start

/**
 * The number of indices of the region, for destructuring: `val (start, size) = region`.
 *
 * @since 0.1.0
 */
public operator fun Region.component2(): Long = size

/**
 * The index just past the region, `start + size`: [Region.end] read as a property.
 *
 * @since 0.1.0
 */
public val Region.end: Long
    get() = end()

/**
 * The indices of the region, `start until end`, for `for (i in region.indices)`.
 *
 * @since 0.1.0
 */
public val Region.indices: LongRange
    get() = start until end()

/**
 * Whether the region holds no index.
 *
 * @since 0.1.0
 */
public val Region.isEmpty: Boolean
    get() = size == 0L

/**
 * Whether [index] lies in the region, `start <= index < end`: `index in region`.
 *
 * @since 0.1.0
 */
public operator fun Region.contains(index: Long): Boolean = index >= start && index - start < size

/**
 * Whether [index] lies in the region, for `Int` indices such as OpenGL's `first`: `index in region`.
 *
 * @since 0.1.0
 */
public operator fun Region.contains(index: Int): Boolean = contains(index.toLong())
