package dev.allot.testkit;

import com.google.common.testing.NullPointerTester;
import dev.allot.AllocationStrategy;
import dev.allot.Allocators;
import dev.allot.Region;
import dev.allot.spi.AllocatorArguments;
import dev.allot.testkit.reference.HoleChoice;
import dev.allot.testkit.reference.ListReferenceStrategy;
import dev.allot.testkit.reference.PygletReferenceStrategy;
import dev.allot.trace.OperationKind;
import dev.allot.trace.ReplayFormat;
import dev.allot.trace.StepResult;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the API's value and utility types rejects {@code null} where its
 * {@code @NullMarked} signature forbids it, with {@link NullPointerException}, instead of failing
 * later or storing it.
 */
class ApiNullnessTest {

  private final NullPointerTester tester =
      new NullPointerTester()
          .setDefault(AllocationStrategy.class, new PygletReferenceStrategy())
          .setDefault(OperationKind.class, OperationKind.ALLOC)
          .setDefault(TraceOperation.class, TraceOperation.of(OperationKind.ALLOC, 1, 3))
          .setDefault(StepResult.class, new StepResult(StepResult.Outcome.OK, 0, ""));

  @Test
  void region_nullArguments_areRejected() {
    tester.testAllPublicConstructors(Region.class);
    tester.testAllPublicInstanceMethods(new Region(2, 3));
  }

  @Test
  void allocators_nullArguments_areRejected() {
    tester.testAllPublicStaticMethods(Allocators.class);
  }

  /**
   * The checks every call makes read {@code call} and {@code args} only when they throw, so that
   * the hot path pays for no null check; a null there fails on the failure path instead.
   */
  @Test
  void allocatorArguments_nullArguments_areRejected() throws NoSuchMethodException {
    tester
        .ignore(
            AllocatorArguments.class.getMethod("requireNonNegative", String.class, long[].class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireEndFits", long.class, long.class, String.class, long[].class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "sum", long.class, long.class, String.class, long[].class))
        .ignore(AllocatorArguments.class.getMethod("requireNonNegative", String.class, long.class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireNonNegative", String.class, long.class, long.class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireNonNegative", String.class, long.class, long.class, long.class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireNonNegative", String.class, long.class, long.class, long.class, long.class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireAlignment", long.class, String.class, long[].class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "alignUp", long.class, long.class, String.class, long[].class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireEndFits", long.class, long.class, String.class, long.class, long.class))
        .ignore(
            AllocatorArguments.class.getMethod(
                "requireEndFits",
                long.class,
                long.class,
                String.class,
                long.class,
                long.class,
                long.class))
        .testAllPublicStaticMethods(AllocatorArguments.class);
  }

  @Test
  void traceOperation_nullArguments_areRejected() {
    tester.testAllPublicStaticMethods(TraceOperation.class);
    tester.testAllPublicConstructors(TraceOperation.class);
    tester.testAllPublicInstanceMethods(TraceOperation.of(OperationKind.REALLOC, 1, 0, 4, 8));
  }

  @Test
  void traceParser_nullArguments_areRejected() {
    tester.testAllPublicStaticMethods(TraceParser.class);
  }

  @Test
  void traceReplayer_nullArguments_areRejected() {
    tester.testAllPublicConstructors(TraceReplayer.class);
    tester.testAllPublicStaticMethods(TraceReplayer.class);
    tester.testAllPublicInstanceMethods(new TraceReplayer(new PygletReferenceStrategy()));
  }

  @Test
  void replayFormatAndStepResult_nullArguments_areRejected() {
    tester.testAllPublicStaticMethods(ReplayFormat.class);
    tester.testAllPublicConstructors(StepResult.class);
    tester.testAllPublicStaticMethods(OperationKind.class);
  }

  @Test
  void listReference_nullArguments_areRejected() {
    tester.testAllPublicConstructors(ListReferenceStrategy.class);
    tester.testAllPublicStaticMethods(ListReferenceStrategy.class);
    tester.testAllPublicInstanceMethods(HoleChoice.SMALLEST);
  }
}
