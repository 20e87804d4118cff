package dev.allot.testkit;

import com.google.common.testing.EqualsTester;
import dev.allot.Region;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import org.junit.jupiter.api.Test;

/** The API's value types are equal exactly when every component is. */
class ApiEqualityTest {

  @Test
  void region_equalComponents_areEqualAndHashAlike() {
    new EqualsTester()
        .addEqualityGroup(new Region(2, 3), new Region(2, 3))
        .addEqualityGroup(new Region(3, 2))
        .addEqualityGroup(new Region(2, 4))
        .addEqualityGroup(new Region(0, 0))
        .testEquals();
  }

  @Test
  void traceOperation_equalComponents_areEqualAndHashAlike() {
    new EqualsTester()
        .addEqualityGroup(
            TraceOperation.of(OperationKind.REALLOC, 4, 0, 4, 8),
            new TraceOperation(OperationKind.REALLOC, 0, 4, 8, 4, ""))
        .addEqualityGroup(TraceOperation.of(OperationKind.REALLOC, 5, 0, 4, 8))
        .addEqualityGroup(TraceOperation.of(OperationKind.REALLOC, 4, 0, 4, 9))
        .addEqualityGroup(TraceOperation.of(OperationKind.DEALLOC, 4, 0, 4))
        .addEqualityGroup(TraceOperation.malformed(4, "unknown operation 'free'"))
        .addEqualityGroup(TraceOperation.malformed(4, "alloc takes 1 number(s), got 2"))
        .testEquals();
  }
}
