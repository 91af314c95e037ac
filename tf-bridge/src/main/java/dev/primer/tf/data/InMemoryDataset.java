package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * A data set held in Java float arrays. The arrays are copied once on creation, so later changes
 * to the caller's arrays do not affect it.
 */
public final class InMemoryDataset implements Dataset {
  private final float[] features;
  private final Shape exampleShape;
  private final float[] targets;
  private final int targetWidth;
  private final int size;

  private InMemoryDataset(float[] features, Shape exampleShape, float[] targets, int targetWidth) {
    this.exampleShape = exampleShape;
    this.targetWidth = targetWidth;
    long exampleSize = exampleShape.size();
    if (features.length % exampleSize != 0) {
      throw new IllegalArgumentException("features: " + features.length
          + " values is not a whole number of examples of shape " + exampleShape + " ("
          + exampleSize + " values each)");
    }
    this.size = (int) (features.length / exampleSize);
    if (targets.length != (long) size * targetWidth) {
      throw new IllegalArgumentException("targets: expected " + size + " examples x "
          + targetWidth + " = " + (long) size * targetWidth + " values, got " + targets.length);
    }
    this.features = features;
    this.targets = targets;
  }

  /**
   * Examples labelled with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   *
   * @throws IllegalArgumentException if the counts disagree or a label is out of range (its
   *     index is named)
   */
  public static InMemoryDataset ofClasses(
      float[] features, Shape exampleShape, int[] labels, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    long examples = features.length / Math.max(1, exampleShape.size());
    if (features.length % exampleShape.size() == 0 && labels.length != examples) {
      throw new IllegalArgumentException("labels: expected one per example (" + examples
          + "), got " + labels.length);
    }
    float[] oneHot = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + i + " is " + labels[i]
            + ", outside 0.." + (classes - 1));
      }
      oneHot[i * classes + labels[i]] = 1f;
    }
    return new InMemoryDataset(features.clone(), exampleShape, oneHot, classes);
  }

  /**
   * Examples given as rows of {@code width} values each (examples of shape {@code [width]}),
   * labelled with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   * <pre>
   *   InMemoryDataset.ofClasses(new float[][] {{0, 1}, {1, 0}}, new int[] {1, 0}, 2)
   * </pre>
   *
   * @throws IllegalArgumentException if there are no examples, a row is empty or has another
   *     length than the first (the example is named), the counts disagree, or a label is out of
   *     range
   */
  public static InMemoryDataset ofClasses(float[][] examples, int[] labels, int classes) {
    int width = firstLength(examples, "row");
    float[] flat = new float[Math.multiplyExact(examples.length, width)];
    for (int i = 0; i < examples.length; i++) {
      checkLength("example " + i, examples[i].length, width, "values");
      System.arraycopy(examples[i], 0, flat, i * width, width);
    }
    return ofClasses(flat, Shape.of(width), labels, classes);
  }

  /**
   * Examples given as {@code rows x cols} grids (examples of shape {@code [rows, cols]}, such as
   * grey images), labelled with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   *
   * @throws IllegalArgumentException if there are no examples, an example's grid is empty or
   *     has another shape than the first (the example and row are named), the counts disagree,
   *     or a label is out of range
   */
  public static InMemoryDataset ofClasses(float[][][] examples, int[] labels, int classes) {
    int rows = firstLength(examples, "grid");
    int cols = firstLength(examples[0], "row of example 0");
    int size = Math.multiplyExact(rows, cols);
    float[] flat = new float[Math.multiplyExact(examples.length, size)];
    for (int i = 0; i < examples.length; i++) {
      checkLength("example " + i, examples[i].length, rows, "rows");
      for (int r = 0; r < rows; r++) {
        checkLength("example " + i + ", row " + r, examples[i][r].length, cols, "values");
        System.arraycopy(examples[i][r], 0, flat, i * size + r * cols, cols);
      }
    }
    return ofClasses(flat, Shape.of(rows, cols), labels, classes);
  }

  private static int firstLength(Object[] examples, String what) {
    if (examples.length == 0) {
      throw new IllegalArgumentException("examples: need at least one, got none");
    }
    int length = java.lang.reflect.Array.getLength(examples[0]);
    if (length == 0) {
      throw new IllegalArgumentException("examples: the first " + what + " is empty");
    }
    return length;
  }

  private static void checkLength(String where, int length, int expected, String unit) {
    if (length != expected) {
      throw new IllegalArgumentException(where + " has " + length + " " + unit + ", expected "
          + expected + " like example 0");
    }
  }

  /** Examples with real-valued targets of {@code targetWidth} values each. */
  public static InMemoryDataset ofTargets(
      float[] features, Shape exampleShape, float[] targets, int targetWidth) {
    if (targetWidth < 1) {
      throw new IllegalArgumentException("target width must be >= 1, got " + targetWidth);
    }
    return new InMemoryDataset(features.clone(), exampleShape, targets.clone(), targetWidth);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Shape exampleShape() {
    return exampleShape;
  }

  @Override
  public int targetWidth() {
    return targetWidth;
  }

  @Override
  public void read(int from, int count, float[] featuresOut, int featuresOffset,
      float[] targetsOut, int targetsOffset) {
    if (from < 0 || count < 0 || from + count > size) {
      throw new IndexOutOfBoundsException("examples [" + from + ", " + (from + count)
          + ") outside [0, " + size + ")");
    }
    int exampleSize = (int) exampleShape.size();
    System.arraycopy(features, from * exampleSize, featuresOut, featuresOffset,
        count * exampleSize);
    System.arraycopy(targets, from * targetWidth, targetsOut, targetsOffset, count * targetWidth);
  }
}
