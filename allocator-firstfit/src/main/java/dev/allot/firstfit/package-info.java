/** First-fit placement, pyglet 2.1 exact: {@link dev.allot.firstfit.FirstFitStrategy}. */
@NullMarked
package dev.allot.firstfit;

import org.jspecify.annotations.NullMarked;
