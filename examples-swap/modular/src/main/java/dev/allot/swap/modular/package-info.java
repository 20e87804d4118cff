/** The module-path example: a named module that finds every strategy module beside it. */
@NullMarked
package dev.allot.swap.modular;

import org.jspecify.annotations.NullMarked;
