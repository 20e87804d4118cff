package dev.allot.cli;

/** A count of at least 1, such as {@code --compact-every N}. */
final class PositiveCount extends CountConverter<Long> {

  PositiveCount() {
    super(1, Long.MAX_VALUE);
  }

  @Override
  Long box(long count) {
    return count;
  }
}
