package dev.allot.lwjgl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.opengl.GL15.GL_DYNAMIC_DRAW;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lwjgl.BufferUtils;

/** The buffer object under the arenas: growth keeps bytes, moves copy as System.arraycopy does. */
@ExtendWith(HeadlessGl.class)
class GpuBufferGlTest {

  private static final int SIZE = 1024;

  /** A buffer filled with seeded random bytes, and the same bytes on the CPU. */
  private static byte[] fill(GpuBuffer buffer, int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    buffer.write(0, BufferUtils.createByteBuffer(size).put(bytes).flip());
    return bytes;
  }

  private static byte[] read(GpuBuffer buffer, int size) {
    ByteBuffer into = BufferUtils.createByteBuffer(size);
    buffer.read(0, into);
    byte[] bytes = new byte[size];
    into.get(bytes);
    return bytes;
  }

  @ParameterizedTest(name = "move {0} -> {1}, {2} bytes")
  @CsvSource({
    "0, 512, 256", // apart
    "0, 256, 256", // touching: one copy, no overlap
    "300, 200, 400", // down, overlapping
    "200, 300, 400", // up, overlapping
    "1, 0, 1000", // down by one byte
    "0, 1, 1000", // up by one byte
    "100, 100, 50", // onto itself
    "7, 900, 0" // nothing
  })
  void move_anyRanges_resultOfArraycopy(int from, int to, int bytes) {
    assertMoveIsArraycopy(from, to, bytes, -1);
  }

  /**
   * The driver refusing the scratch buffer (out of memory) makes an overlapping move go in steps,
   * with the same result; before, the move threw, after the arena's allocator had moved.
   */
  @ParameterizedTest(name = "move {0} -> {1}, {2} bytes, no scratch")
  @CsvSource({
    "300, 200, 400", // down by 100: four steps
    "200, 300, 400", // up by 100
    "1, 0, 1000", // down by one byte: a thousand
    "0, 1, 1000",
    "0, 3, 10", // up by 3: the last step shorter
    "10, 3, 10", // down by 7: the last step shorter
  })
  void move_overlappingWithoutAScratchBuffer_resultOfArraycopy(int from, int to, int bytes) {
    assertMoveIsArraycopy(from, to, bytes, 0);
  }

  private static void assertMoveIsArraycopy(int from, int to, int bytes, int scratches) {
    try (GpuBuffer buffer = new GpuBuffer(SIZE, GL_DYNAMIC_DRAW)) {
      buffer.scratchesBeforeFailure = scratches;
      byte[] expected = fill(buffer, SIZE, from * 31L + to);
      buffer.move(from, to, bytes);
      System.arraycopy(expected, from, expected, to, bytes);
      assertArrayEquals(expected, read(buffer, SIZE));
    }
    HeadlessGl.assertNoGlError("after the move");
  }

  @Test
  void move_overlappingMovesOfGrowingSize_scratchReplacedAndEveryResultRight() {
    try (GpuBuffer buffer = new GpuBuffer(SIZE, GL_DYNAMIC_DRAW)) {
      byte[] expected = fill(buffer, SIZE, 5);
      int[][] moves = {{10, 0, 16}, {0, 40, 100}, {40, 30, 900}, {30, 31, 20}, {31, 0, 993}};
      for (int[] move : moves) {
        buffer.move(move[0], move[1], move[2]);
        System.arraycopy(expected, move[0], expected, move[1], move[2]);
        assertArrayEquals(expected, read(buffer, SIZE), "after move " + move[0] + "->" + move[1]);
      }
    }
  }

  @Test
  void enlarge_keepPrefix_prefixCopiedNameChangedSizeRaised() {
    try (GpuBuffer buffer = new GpuBuffer(256, GL_DYNAMIC_DRAW)) {
      byte[] before = fill(buffer, 256, 9);
      int oldName = buffer.name();
      buffer.enlarge(SIZE, 200);
      assertEquals(SIZE, buffer.size());
      assertEquals(false, oldName == buffer.name(), "a new buffer object");
      byte[] after = read(buffer, 200);
      byte[] kept = new byte[200];
      System.arraycopy(before, 0, kept, 0, 200);
      assertArrayEquals(kept, after);
    }
  }

  @Test
  void enlarge_fromEmpty_noCopy() {
    try (GpuBuffer buffer = new GpuBuffer(0, GL_DYNAMIC_DRAW)) {
      buffer.enlarge(64, 0);
      byte[] expected = fill(buffer, 64, 3);
      assertArrayEquals(expected, read(buffer, 64));
    }
  }
}
