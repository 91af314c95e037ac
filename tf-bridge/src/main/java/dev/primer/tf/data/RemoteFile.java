package dev.primer.tf.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file to download and what it must be: its exact size and SHA-256.
 *
 * @param name   the file name, both under the mirror's base URL and in the cache directory
 * @param bytes  the exact size in bytes
 * @param sha256 the SHA-256 of the whole file, 64 lowercase hex digits
 */
public record RemoteFile(String name, long bytes, String sha256) {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  /** @throws IllegalArgumentException if a value is malformed */
  public RemoteFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("name must be a plain file name, got \"" + name + "\"");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }
    if (!HEX_64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got \"" + sha256 + "\"");
    }
  }
}
