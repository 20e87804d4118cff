package dev.allot.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VertexBufferTest {

  /** Operations in the random workload; enough for many growths and relocations. */
  private static final int STEPS = 3_000;

  private static float[] randomVertices(Random random, int count) {
    float[] xyz = new float[count * VertexBuffer.FLOATS_PER_VERTEX];
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] = random.nextFloat();
    }
    return xyz;
  }

  @Test
  void randomWorkload_everyLiveListKeepsItsVerticesThroughGrowthRelocationAndFrees() {
    Random random = new Random(42);
    VertexBuffer buffer = new VertexBuffer(1);
    Map<Long, float[]> live = new LinkedHashMap<>();
    for (int step = 0; step < STEPS; step++) {
      List<Long> starts = new ArrayList<>(live.keySet());
      int choice = starts.isEmpty() ? 0 : random.nextInt(4);
      if (choice == 0) {
        float[] xyz = randomVertices(random, 1 + random.nextInt(20));
        live.put(buffer.add(xyz), xyz);
      } else {
        long start = starts.get(random.nextInt(starts.size()));
        float[] xyz = live.remove(start);
        int count = xyz.length / VertexBuffer.FLOATS_PER_VERTEX;
        if (choice == 1) {
          buffer.remove(start, count);
        } else if (choice == 2) {
          int kept = 1 + random.nextInt(count);
          buffer.remove(start + kept, count - kept);
          live.put(start, Arrays.copyOf(xyz, kept * VertexBuffer.FLOATS_PER_VERTEX));
        } else {
          int newCount = count + random.nextInt(12);
          long newStart = buffer.resize(start, count, newCount);
          float[] grown = Arrays.copyOf(xyz, newCount * VertexBuffer.FLOATS_PER_VERTEX);
          float[] tail = randomVertices(random, newCount - count);
          System.arraycopy(tail, 0, grown, xyz.length, tail.length);
          buffer.write(newStart + count, tail);
          live.put(newStart, grown);
        }
      }
      for (Map.Entry<Long, float[]> list : live.entrySet()) {
        float[] expected = list.getValue();
        assertArrayEquals(
            expected,
            buffer.read(list.getKey(), expected.length / VertexBuffer.FLOATS_PER_VERTEX),
            "list at " + list.getKey() + " after step " + step);
      }
    }
    assertTrue(buffer.growths() >= 5, "growths " + buffer.growths());
    assertTrue(buffer.relocations() >= 50, "relocations " + buffer.relocations());
  }

  @Test
  void add_partialVertex_illegalArgumentAndNothingAllocated() {
    VertexBuffer buffer = new VertexBuffer(4);
    assertThrows(IllegalArgumentException.class, () -> buffer.add(1, 2));
    assertTrue(buffer.allocator().isEmpty());
  }

  @Test
  void example_printsGrowthRelocationAndIntactData() {
    assertEquals(
        List.of(
            "triangle at 0, quad at 3; capacity 8 vertices after 1 growth(s)",
            "triangle grown to 5 vertices moved 0 -> 7 (1 relocation(s)); capacity 16",
            "its first vertices: [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]",
            "quad untouched:     [0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0]",
            "after removing the quad: blocks=7:5"),
        QuickStartTest.lines(VertexBufferExample::run));
  }
}
