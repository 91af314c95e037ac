package dev.primer.tf.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file operation failed, in a few words for an error message that already names the file:
 * {@code "<file>: not readable (permission denied)"}. The JDK's own messages repeat the path
 * and, for a missing file, say only the path; these say what happened.
 */
public final class IoReasons {
  private IoReasons() {
    throw new AssertionError("no instances");
  }

  /**
   * The reason of {@code cause}: {@code permission denied}; {@code it does not exist}; the file
   * system's own reason (such as {@code Is a directory}), as it gives it; else the exception's
   * message, or its class name when it has none.
   */
  public static String of(IOException cause) {
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof NoSuchFileException) {
      return "it does not exist";
    }
    if (cause instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
