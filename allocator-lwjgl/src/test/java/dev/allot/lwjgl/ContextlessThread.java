package dev.allot.lwjgl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs arena calls on a thread where no OpenGL context is current, as a program that hands an arena
 * to a worker thread does. Without the arenas' check LWJGL aborts the JVM there, so a missing check
 * fails the whole test run, not only its test.
 */
final class ContextlessThread {

  /** The thread's name, which the arenas' message gives. */
  static final String NAME = "no-context";

  private ContextlessThread() {}

  /**
   * Runs each call on a new thread named {@value #NAME} and returns the message of the {@code
   * IllegalStateException} each must throw, in order.
   */
  static List<String> refusals(Executable... calls)
      throws InterruptedException, ExecutionException {
    FutureTask<List<String>> task =
        new FutureTask<>(
            () -> {
              List<String> messages = new ArrayList<>();
              for (Executable call : calls) {
                messages.add(assertThrows(IllegalStateException.class, call).getMessage());
              }
              return messages;
            });
    Thread thread = new Thread(task, NAME);
    thread.start();
    thread.join();
    return task.get();
  }

  /** The message of a refused {@code call}, such as {@code VertexArena.allocate}. */
  static String refusal(String call) {
    return call
        + ": no OpenGL context is current on thread '"
        + NAME
        + "'; call it where the arena's context is current (with its capabilities set by"
        + " GL.createCapabilities or GL.setCapabilities)";
  }
}
