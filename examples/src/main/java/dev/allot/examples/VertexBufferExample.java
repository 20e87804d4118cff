package dev.allot.examples;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Shows {@link VertexBuffer} at work: lists added past the initial capacity grow the buffer, a list
 * that cannot grow in place moves, and its vertices arrive intact. Run it with {@code java -cp
 * examples/target/allocator-examples.jar dev.allot.examples.VertexBufferExample}.
 */
public final class VertexBufferExample {

  private VertexBufferExample() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    VertexBuffer buffer = new VertexBuffer(4);
    long triangle = buffer.add(0, 0, 0, 1, 0, 0, 0, 1, 0);
    long quad = buffer.add(0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1);
    out.println(
        "triangle at "
            + triangle
            + ", quad at "
            + quad
            + "; capacity "
            + buffer.allocator().getCapacity()
            + " vertices after "
            + buffer.growths()
            + " growth(s)");

    long moved = buffer.resize(triangle, 3, 5);
    out.println(
        "triangle grown to 5 vertices moved "
            + triangle
            + " -> "
            + moved
            + " ("
            + buffer.relocations()
            + " relocation(s)); capacity "
            + buffer.allocator().getCapacity());
    out.println("its first vertices: " + Arrays.toString(buffer.read(moved, 3)));
    out.println("quad untouched:     " + Arrays.toString(buffer.read(quad, 4)));
    buffer.remove(quad, 4);
    out.println("after removing the quad: " + QuickStart.blocks(buffer.allocator()));
  }
}
