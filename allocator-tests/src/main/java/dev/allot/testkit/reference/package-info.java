/**
 * The literal, list-based form of pyglet 2.1's allocator: the oracle the fast first-fit is checked
 * against at every step, and the baseline of the benchmarks.
 */
@NullMarked
package dev.allot.testkit.reference;

import org.jspecify.annotations.NullMarked;
