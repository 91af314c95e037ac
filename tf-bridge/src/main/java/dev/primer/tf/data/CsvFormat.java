package dev.primer.tf.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How to read a CSV file into a data set (see {@link CsvDataset#read}): whether the first row is
 * a header, the separator, which column holds the targets, which columns to skip. Every other
 * column is a numeric feature. An immutable value; each {@code with…} returns a changed copy.
 * <pre>
 *   CsvFormat iris = CsvFormat.firstRowIsHeader().withClassColumn("species");
 *   CsvFormat houses = CsvFormat.noHeader().withSeparator(';').withTargetColumns(13)
 *       .withIgnoredColumns(0);
 * </pre>
 * Defaults: separator {@code ','}, no column ignored, no target chosen (one must be, before
 * reading), the classes taken from the file.
 */
public final class CsvFormat {
  private final boolean header;
  private final char separator;
  private final CsvTarget target;
  private final List<CsvColumn> ignored;
  private final List<String> classes;

  private CsvFormat(boolean header, char separator, CsvTarget target, List<CsvColumn> ignored,
      List<String> classes) {
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("CSV format: the separator must not be a quote or a line"
          + " break, got " + (separator == '"' ? "'\"'" : "a line break"));
    }
    if (!classes.isEmpty() && target != null && !target.isClassColumn()) {
      throw new IllegalArgumentException("CSV format: classes " + classes + " are given, but the"
          + " targets are value columns; classes need a class column (withClassColumn)");
    }
    this.header = header;
    this.separator = separator;
    this.target = target;
    this.ignored = List.copyOf(ignored);
    this.classes = List.copyOf(classes);
  }

  /** A file whose first row names the columns. */
  public static CsvFormat firstRowIsHeader() {
    return new CsvFormat(true, ',', null, List.of(), List.of());
  }

  /** A file of data rows only; columns are chosen by index. */
  public static CsvFormat noHeader() {
    return new CsvFormat(false, ',', null, List.of(), List.of());
  }

  /**
   * The character between cells ({@code ','} by default; {@code ';'} and {@code '\t'} are common).
   *
   * @throws IllegalArgumentException if it is a double quote or a line break
   */
  public CsvFormat withSeparator(char separator) {
    return new CsvFormat(header, separator, target, ignored, classes);
  }

  /** The column of class labels, by header name; the targets become one-hot classes. */
  public CsvFormat withClassColumn(String name) {
    return withTarget(new CsvTarget.ClassColumn(CsvColumn.named(name)));
  }

  /** The column of class labels, by index (from 0); the targets become one-hot classes. */
  public CsvFormat withClassColumn(int index) {
    return withTarget(new CsvTarget.ClassColumn(CsvColumn.at(index)));
  }

  /** The columns of real-valued targets (regression), by header name, in this order. */
  public CsvFormat withTargetColumns(String... names) {
    return withTarget(new CsvTarget.ValueColumns(
        Arrays.stream(names).map(CsvColumn::named).toList()));
  }

  /** The columns of real-valued targets (regression), by index (from 0), in this order. */
  public CsvFormat withTargetColumns(int... indices) {
    return withTarget(new CsvTarget.ValueColumns(
        IntStream.of(indices).mapToObj(CsvColumn::at).toList()));
  }

  /** The target: a class column or value columns, replacing any chosen before. */
  public CsvFormat withTarget(CsvTarget target) {
    if (target == null) {
      throw new IllegalArgumentException("CSV format: the target must not be null");
    }
    return new CsvFormat(header, separator, target, ignored, classes);
  }

  /** Columns that are neither features nor targets (an id, a free-text note), by header name. */
  public CsvFormat withIgnoredColumns(String... names) {
    return new CsvFormat(header, separator, target,
        Arrays.stream(names).map(CsvColumn::named).toList(), classes);
  }

  /** Columns that are neither features nor targets, by index (from 0). */
  public CsvFormat withIgnoredColumns(int... indices) {
    return new CsvFormat(header, separator, target,
        IntStream.of(indices).mapToObj(CsvColumn::at).toList(), classes);
  }

  /**
   * Fixes the classes and their order: label {@code classes.get(i)} becomes class {@code i}. A
   * test file is read with the classes of its training file ({@link CsvDataset#classes()}) so
   * that both number the classes alike; a label outside them is an error naming its line.
   *
   * @throws IllegalArgumentException if there are fewer than 2 classes, one is blank or repeated,
   *     or the targets are value columns
   */
  public CsvFormat withClasses(List<String> classes) {
    if (classes.size() < 2) {
      throw new IllegalArgumentException("CSV format: need at least 2 classes, got " + classes);
    }
    HashSet<String> seen = new HashSet<>();
    for (String c : classes) {
      if (c == null || c.isBlank() || !c.equals(c.trim()) || !seen.add(c)) {
        throw new IllegalArgumentException("CSV format: classes must be distinct, not blank and"
            + " without surrounding spaces; got " + (c == null ? "null" : "\"" + c + "\"")
            + " in " + classes);
      }
    }
    return new CsvFormat(header, separator, target, ignored, classes);
  }

  /** Whether the first row is a header naming the columns. */
  public boolean hasHeader() {
    return header;
  }

  /** The character between cells. */
  public char separator() {
    return separator;
  }

  /** The target columns; empty until chosen. */
  public Optional<CsvTarget> target() {
    return Optional.ofNullable(target);
  }

  /** The ignored columns. */
  public List<CsvColumn> ignored() {
    return ignored;
  }

  /** The fixed classes, in class order; empty: the classes are those found in the file. */
  public List<String> classes() {
    return classes;
  }

  @Override
  public String toString() {
    return "CsvFormat[" + (header ? "header" : "no header") + ", separator '" + separator
        + "', target " + (target == null ? "not chosen" : target) + ", ignored " + ignored
        + (classes.isEmpty() ? "" : ", classes " + classes) + "]";
  }
}
