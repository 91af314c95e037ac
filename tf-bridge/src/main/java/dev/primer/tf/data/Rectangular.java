package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * Nested Java arrays checked to be rectangular and flattened row-major: {@code float[n][a]} gives
 * examples of shape {@code [a]}, {@code float[n][a][b]} of {@code [a, b]}, {@code float[n][a][b][c]}
 * of {@code [a, b, c]}. Every example must have the shape of example 0; a ragged, empty or null
 * part is refused naming the example and the row (and column) where it differs, e.g.
 * {@code "example 1, row 1 has 1 values, expected 2 like example 0"}. Messages start with
 * {@code subject} ({@code "examples"}, {@code "targets"}) only where no example is named.
 */
final class Rectangular {
  private Rectangular() {
    throw new AssertionError("no instances");
  }

  /** Values row-major and the shape of one example. */
  record Flat(float[] values, Shape exampleShape) {
    int count() {
      return (int) (values.length / exampleShape.size());
    }
  }

  /** Rows of values: examples of shape {@code [width]}. */
  static Flat of(String subject, float[][] examples) {
    int width = firstLength(subject, examples, "row");
    float[] flat = new float[Math.multiplyExact(examples.length, width)];
    for (int i = 0; i < examples.length; i++) {
      String where = prefix(subject) + "example " + i;
      float[] row = notNull(where, examples[i]);
      checkLength(where, row.length, width, "values");
      System.arraycopy(row, 0, flat, i * width, width);
    }
    return new Flat(flat, Shape.of(width));
  }

  /** Grids of values: examples of shape {@code [rows, cols]} (sequences, grey images). */
  static Flat of(String subject, float[][][] examples) {
    int rows = firstLength(subject, examples, "grid");
    int cols = firstLength(subject, examples[0], "row of example 0");
    int size = Math.multiplyExact(rows, cols);
    float[] flat = new float[Math.multiplyExact(examples.length, size)];
    for (int i = 0; i < examples.length; i++) {
      String where = prefix(subject) + "example " + i;
      float[][] grid = notNull(where, examples[i]);
      checkLength(where, grid.length, rows, "rows");
      for (int r = 0; r < rows; r++) {
        float[] row = notNull(where + ", row " + r, grid[r]);
        checkLength(where + ", row " + r, row.length, cols, "values");
        System.arraycopy(row, 0, flat, i * size + r * cols, cols);
      }
    }
    return new Flat(flat, Shape.of(rows, cols));
  }

  /** Blocks of values: examples of shape {@code [rows, cols, channels]} (images). */
  static Flat of(String subject, float[][][][] examples) {
    int rows = firstLength(subject, examples, "block");
    int cols = firstLength(subject, examples[0], "row of example 0");
    int channels = firstLength(subject, examples[0][0], "column of example 0");
    int size = Math.multiplyExact(Math.multiplyExact(rows, cols), channels);
    float[] flat = new float[Math.multiplyExact(examples.length, size)];
    for (int i = 0; i < examples.length; i++) {
      String where = prefix(subject) + "example " + i;
      float[][][] block = notNull(where, examples[i]);
      checkLength(where, block.length, rows, "rows");
      for (int r = 0; r < rows; r++) {
        String atRow = where + ", row " + r;
        float[][] row = notNull(atRow, block[r]);
        checkLength(atRow, row.length, cols, "columns");
        for (int c = 0; c < cols; c++) {
          String atColumn = atRow + ", column " + c;
          float[] values = notNull(atColumn, row[c]);
          checkLength(atColumn, values.length, channels, "values");
          System.arraycopy(values, 0, flat, i * size + (r * cols + c) * channels, channels);
        }
      }
    }
    return new Flat(flat, Shape.of(rows, cols, channels));
  }

  private static String prefix(String subject) {
    return subject.equals("examples") ? "" : subject + ": ";
  }

  private static int firstLength(String subject, Object[] examples, String what) {
    if (examples == null) {
      throw new IllegalArgumentException(subject + ": is null");
    }
    if (examples.length == 0) {
      throw new IllegalArgumentException(subject + ": need at least one, got none");
    }
    Object first = examples[0];
    if (first == null) {
      throw new IllegalArgumentException(subject + ": the first " + what + " is null");
    }
    int length = java.lang.reflect.Array.getLength(first);
    if (length == 0) {
      throw new IllegalArgumentException(subject + ": the first " + what + " is empty");
    }
    return length;
  }

  private static <T> T notNull(String where, T part) {
    if (part == null) {
      throw new IllegalArgumentException(where + " is null");
    }
    return part;
  }

  private static void checkLength(String where, int length, int expected, String unit) {
    if (length != expected) {
      throw new IllegalArgumentException(where + " has " + length + " " + unit + ", expected "
          + expected + " like example 0");
    }
  }
}
