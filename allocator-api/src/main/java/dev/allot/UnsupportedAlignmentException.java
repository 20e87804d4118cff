package dev.allot;

/**
 * Thrown by an aligned call with {@code alignment > 1} on an allocator whose strategy places
 * regions without alignment. Nothing has changed; the unaligned call (or alignment 1) still works.
 *
 * <p>A strategy never answers an aligned call with an unaligned start: it either honours the
 * alignment or throws this.
 *
 * @since 0.1.0
 */
public class UnsupportedAlignmentException extends UnsupportedOperationException {

  private static final long serialVersionUID = 1L;

  /** The strategy that refused. */
  private final String strategyName;

  /**
   * Creates the exception.
   *
   * @param strategyName the name of the strategy that does not support alignment
   * @param call the refused call with its arguments, e.g. {@code alloc(96, 256)}
   */
  public UnsupportedAlignmentException(String strategyName, String call) {
    super(call + ": strategy " + strategyName + " does not support alignment above 1");
    this.strategyName = strategyName;
  }

  /**
   * Returns the name of the strategy that refused.
   *
   * @return the strategy name
   */
  public String getStrategyName() {
    return strategyName;
  }
}
