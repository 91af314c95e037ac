package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * A data set held in Java float arrays. The arrays are copied once on creation, so later changes
 * to the caller's arrays do not affect it.
 *
 * <p>Three ways in, each with class labels ({@code ofClasses}: {@code int} labels
 * {@code 0 .. classes-1}, made one-hot) or real-valued targets ({@code ofTargets}, for
 * regression):
 * <ul>
 *   <li>nested arrays, the example shape read from them and checked rectangular:
 *       {@code float[n][width]} rows, {@code float[n][rows][cols]} sequences or grey images,
 *       {@code float[n][rows][cols][channels]} images;</li>
 *   <li>one row-major {@code float[]} plus the {@link Shape} of one example;</li>
 *   <li>a CSV file, through {@link CsvDataset#read}.</li>
 * </ul>
 *
 * <p>Every value must be finite: a NaN or an infinity among the features or the regression
 * targets is refused when the data set is built, naming the example and the feature (or target)
 * index, since a single one turns every loss it reaches into NaN. The check reads each value
 * once, costing about what the copy it follows costs.
 */
public final class InMemoryDataset implements Dataset {
  private final float[] features;
  private final Shape exampleShape;
  private final float[] targets;
  private final int targetWidth;
  private final int size;

  /** Takes ownership of both arrays; every public factory comes through here. */
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
    Finite.check(features, exampleShape, "feature", "features");
    Finite.check(targets, Shape.of(targetWidth), "target", "targets");
    this.features = features;
    this.targets = targets;
  }

  /**
   * A data set over arrays that no one else holds (read out of another data set): no copy.
   */
  static InMemoryDataset owning(float[] features, Shape exampleShape, float[] targets,
      int targetWidth) {
    return new InMemoryDataset(features, exampleShape, targets, targetWidth);
  }

  // ------------------------------------------------------------------ class labels

  /**
   * Examples given row-major in one array, {@code exampleShape.size()} values each, labelled
   * with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   *
   * @throws IllegalArgumentException if the counts disagree, a label is out of range (its index
   *     is named) or a value is not finite (the example and feature are named)
   */
  public static InMemoryDataset ofClasses(
      float[] features, Shape exampleShape, int[] labels, int classes) {
    return ofClassesOwning(features.clone(), exampleShape, labels, classes);
  }

  /**
   * Examples given as rows of {@code width} values each (examples of shape {@code [width]}),
   * labelled with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   * <pre>
   *   InMemoryDataset.ofClasses(new float[][] {{0, 1}, {1, 0}}, new int[] {1, 0}, 2)
   * </pre>
   *
   * @throws IllegalArgumentException if there are no examples, a row is empty, null or has
   *     another length than the first (the example is named), the counts disagree, a label is out
   *     of range, or a value is not finite (the example and feature are named)
   */
  public static InMemoryDataset ofClasses(float[][] examples, int[] labels, int classes) {
    return ofClasses(Rectangular.of("examples", examples), labels, classes);
  }

  /**
   * Examples given as {@code rows x cols} grids (examples of shape {@code [rows, cols]}, such as
   * sequences of {@code rows} steps or grey images), labelled with classes
   * {@code 0 .. classes-1}; the targets become one-hot rows.
   *
   * @throws IllegalArgumentException if there are no examples, an example's grid is empty, null
   *     or has another shape than the first (the example and row are named), the counts
   *     disagree, a label is out of range, or a value is not finite
   */
  public static InMemoryDataset ofClasses(float[][][] examples, int[] labels, int classes) {
    return ofClasses(Rectangular.of("examples", examples), labels, classes);
  }

  /**
   * Examples given as {@code rows x cols x channels} blocks (examples of shape
   * {@code [rows, cols, channels]}, such as colour images {@code [height, width, 3]}), labelled
   * with classes {@code 0 .. classes-1}; the targets become one-hot rows.
   *
   * @throws IllegalArgumentException if there are no examples, an example's block is empty, null
   *     or has another shape than the first (the example, row and column are named), the counts
   *     disagree, a label is out of range, or a value is not finite
   */
  public static InMemoryDataset ofClasses(float[][][][] examples, int[] labels, int classes) {
    return ofClasses(Rectangular.of("examples", examples), labels, classes);
  }

  private static InMemoryDataset ofClasses(Rectangular.Flat x, int[] labels, int classes) {
    return ofClassesOwning(x.values(), x.exampleShape(), labels, classes);
  }

  /** As {@link #ofClasses(float[], Shape, int[], int)}, taking ownership of {@code features}. */
  static InMemoryDataset ofClassesOwning(
      float[] features, Shape exampleShape, int[] labels, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    long examples = features.length / Math.max(1, exampleShape.size());
    if (features.length % exampleShape.size() == 0 && labels.length != examples) {
      throw new IllegalArgumentException("labels: expected one per example (" + examples
          + "), got " + labels.length);
    }
    float[] oneHot = new float[Math.multiplyExact(labels.length, classes)];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + i + " is " + labels[i]
            + ", outside 0.." + (classes - 1));
      }
      oneHot[i * classes + labels[i]] = 1f;
    }
    return new InMemoryDataset(features, exampleShape, oneHot, classes);
  }

  // ------------------------------------------------------------------ real-valued targets

  /**
   * Examples given row-major in one array with real-valued targets of {@code targetWidth}
   * values each, also row-major.
   *
   * @throws IllegalArgumentException if the counts disagree or a feature or target is not finite
   *     (the example and index are named)
   */
  public static InMemoryDataset ofTargets(
      float[] features, Shape exampleShape, float[] targets, int targetWidth) {
    if (targetWidth < 1) {
      throw new IllegalArgumentException("target width must be >= 1, got " + targetWidth);
    }
    return new InMemoryDataset(features.clone(), exampleShape, targets.clone(), targetWidth);
  }

  /**
   * Rows of features (examples of shape {@code [width]}) with one real-valued target each.
   * <pre>
   *   InMemoryDataset.ofTargets(new float[][] {{0, 1}, {1, 1}}, new float[] {0.5f, 2f})
   * </pre>
   *
   * @throws IllegalArgumentException if the rows are not rectangular (the example is named), the
   *     counts disagree or a value is not finite (the example and index are named)
   */
  public static InMemoryDataset ofTargets(float[][] examples, float[] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  /**
   * Rows of features (examples of shape {@code [width]}) with a row of real-valued targets each,
   * all target rows of one length.
   *
   * @throws IllegalArgumentException if features or targets are not rectangular (the example is
   *     named), the counts disagree or a value is not finite (the example and index are named)
   */
  public static InMemoryDataset ofTargets(float[][] examples, float[][] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  /**
   * Grids of features (examples of shape {@code [rows, cols]}, such as sequences) with one
   * real-valued target each.
   *
   * @throws IllegalArgumentException as {@link #ofTargets(float[][], float[])}
   */
  public static InMemoryDataset ofTargets(float[][][] examples, float[] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  /**
   * Grids of features (examples of shape {@code [rows, cols]}, such as sequences) with a row of
   * real-valued targets each.
   *
   * @throws IllegalArgumentException as {@link #ofTargets(float[][], float[][])}
   */
  public static InMemoryDataset ofTargets(float[][][] examples, float[][] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  /**
   * Blocks of features (examples of shape {@code [rows, cols, channels]}, such as images) with
   * one real-valued target each.
   *
   * @throws IllegalArgumentException as {@link #ofTargets(float[][], float[])}
   */
  public static InMemoryDataset ofTargets(float[][][][] examples, float[] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  /**
   * Blocks of features (examples of shape {@code [rows, cols, channels]}, such as images) with a
   * row of real-valued targets each.
   *
   * @throws IllegalArgumentException as {@link #ofTargets(float[][], float[][])}
   */
  public static InMemoryDataset ofTargets(float[][][][] examples, float[][] targets) {
    return ofTargets(Rectangular.of("examples", examples), targets);
  }

  private static InMemoryDataset ofTargets(Rectangular.Flat x, float[] targets) {
    checkCount(x.count(), targets.length);
    return new InMemoryDataset(x.values(), x.exampleShape(), targets.clone(), 1);
  }

  private static InMemoryDataset ofTargets(Rectangular.Flat x, float[][] targets) {
    checkCount(x.count(), targets.length);
    Rectangular.Flat y = Rectangular.of("targets", targets);
    return new InMemoryDataset(x.values(), x.exampleShape(), y.values(),
        (int) y.exampleShape().size());
  }

  private static void checkCount(int examples, int targets) {
    if (targets != examples) {
      throw new IllegalArgumentException("targets: expected one per example (" + examples
          + "), got " + targets);
    }
  }

  // ------------------------------------------------------------------ Dataset

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
