package dev.primer.tf.datainit;

import dev.primer.dsl.base.Shape;
import dev.primer.tf.data.InMemoryDataset;
import java.util.SplittableRandom;

/** Seeded synthetic data sets for the data-dependent init tests. */
final class SyntheticData {
  private SyntheticData() {
    throw new AssertionError("no instances");
  }

  /**
   * {@code n} examples of {@code d} correlated features far from standardized (each is
   * 3 * (z_j + 0.5 z_0) + 2 with z ~ N(0, 1): mean 2, variance 11.25 for j &gt; 0), labelled with
   * random classes.
   */
  static InMemoryDataset vectors(int n, int d, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double shared = random.nextGaussian();
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) (3 * (random.nextGaussian() + 0.5 * shared) + 2);
      }
      labels[i] = random.nextInt(classes);
    }
    return InMemoryDataset.ofClasses(x, Shape.of(d), labels, classes);
  }

  /**
   * {@code n} grey images [size, size, 1] with pixels in [0, 1]: a random plane wave plus a
   * little noise, so neighbouring pixels are correlated as in real pictures; random classes.
   */
  static InMemoryDataset images(int n, int size, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * size * size];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double fx = random.nextDouble(0.2, 1.2);
      double fy = random.nextDouble(0.2, 1.2);
      double phase = random.nextDouble(0, 2 * Math.PI);
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < size; c++) {
          double v = 0.5 + 0.4 * Math.sin(fx * r + fy * c + phase)
              + 0.1 * random.nextDouble(-1, 1);
          x[(i * size + r) * size + c] = (float) v;
        }
      }
      labels[i] = random.nextInt(classes);
    }
    return InMemoryDataset.ofClasses(x, Shape.of(size, size, 1), labels, classes);
  }

  /** {@code counts[k]} examples of class k, shuffled, with random features of width d. */
  static InMemoryDataset withClassCounts(int[] counts, int d, long seed) {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    int[] labels = new int[n];
    int at = 0;
    for (int k = 0; k < counts.length; k++) {
      for (int i = 0; i < counts[k]; i++) {
        labels[at++] = k;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return InMemoryDataset.ofClasses(x, Shape.of(d), labels, counts.length);
  }

  /** Every example's features, row-major. */
  static float[] features(InMemoryDataset data) {
    int size = Math.toIntExact(data.exampleShape().size());
    float[] x = new float[data.size() * size];
    data.read(0, data.size(), x, 0, new float[data.size() * data.targetWidth()], 0);
    return x;
  }

  /** The population variance of {@code values}, in double: mean of squares about the mean. */
  static double variance(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }
}
