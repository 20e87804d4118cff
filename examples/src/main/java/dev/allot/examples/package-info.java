/** Runnable examples and the {@code allocator-examples.jar} command line. */
@NullMarked
package dev.allot.examples;

import org.jspecify.annotations.NullMarked;
