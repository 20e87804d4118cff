@file:JvmName("KotlinConsumer")

package dev.allot.consumer

import dev.allot.Allocators
import dev.allot.kotlin.allocRegion
import dev.allot.kotlin.component1
import dev.allot.kotlin.component2
import dev.allot.kotlin.contains
import dev.allot.kotlin.withRegion

/** The README's Kotlin example, run against the staged artifacts, allocator-kotlin included. */
fun main() {
    val allocator = Allocators.create("first-fit", 1024)
    val region = allocator.allocRegion(96)
    val (start, size) = region
    check(start == 0L && size == 96L) { "region $region" }
    check(95 in region && 96 !in region) { "index in region" }
    check(region in allocator) { "region in allocator" }

    val vertexCount: Int = 32
    val drawn = allocator.withRegion(vertexCount) { (first, count) -> "$first+$count" }
    check(drawn == "96+32" && allocator.allocatedRegions.size == 1) { "withRegion $drawn" }
    println("consumer-check kotlin: ${allocator.strategyName}, region $start+$size, then $drawn")
}
