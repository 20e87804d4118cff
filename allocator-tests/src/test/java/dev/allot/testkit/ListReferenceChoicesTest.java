package dev.allot.testkit;

import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list references of the other two hole choices keep every invariant that applies to all
 * strategies, and compaction's, over fewer programs than {@link ListReferenceContractTest} runs for
 * best-fit: they differ from it only in the hole a placement picks.
 */
class ListReferenceChoicesTest {

  /** Programs per invariant and choice. */
  private static final int PROGRAMS = 100;

  static Stream<Arguments> choicesAndInvariants() {
    return Stream.of(HoleChoice.FIRST, HoleChoice.LARGEST)
        .flatMap(
            choice ->
                Arrays.stream(Invariant.values())
                    .filter(
                        invariant ->
                            invariant.feature() == null
                                || invariant.feature() == AllocatorFeature.COMPACTION)
                    .map(invariant -> Arguments.of(choice, invariant)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("choicesAndInvariants")
  void invariant_firstAndLargestChoice_holds(HoleChoice choice, Invariant invariant) {
    ContractProperties.check(
        invariant, new ListReferenceStrategy(choice), PROGRAMS, ContractSettings.seed());
  }
}
