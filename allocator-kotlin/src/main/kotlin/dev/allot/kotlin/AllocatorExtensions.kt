@file:JvmName("AllocatorExtensions")

package dev.allot.kotlin

import dev.allot.Allocator
import dev.allot.AllocatorMemoryException
import dev.allot.Region
import dev.allot.UnsupportedAlignmentException

/**
 * Allocates [size] indices at a start that is a multiple of [alignment], with named and default
 * arguments: `allocator.alloc(size = 96, alignment = 256)`. Alignment 1, the default, is the plain
 * [Allocator.alloc].
 *
 * @return the start of the new region
 * @throws AllocatorMemoryException if no free space fits; nothing has changed
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1; nothing has
 *   changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.alloc(size: Long, alignment: Long = 1): Long = allocAligned(size, alignment)

/**
 * [alloc] for `Int` sizes, as OpenGL counts vertices: `allocator.alloc(vertexCount)`.
 *
 * @return the start of the new region
 * @throws AllocatorMemoryException if no free space fits; nothing has changed
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.alloc(size: Int, alignment: Int = 1): Long =
    allocAligned(size.toLong(), alignment.toLong())

/**
 * Resizes the region `[start, start + size)` to [newSize] at a start that is a multiple of
 * [alignment], with named and default arguments: `allocator.realloc(start, size = 96, newSize =
 * 128, alignment = 256)`. Alignment 1, the default, is the plain [Allocator.realloc].
 *
 * @return the start of the resized region; when it differs from [start], copy the data
 * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
 * @throws IllegalArgumentException if a number is negative, [alignment] is below 1 or the region is
 *   not allocated; nothing has changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.realloc(start: Long, size: Long, newSize: Long, alignment: Long = 1): Long =
    reallocAligned(start, size, newSize, alignment)

/**
 * [realloc] for `Int` starts and sizes, as OpenGL keeps `first` and `count`.
 *
 * @return the start of the resized region; when it differs from [start], copy the data
 * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
 * @throws IllegalArgumentException if a number is negative, [alignment] is below 1 or the region is
 *   not allocated; nothing has changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.realloc(start: Int, size: Int, newSize: Int, alignment: Int = 1): Long =
    reallocAligned(start.toLong(), size.toLong(), newSize.toLong(), alignment.toLong())

/**
 * [realloc] for a `Long` start, as [alloc] returns it, and `Int` sizes, as OpenGL counts vertices:
 * `val first = allocator.alloc(vertexCount)`, then `allocator.realloc(first, vertexCount, 12)`.
 *
 * @return the start of the resized region; when it differs from [start], copy the data
 * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
 * @throws IllegalArgumentException if a number is negative, [alignment] is below 1 or the region is
 *   not allocated; nothing has changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.realloc(start: Long, size: Int, newSize: Int, alignment: Int = 1): Long =
    reallocAligned(start, size.toLong(), newSize.toLong(), alignment.toLong())

/**
 * [Allocator.dealloc] for `Int` starts and sizes, as OpenGL keeps `first` and `count`.
 *
 * @throws IllegalArgumentException if a number is negative or the range is not allocated; nothing
 *   has changed
 * @since 0.1.0
 */
public fun Allocator.dealloc(start: Int, size: Int): Unit = dealloc(start.toLong(), size.toLong())

/**
 * [Allocator.dealloc] for a `Long` start, as [alloc] returns it, and an `Int` size, as OpenGL counts
 * vertices: `allocator.dealloc(allocator.alloc(vertexCount), vertexCount)`.
 *
 * @throws IllegalArgumentException if a number is negative or the range is not allocated; nothing
 *   has changed
 * @since 0.1.0
 */
public fun Allocator.dealloc(start: Long, size: Int): Unit = dealloc(start, size.toLong())

/**
 * Allocates [size] indices aligned to [alignment] and returns them as a [Region], to pass whole to
 * [dealloc], [realloc] and `in`. Alignment 1, the default, is the plain [Allocator.alloc].
 *
 * @throws AllocatorMemoryException if no free space fits; nothing has changed
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.allocRegion(size: Long, alignment: Long = 1): Region =
    Region(allocAligned(size, alignment), size)

/**
 * [allocRegion] for `Int` sizes, as OpenGL counts vertices.
 *
 * @throws AllocatorMemoryException if no free space fits; nothing has changed
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.allocRegion(size: Int, alignment: Int = 1): Region =
    allocRegion(size.toLong(), alignment.toLong())

/**
 * Frees [region], which must lie inside one allocated block.
 *
 * @throws IllegalArgumentException if the region is not allocated; nothing has changed
 * @since 0.1.0
 */
public fun Allocator.dealloc(region: Region): Unit = dealloc(region.start, region.size)

/**
 * Resizes [region] to [newSize] aligned to [alignment], and returns where it now lies; when its
 * start differs from the old one, copy the data. Alignment 1, the default, is the plain
 * [Allocator.realloc].
 *
 * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
 * @throws IllegalArgumentException if [newSize] is negative, [alignment] is below 1 or the region
 *   is not allocated; nothing has changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.realloc(region: Region, newSize: Long, alignment: Long = 1): Region =
    Region(reallocAligned(region.start, region.size, newSize, alignment), newSize)

/**
 * [realloc] of a [Region] for `Int` sizes, as OpenGL counts vertices.
 *
 * @throws AllocatorMemoryException if the region must move and nothing fits; nothing has changed
 * @throws IllegalArgumentException if [newSize] is negative, [alignment] is below 1 or the region
 *   is not allocated; nothing has changed
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public fun Allocator.realloc(region: Region, newSize: Int, alignment: Int = 1): Region =
    realloc(region, newSize.toLong(), alignment.toLong())

/**
 * Whether [region] is allocated, every index of it inside one block, so that `dealloc(region)` would
 * free it: `region in allocator`. An empty region is always in, as `dealloc` accepts it.
 *
 * Reads [Allocator.getAllocatedRegions], so it costs a walk of the blocks: meant for checks and
 * tests, not for every draw call.
 *
 * @since 0.1.0
 */
public operator fun Allocator.contains(region: Region): Boolean =
    region.isEmpty || allocatedRegions.any { it.contains(region.start, region.size) }

/**
 * The number of allocated indices, `capacity - freeSize`.
 *
 * @since 0.1.0
 */
public val Allocator.allocatedSize: Long
    get() = capacity - freeSize

/**
 * Allocates a region of [size] indices aligned to [alignment], runs [block] with it, and frees it
 * when the block ends, normally, by an exception or by a `return` out of it, as `use` closes a
 * resource:
 * ```
 * allocator.withRegion(size = 96) { (start, size) ->
 *     upload(start, size)
 *     draw(start, size)
 * }
 * ```
 *
 * Alignment 1, the default, allocates with the plain [Allocator.alloc].
 *
 * The block must leave the region as it was given (not free or resize it), since it is freed as
 * given. If freeing throws after the block threw, the block's exception is thrown with the other
 * one suppressed.
 *
 * @return what [block] returns
 * @throws AllocatorMemoryException if no free space fits; [block] does not run
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public inline fun <R> Allocator.withRegion(
    size: Long,
    alignment: Long = 1,
    block: (Region) -> R,
): R {
    val region = allocRegion(size, alignment)
    // Freed in finally, as `use` closes: the block is inlined, so a `return` (or a return to an
    // outer label) in it leaves this function without passing any code after the try, and the
    // region stayed allocated when the free came after it.
    var failure: Throwable? = null
    try {
        return block(region)
    } catch (e: Throwable) {
        failure = e
        throw e
    } finally {
        if (failure == null) {
            dealloc(region)
        } else {
            try {
                dealloc(region)
            } catch (second: Throwable) {
                failure.addSuppressed(second)
            }
        }
    }
}

/**
 * [withRegion] for `Int` sizes, as OpenGL counts vertices.
 *
 * @return what [block] returns
 * @throws AllocatorMemoryException if no free space fits; [block] does not run
 * @throws IllegalArgumentException if [size] is negative or [alignment] is below 1
 * @throws UnsupportedAlignmentException if the strategy does not support [alignment] above 1
 * @since 0.1.0
 */
public inline fun <R> Allocator.withRegion(
    size: Int,
    alignment: Int = 1,
    block: (Region) -> R,
): R = withRegion(size.toLong(), alignment.toLong(), block)

/**
 * The Java call an extension's [alignment] stands for: alignment 1, the default, is the unaligned
 * [Allocator.alloc], as a Java caller who leaves the alignment out makes it. A recorder then writes
 * `alloc SIZE`, not `alloc SIZE 1`, and a bad size is named `alloc(SIZE)`, not `alloc(SIZE, 1)`:
 * `allocator.alloc(size = 6)` records and fails as `allocator.alloc(6L)` does.
 */
private fun Allocator.allocAligned(size: Long, alignment: Long): Long =
    if (alignment == 1L) alloc(size) else alloc(size, alignment)

/** [allocAligned] for [Allocator.realloc]: alignment 1 is the unaligned call, for the same reasons. */
private fun Allocator.reallocAligned(start: Long, size: Long, newSize: Long, alignment: Long): Long =
    if (alignment == 1L) realloc(start, size, newSize) else realloc(start, size, newSize, alignment)
