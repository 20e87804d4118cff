package dev.allot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The exception a growing allocator's compaction throws when its listener fails part-way. */
class IncompleteCompactionExceptionTest {

  private final CompactionPlan plan =
      CompactionPlan.builder().add(8, 0, 4).add(20, 4, 2).build(true);

  @Test
  void constructor_moveOfThePlan_namesItInTheMessage() {
    IllegalStateException cause = new IllegalStateException("copy failed");

    IncompleteCompactionException e = new IncompleteCompactionException(plan, 1, cause);

    assertEquals(
        "relocation listener failed on move 1 of 2 (CompactionMove[from=20, to=4, size=2,"
            + " overlapping=false]); the allocator applied the whole plan",
        e.getMessage());
    assertSame(cause, e.getCause());
    assertSame(plan, e.getPlan());
    assertEquals(1, e.getCopiedMoves());
    assertEquals(0, new IncompleteCompactionException(plan, 0, cause).getCopiedMoves());
  }

  @Test
  void constructor_copiedMovesOutsideThePlan_isRejectedByName() {
    IllegalStateException cause = new IllegalStateException("copy failed");
    for (int copied : new int[] {2, -1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new IncompleteCompactionException(plan, copied, cause));
      assertEquals(
          "IncompleteCompactionException: copiedMoves "
              + copied
              + " must name one of the plan's 2 moves",
          e.getMessage());
    }
  }

  /** The plan is not serialized; the copied moves and the cause are, and the message says so. */
  @Test
  void serialized_withoutThePlan_messageKeepsTheCopiedMoves() throws Exception {
    IncompleteCompactionException e =
        new IncompleteCompactionException(plan, 1, new IllegalStateException("copy failed"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    IncompleteCompactionException read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (IncompleteCompactionException) in.readObject();
    }

    assertEquals(
        "relocation listener failed on move 1; the allocator applied the whole plan (not"
            + " serialized)",
        read.getMessage());
    assertEquals(1, read.getCopiedMoves());
    assertEquals("copy failed", read.getCause().getMessage());
  }
}
