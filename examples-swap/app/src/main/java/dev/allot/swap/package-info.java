/** The classpath-swap example: one program, the strategy chosen by the jar beside it. */
@NullMarked
package dev.allot.swap;

import org.jspecify.annotations.NullMarked;
