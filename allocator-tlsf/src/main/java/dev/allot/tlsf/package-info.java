/** Two-level segregated fit in constant time per call: {@link dev.allot.tlsf.TlsfStrategy}. */
@NullMarked
package dev.allot.tlsf;

import org.jspecify.annotations.NullMarked;
