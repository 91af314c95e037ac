package dev.primer.tf.train;

import java.util.Arrays;

/**
 * How many examples of each class the net assigned to each class: {@code count(actual,
 * predicted)}, the actual class being the target's largest value and the predicted one the
 * net's largest output (the first on ties, as in {@link Evaluation#accuracy}). Per-class
 * precision and recall come from it:
 * <pre>
 *   precision(c) = count(c, c) / sum_a count(a, c)     (of the examples predicted c, how many are c)
 *   recall(c)    = count(c, c) / sum_p count(c, p)     (of the examples of class c, how many were found)
 * </pre>
 * Each is NaN when its denominator is 0 (no example predicted c; no example of class c). An
 * immutable value: the array is copied in and out.
 *
 * @param classes the number of classes, at least 2
 * @param counts {@code classes * classes} counts, row-major: row = actual class, column =
 *     predicted class
 */
public record ConfusionMatrix(int classes, long[] counts) {

  /**
   * A matrix of these counts (copied).
   *
   * @throws IllegalArgumentException if there are fewer than 2 classes, the counts are not
   *     {@code classes * classes} or one is negative
   */
  public ConfusionMatrix {
    if (classes < 2) {
      throw new IllegalArgumentException("confusion matrix: classes must be >= 2, got " + classes);
    }
    if (counts.length != (long) classes * classes) {
      throw new IllegalArgumentException("confusion matrix: " + classes + " classes need "
          + classes * classes + " counts, got " + counts.length);
    }
    counts = counts.clone();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("confusion matrix: count (" + i / classes + ", "
            + i % classes + ") is negative: " + counts[i]);
      }
    }
  }

  /** The counts, row-major (a copy). */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** Examples of class {@code actual} that the net assigned to {@code predicted}. */
  public long count(int actual, int predicted) {
    check(actual);
    check(predicted);
    return counts[actual * classes + predicted];
  }

  /** Every example counted. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Examples whose actual class is {@code c} (row sum): its support. */
  public long actual(int c) {
    check(c);
    long sum = 0;
    for (int p = 0; p < classes; p++) {
      sum += counts[c * classes + p];
    }
    return sum;
  }

  /** Examples the net assigned to {@code c} (column sum). */
  public long predicted(int c) {
    check(c);
    long sum = 0;
    for (int a = 0; a < classes; a++) {
      sum += counts[a * classes + c];
    }
    return sum;
  }

  /** Of the examples predicted {@code c}, the fraction that are {@code c}; NaN if none was. */
  public double precision(int c) {
    long predicted = predicted(c);
    return predicted == 0 ? Double.NaN : (double) count(c, c) / predicted;
  }

  /** Of the examples of class {@code c}, the fraction predicted {@code c}; NaN if there are none. */
  public double recall(int c) {
    long actual = actual(c);
    return actual == 0 ? Double.NaN : (double) count(c, c) / actual;
  }

  private void check(int c) {
    if (c < 0 || c >= classes) {
      throw new IndexOutOfBoundsException("class " + c + " of " + classes);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && m.classes == classes
        && Arrays.equals(m.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes + Arrays.hashCode(counts);
  }

  /** {@code ConfusionMatrix[3 classes, rows actual: [5, 1, 0] [0, 6, 0] [1, 0, 7]]}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ConfusionMatrix[" + classes + " classes, rows actual:");
    for (int a = 0; a < classes; a++) {
      b.append(' ').append(Arrays.toString(Arrays.copyOfRange(counts, a * classes,
          (a + 1) * classes)));
    }
    return b.append(']').toString();
  }
}
