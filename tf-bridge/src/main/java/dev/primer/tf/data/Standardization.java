package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * Per-feature standardization (z-scores), computed on training data and applied unchanged to
 * any other data — validation, test, new examples at prediction time — so that nothing about
 * the held-out data leaks into the scaling:
 * <pre>
 *   x'_j = (x_j - m_j) / s_j      m_j = mean of feature j over the training examples
 *                                  s_j = its population standard deviation (divisor n);
 *                                        s_j = 1 where feature j is constant (x'_j = 0)
 * </pre>
 * A feature is one position of the example shape (for images, one pixel). Means and standard
 * deviations are computed by {@link Statistics}, in double precision. Immutable.
 * <pre>
 *   ValidationSplit parts = data.split(0.2, 42);
 *   Standardization scaling = Standardization.of(parts.train());
 *   Dataset train = scaling.apply(parts.train());
 *   Dataset validation = scaling.apply(parts.validation());
 *   float[] scaled = scaling.apply(newExamples);          // the same scaling, at prediction
 * </pre>
 */
public final class Standardization {
  private final Shape exampleShape;
  private final float[] means;
  private final float[] stds;

  private Standardization(Shape exampleShape, float[] means, float[] stds) {
    this.exampleShape = exampleShape;
    this.means = means;
    this.stds = stds;
  }

  /**
   * The means and standard deviations of every feature of {@code train}.
   *
   * @throws IllegalArgumentException if {@code train} is empty
   */
  public static Standardization of(Dataset train) {
    int n = train.size();
    if (n == 0) {
      throw new IllegalArgumentException("standardization: the training data set is empty");
    }
    int size = (int) train.exampleShape().size();
    float[] x = new float[Math.multiplyExact(n, size)];
    train.read(0, n, x, 0, new float[Math.multiplyExact(n, train.targetWidth())], 0);
    float[] means = new float[size];
    float[] stds = new float[size];
    float[] column = new float[n];
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = x[i * size + j];
      }
      means[j] = (float) Statistics.mean(column);
      double std = Statistics.populationStd(column);
      stds[j] = std > 0 ? (float) std : 1f;
    }
    return new Standardization(train.exampleShape(), means, stds);
  }

  /**
   * A standardization with given means and standard deviations (as saved from {@link #means}
   * and {@link #stds}), for examples of {@code exampleShape}.
   *
   * @throws IllegalArgumentException if the lengths differ from the shape's size, or a mean is
   *     not finite or a standard deviation not finite and positive (the feature is named)
   */
  public static Standardization of(Shape exampleShape, float[] means, float[] stds) {
    long size = exampleShape.size();
    if (means.length != size || stds.length != size) {
      throw new IllegalArgumentException("standardization: examples of shape " + exampleShape
          + " need " + size + " means and standard deviations, got " + means.length + " and "
          + stds.length);
    }
    for (int j = 0; j < size; j++) {
      if (!Float.isFinite(means[j]) || !(stds[j] > 0) || !Float.isFinite(stds[j])) {
        throw new IllegalArgumentException("standardization: feature " + j + " has mean "
            + means[j] + " and standard deviation " + stds[j]
            + "; the mean must be finite and the deviation finite and > 0");
      }
    }
    return new Standardization(exampleShape, means.clone(), stds.clone());
  }

  /** The shape of the examples this scaling applies to. */
  public Shape exampleShape() {
    return exampleShape;
  }

  /** Each feature's training mean {@code m_j}, row-major over the example shape; a copy. */
  public float[] means() {
    return means.clone();
  }

  /** Each feature's divisor {@code s_j} (1 for a constant feature); a copy. */
  public float[] stds() {
    return stds.clone();
  }

  /**
   * {@code data} with every feature standardized; the targets unchanged.
   *
   * @throws IllegalArgumentException if {@code data}'s examples have another shape
   */
  public InMemoryDataset apply(Dataset data) {
    checkShape(data.exampleShape());
    int n = data.size();
    float[] x = new float[Math.multiplyExact(n, (int) exampleShape.size())];
    float[] y = new float[Math.multiplyExact(n, data.targetWidth())];
    data.read(0, n, x, 0, y, 0);
    scaleInPlace(x);
    return InMemoryDataset.owning(x, exampleShape, y, data.targetWidth());
  }

  /**
   * Examples given row-major (any number of them, as {@code Model.predict} takes them),
   * standardized into a new array.
   *
   * @throws IllegalArgumentException if the length is not a whole number of examples
   */
  public float[] apply(float[] examples) {
    if (examples.length % means.length != 0) {
      throw new IllegalArgumentException("standardization: " + examples.length
          + " values is not a whole number of examples of shape " + exampleShape + " ("
          + means.length + " values each)");
    }
    float[] scaled = examples.clone();
    scaleInPlace(scaled);
    return scaled;
  }

  private void scaleInPlace(float[] x) {
    int size = means.length;
    for (int i = 0; i < x.length; i++) {
      int j = i % size;
      x[i] = (x[i] - means[j]) / stds[j];
    }
  }

  private void checkShape(Shape shape) {
    if (!shape.equals(exampleShape)) {
      throw new IllegalArgumentException("standardization: computed for examples of shape "
          + exampleShape + ", got examples of shape " + shape);
    }
  }

  @Override
  public String toString() {
    return "Standardization" + exampleShape + " of " + means.length + " features";
  }
}
