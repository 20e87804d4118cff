/** Best-fit placement in O(log n) per call: {@link dev.allot.bestfit.BestFitStrategy}. */
@NullMarked
package dev.allot.bestfit;

import org.jspecify.annotations.NullMarked;
