package dev.allot.cli;

/** A count of at least 1 that fits an {@code int}, such as {@code --live N}. */
final class PositiveIntCount extends CountConverter<Integer> {

  PositiveIntCount() {
    super(1, Integer.MAX_VALUE);
  }

  @Override
  Integer box(long count) {
    return (int) count;
  }
}
