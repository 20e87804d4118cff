package dev.allot;

/**
 * Thrown by {@link Allocator#compact(long, long)} on an allocator whose strategy cannot move its
 * blocks (one written before compaction existed) when there is fragmented space to give back.
 * Nothing has changed; with nothing to compact the call returns an empty, complete plan instead.
 *
 * @since 0.1.0
 */
public class UnsupportedCompactionException extends UnsupportedOperationException {

  private static final long serialVersionUID = 1L;

  /** The strategy that refused. */
  private final String strategyName;

  /**
   * Creates the exception.
   *
   * @param strategyName the name of the strategy that does not compact
   * @param call the refused call with its arguments, e.g. {@code compact(4096, 1)}
   */
  public UnsupportedCompactionException(String strategyName, String call) {
    super(call + ": strategy " + strategyName + " does not support compaction");
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
