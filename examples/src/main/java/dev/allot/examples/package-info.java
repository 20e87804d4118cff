/** Runnable examples: quickstarts, a vertex buffer, recording, and a custom strategy. */
@NullMarked
package dev.allot.examples;

import org.jspecify.annotations.NullMarked;
