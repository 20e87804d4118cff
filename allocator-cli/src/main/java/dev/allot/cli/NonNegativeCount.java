package dev.allot.cli;

/** A count of 0 or more, such as {@code --ops M}. */
final class NonNegativeCount extends CountConverter<Long> {

  NonNegativeCount() {
    super(0, Long.MAX_VALUE);
  }

  @Override
  Long box(long count) {
    return count;
  }
}
