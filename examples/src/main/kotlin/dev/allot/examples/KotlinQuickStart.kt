@file:JvmName("KotlinQuickStart")

package dev.allot.examples

import dev.allot.AllocatorMemoryException
import dev.allot.Allocators
import dev.allot.GrowthPolicy
import java.io.PrintStream

/**
 * The Kotlin quickstart: the same steps as `QuickStart.java`, with the API read as Kotlin
 * properties (`allocator.capacity`, `region.start`). The API is `@NullMarked` (JSpecify), so every
 * type below is a real Kotlin type, not a platform type; the build compiles this with `-Werror`.
 *
 * Run: `java -cp examples/target/allocator-examples.jar dev.allot.examples.KotlinQuickStart`
 */
fun main() = runQuickStart(System.out)

/** Runs the quickstart, printing to [out]. */
fun runQuickStart(out: PrintStream) {
    val allocator = Allocators.create("first-fit", 16)
    val a = allocator.alloc(4)
    val b = allocator.alloc(6)
    out.println("a=$a b=$b capacity=${allocator.capacity}")

    allocator.dealloc(a, 4)
    val moved = allocator.realloc(b, 6, 8)
    val blocks = allocator.allocatedRegions.joinToString(",") { "${it.start}:${it.size}" }
    out.println("after dealloc(a) and realloc(b, 6, 8): b=$moved blocks=$blocks")

    try {
        allocator.alloc(10)
    } catch (e: AllocatorMemoryException) {
        allocator.capacity = e.requestedCapacity
        out.println("alloc(10) needed capacity ${e.requestedCapacity}, got c=${allocator.alloc(10)}")
    }
    out.println("usage %.2f, fragmentation %.2f".format(allocator.usage, allocator.fragmentation))

    // Two lambdas, growth then relocation: a growth lambda alone does not compile, so a moved
    // region's data is never forgotten.
    val growing = Allocators.growing(
        Allocators.create("first-fit", 4),
        GrowthPolicy.doubling(),
        { oldCapacity, newCapacity -> out.println("buffer grows $oldCapacity -> $newCapacity") },
    ) { oldStart, newStart, size -> out.println("region of $size moved $oldStart -> $newStart") }
    val first = growing.alloc(3)
    growing.alloc(1)
    growing.realloc(first, 3, 4)
    out.println("growing allocator capacity ${growing.capacity}, strategy ${growing.strategyName}")

    val exact = Allocators.growing(
        Allocators.create("first-fit", 2),
        GrowthPolicy.exact(),
        { old, new -> out.println("exact growth $old -> $new") },
    ) { oldStart, newStart, size -> out.println("exact: region of $size moved $oldStart -> $newStart") }
    val region = exact.alloc(5)
    out.println("region at $region, capacity ${exact.capacity}, free ${exact.freeSize}")
}
