package dev.allot.cli;

/** Reads {@code --growth}: {@code doubling} or {@code exact}. */
final class GrowthConverter extends ChoiceConverter<Growth> {

  GrowthConverter() {
    super(Growth.class);
  }
}
