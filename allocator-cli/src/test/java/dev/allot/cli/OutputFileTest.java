package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file is there whole or not at all: the text goes to a temporary file beside it, moved
 * over it once written. The failure part-way of a real run (a file size limit) is {@code
 * MapCommandTest.map_outputFailingPartWay_leavesTheOldPictureAndNoTemporaryFile}; here a write that
 * throws stands for it, as a full disk's does.
 */
class OutputFileTest {

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void close_failurePartWay_leavesTheFileAsItWasAndNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("map.svg"), "good");

    IOException failure =
        assertThrows(
            IOException.class,
            () -> {
              try (OutputFile out = OutputFile.open(file)) {
                out.write("<svg>".repeat(10_000)); // past the buffer: on disk already
                throw new IOException("File too large");
              }
            });

    assertEquals("File too large", failure.getMessage());
    assertEquals("good", Files.readString(file));
    assertEquals(List.of(file), files(dir));
  }

  @Test
  void commit_existingFile_replacesItWholeAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("map.svg"), "old picture, longer than the new");

    try (OutputFile out = OutputFile.open(file)) {
      out.write("new ");
      // The temporary file is beside the file, hidden: the file is the old one until the commit.
      assertEquals("old picture, longer than the new", Files.readString(file));
      assertEquals(2, files(dir).size(), files(dir).toString());
      out.write("picture");
      out.commit();
    }

    assertEquals("new picture", Files.readString(file));
    assertEquals(List.of(file), files(dir));
  }

  @Test
  void open_missingDirectory_failsAtOnceNamingTheFileInWords(@TempDir Path dir) {
    Path file = dir.resolve("missing").resolve("map.svg");

    FileSystemException failure =
        assertThrows(FileSystemException.class, () -> OutputFile.open(file).close());

    // Not the temporary file's name, which the user never gave.
    assertEquals(file.toString(), failure.getFile());
    assertEquals("no such file", failure.getReason());
  }

  @Test
  void commit_symbolicLink_replacesTheFileItPointsToAndKeepsTheLink(@TempDir Path dir)
      throws IOException {
    Path target =
        Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("a.svg"), "");
    Path link = Files.createSymbolicLink(dir.resolve("link.svg"), target);

    try (OutputFile out = OutputFile.open(link)) {
      out.write("picture");
      out.commit();
    }

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("picture", Files.readString(target));
    assertEquals(List.of(target), files(target.getParent()));
  }

  /**
   * A device is written in place: moving a temporary file over {@code /dev/null} would replace the
   * device with a file (as root, who may create files in {@code /dev}).
   */
  @Test
  void commit_device_writesInPlaceAndLeavesTheDevice() throws IOException {
    Path device = Path.of("/dev/null");
    assumeTrue(Files.isWritable(device), "no /dev/null here");
    List<Path> before = files(device.getParent());

    try (OutputFile out = OutputFile.open(device)) {
      out.write("picture");
      out.commit();
    }

    assertFalse(Files.isRegularFile(device), "/dev/null became a file");
    assertEquals(before, files(device.getParent()));
  }
}
