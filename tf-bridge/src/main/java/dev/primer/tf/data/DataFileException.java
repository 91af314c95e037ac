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
 * message then says "of the decompressed data"). In CSV files, lines count from 1 (the line a
 * record starts on) and columns from 0, as {@link CsvColumn} chooses them, followed by the header
 * name where there is one: {@code iris.csv: line 7, column 2 (petal_length): "abc" is not a
 * number}. Each message has its own factory below; the tests assert the exact text of each once,
 * and docs/DATA.md lists them.
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

  // ---- CSV files (lines counted from 1, columns from 0) ----

  static DataFileException noSuchFile(Path file) {
    return new DataFileException(file.toString(), "does not exist");
  }

  static DataFileException emptyCsv(Path file, boolean header) {
    return new DataFileException(file.toString(), header
        ? "empty: expected a header row and at least one data row" : "empty: no data rows");
  }

  static DataFileException noDataRows(Path file) {
    return new DataFileException(file.toString(), "no data rows after the header (line 1)");
  }

  static DataFileException malformedCsv(Path file, long line, String problem) {
    return new DataFileException(file.toString(), "line " + line + ": malformed CSV: " + problem);
  }

  static DataFileException wrongColumnCount(Path file, long line, int count, int expected,
      long firstLine, boolean header) {
    return new DataFileException(file.toString(), "line " + line + " has " + count
        + " columns, expected " + expected + " as on line " + firstLine
        + (header ? " (the header)" : " (the first row)"));
  }

  static DataFileException missingCell(Path file, long line, String column) {
    return new DataFileException(file.toString(), "line " + line + ", " + column
        + ": missing value");
  }

  static DataFileException notANumber(Path file, long line, String column, String text) {
    return new DataFileException(file.toString(), "line " + line + ", " + column + ": \""
        + text + "\" is not a number");
  }

  static DataFileException notFinite(Path file, long line, String column, String text) {
    return new DataFileException(file.toString(), "line " + line + ", " + column + ": \""
        + text + "\" is not finite; every value must be finite");
  }

  static DataFileException beyondFloat(Path file, long line, String column, String text) {
    return new DataFileException(file.toString(), "line " + line + ", " + column + ": \""
        + text + "\" is beyond the float range (+-3.4028235E38)");
  }

  static DataFileException unknownClass(Path file, long line, String column, String label,
      List<String> classes) {
    return new DataFileException(file.toString(), "line " + line + ", " + column + ": class \""
        + label + "\" is not one of the given classes " + classes);
  }

  static DataFileException oneClass(Path file, String column, String label) {
    return new DataFileException(file.toString(), column + " holds one class only (\"" + label
        + "\"); a class column needs at least 2");
  }

  static DataFileException noSuchColumn(Path file, String name, List<String> header) {
    return new DataFileException(file.toString(), "no column named \"" + name
        + "\"; the header (line 1) names " + header);
  }

  static DataFileException ambiguousColumn(Path file, String name, int first, int second) {
    return new DataFileException(file.toString(), "columns " + first + " and " + second
        + " are both named \"" + name + "\" in the header (line 1); choose by index");
  }

  static DataFileException columnOutside(Path file, int index, int columns) {
    return new DataFileException(file.toString(), "column " + index + " is outside the "
        + columns + " columns (0.." + (columns - 1) + ")");
  }

  static DataFileException nameWithoutHeader(Path file, String name) {
    return new DataFileException(file.toString(), "column \"" + name + "\" is chosen by"
        + " name, but the format has no header row; choose columns by index");
  }

  static DataFileException chosenTwice(Path file, String column, String first, String second) {
    return new DataFileException(file.toString(), column + " is chosen as " + first + " and as "
        + second);
  }

  static DataFileException noFeatureColumns(Path file, int columns) {
    return new DataFileException(file.toString(), "no feature columns: all " + columns
        + " columns are targets or ignored");
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
