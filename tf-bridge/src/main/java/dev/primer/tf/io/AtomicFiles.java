package dev.primer.tf.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never a part:
 * the content goes to a hidden file beside the target, which is then moved over it in one step.
 * The file gets the same permissions as any file the user creates (the umask decides), unlike
 * {@code Files.createTempFile}'s owner-only ones. A failed write leaves no temporary file.
 */
public final class AtomicFiles {
  private AtomicFiles() {
    throw new AssertionError("no instances");
  }

  /** Something that writes a file's content. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code content} to {@code file} atomically; creates the parent directories. */
  public static void write(Path file, Content content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code file} atomically. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
