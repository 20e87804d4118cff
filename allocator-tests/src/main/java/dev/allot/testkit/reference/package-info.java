/**
 * Reference allocators written to be obviously right rather than fast: the literal, list-based form
 * of pyglet 2.1's allocator (the oracle the fast first-fit is checked against at every step, and
 * the baseline of the benchmarks), and one list-based strategy per {@link
 * dev.allot.testkit.reference.HoleChoice} (the oracle of best-fit, and of the worst-fit example).
 */
@NullMarked
package dev.allot.testkit.reference;

import org.jspecify.annotations.NullMarked;
