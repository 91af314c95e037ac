package dev.primer.tf.data;

import dev.primer.tf.io.IoReasons;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A data file that cannot be used: missing, not readable, corrupt, or not what its header claims;
 * or a download that failed or did not match its checksum.
 *
 * <p>Every message reads {@code "<file>: <problem>"}, where {@code <file>} is a path, a
 * {@code classpath:} resource or a URL, and says what was expected and what was found. Byte
 * offsets count from the start of the IDX data, that is after decompression for gzip files (the
 * message then says "of the decompressed data"). Each message has its own factory below; the tests
 * assert the exact text of each once, and docs/DATA.md lists them.
 *
 * <p>Unchecked: these are conditions of the user's files or network, not of the calling code, and
 * a command line catches this one type and prints {@link #getMessage()}.
 */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;

  private DataFileException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  private DataFileException(String file, String problem) {
    this(file, problem, null);
  }

  /** The file, resource ({@code classpath:/...}) or URL the message is about. */
  public String file() {
    return file;
  }

  // ---- finding files ----

  static DataFileException notADirectory(Path dir) {
    return new DataFileException(dir.toString(), "not a directory; expected a directory holding "
        + String.join(", ", MnistFiles.NAMES.subList(0, 3)) + " and " + MnistFiles.NAMES.get(3)
        + ", each plain or .gz");
  }

  static DataFileException noSuchDirectory(Path dir) {
    return new DataFileException(dir.toString(), "does not exist; expected a directory holding "
        + String.join(", ", MnistFiles.NAMES.subList(0, 3)) + " and " + MnistFiles.NAMES.get(3)
        + ", each plain or .gz");
  }

  /**
   * A path that exists (or may) but cannot be opened or looked up: {@code FILE: not readable
   * (permission denied)}.
   */
  static DataFileException notReadable(String file, IOException cause) {
    return new DataFileException(file, "not readable (" + IoReasons.of(cause) + ")", cause);
  }

  /** {@code name} could not even be looked up in {@code dir}: the directory cannot be searched. */
  static DataFileException directoryNotReadable(Path dir, String name, IOException cause) {
    return new DataFileException(dir.toString(), "not readable (" + IoReasons.of(cause)
        + "): cannot look for " + name + " in it", cause);
  }

  /** {@code FILE: is a directory; expected an IDX file (plain or .gz)}. */
  static DataFileException notAFile(Path file, String what) {
    return new DataFileException(file.toString(), "is " + what
        + "; expected an IDX file (plain or .gz)");
  }

  static DataFileException missingFile(Path dir, String name) {
    return new DataFileException(dir.toString(), "missing " + name + ": expected a file named "
        + name + " or " + name + ".gz");
  }

  static DataFileException missingResource(String resource) {
    return new DataFileException(resource, "not found on the classpath; the tf-bridge jar is incomplete");
  }

  /** A read that failed after the file opened (an open that fails is {@link #notReadable}). */
  static DataFileException unreadable(String file, IOException cause) {
    return new DataFileException(file, "cannot read: " + cause, cause);
  }

  // ---- IDX structure ----

  static DataFileException wrongMagic(String file, long found, int expected, String kind) {
    return new DataFileException(file, String.format(
        "wrong magic number 0x%08X at byte offset 0, expected 0x%08X (%s)", found, expected, kind));
  }

  static DataFileException truncated(String file, long offset, boolean gzip, IdxLayout layout) {
    return new DataFileException(file, String.format("truncated at byte offset %d%s: expected %d bytes (%s)",
        offset, ofDecompressed(gzip), layout.totalBytes(), layout.description()));
  }

  static DataFileException trailingData(String file, boolean gzip, IdxLayout layout) {
    return new DataFileException(file, String.format(
        "unexpected data after byte offset %d%s: the header accounts for exactly %d bytes (%s)",
        layout.totalBytes(), ofDecompressed(gzip), layout.totalBytes(), layout.description()));
  }

  static DataFileException corruptGzip(String file, long offset, IOException cause) {
    return new DataFileException(file, String.format("corrupt gzip data at byte offset %d%s: %s",
        offset, ofDecompressed(true), cause.getMessage()), cause);
  }

  static DataFileException zeroDimension(String file, long rows, long cols) {
    return new DataFileException(file, String.format(
        "implausible header: images of %d rows x %d columns; both must be at least 1", rows, cols));
  }

  static DataFileException tooLarge(String file, String claim, long limit) {
    return new DataFileException(file, String.format(
        "implausible header: %s, more than the limit of %d bytes", claim, limit));
  }

  // ---- MNIST content ----

  static DataFileException wrongImageSize(String file, long rows, long cols, int requiredRows, int requiredCols) {
    return new DataFileException(file, String.format("images are %dx%d pixels, expected %dx%d",
        rows, cols, requiredRows, requiredCols));
  }

  static DataFileException countMismatch(String labelsFile, int labels, String imagesFile, int images) {
    return new DataFileException(labelsFile, String.format(
        "holds %d labels but %s holds %d images; the counts must match", labels, imagesFile, images));
  }

  static DataFileException labelOutOfRange(String file, int index, int label, long offset, int classes) {
    return new DataFileException(file, String.format("label %d at index %d (byte offset %d) is outside 0..%d",
        label, index, offset, classes - 1));
  }

  // ---- downloads ----

  static DataFileException httpStatus(String url, int status) {
    return new DataFileException(url, "HTTP status " + status + ", expected 200");
  }

  static DataFileException unexpectedLength(String url, long announced, long expected) {
    return new DataFileException(url, String.format(
        "server announced %d bytes, expected %d; the download was discarded", announced, expected));
  }

  static DataFileException tooLong(String url, long expected) {
    return new DataFileException(url, String.format(
        "server sent more than the expected %d bytes; the download was discarded", expected));
  }

  static DataFileException incomplete(String url, long received, long expected, Throwable cause) {
    return new DataFileException(url, String.format(
        "connection ended after %d of %d bytes; the download was discarded", received, expected), cause);
  }

  static DataFileException stalled(String url, Duration idle, long received, long expected) {
    return new DataFileException(url, String.format(
        "no data for %d ms after %d of %d bytes; the download was discarded", idle.toMillis(), received, expected));
  }

  static DataFileException checksumMismatch(String url, String expected, String actual) {
    return new DataFileException(url, String.format(
        "SHA-256 mismatch: expected %s, got %s; the download was discarded", expected, actual));
  }

  static DataFileException requestFailed(String url, Throwable cause) {
    return new DataFileException(url, "request failed: " + cause, cause);
  }

  static DataFileException interrupted(String url) {
    return new DataFileException(url, "interrupted; the download was discarded");
  }

  static DataFileException cannotStore(Path path, IOException cause) {
    return new DataFileException(path.toString(), "cannot store download: " + cause, cause);
  }

  static DataFileException everyMirrorFailed(String name, List<DataFileException> failures) {
    DataFileException all = new DataFileException(name, "every mirror failed: "
        + failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
    failures.forEach(all::addSuppressed);
    return all;
  }

  private static String ofDecompressed(boolean gzip) {
    return gzip ? " of the decompressed data" : "";
  }
}
