package dev.allot.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allot.firstfit.FirstFitStrategy;
import dev.allot.trace.OperationKind;
import dev.allot.trace.TraceOperation;
import dev.allot.trace.TraceParser;
import dev.allot.trace.TraceReplayer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Traces are files people edit: any text parses without throwing (a bad line is a malformed
 * operation), reading it from a stream gives the same operations, each well-formed operation
 * renders to a line that parses back to itself, and the parsed trace replays without throwing.
 */
class TraceParserFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parse_anyText_neverThrowsAndRoundTrips(FuzzedDataProvider data) throws IOException {
    String text = data.consumeRemainingAsString();
    List<TraceOperation> operations = TraceParser.parse(text);
    assertEquals(operations, TraceParser.parse(new StringReader(text)), "parse(Reader)");
    for (TraceOperation operation : operations) {
      if (operation.kind() != OperationKind.MALFORMED) {
        assertEquals(
            operation,
            TraceParser.parseLine(operation.toTraceLine(), operation.line()),
            operation.toTraceLine());
      }
    }
    TraceReplayer.replay(operations, new FirstFitStrategy(), true, line -> {});
  }
}
