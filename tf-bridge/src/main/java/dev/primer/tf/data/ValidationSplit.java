package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;
import java.util.Arrays;

/**
 * A data set cut in two: a training part and a validation part, disjoint, together every
 * example once. Made by {@link Dataset#split} and {@link Dataset#stratifiedSplit}.
 *
 * <p>The validation part holds {@code v = round(n * validationFraction)} of the {@code n}
 * examples, drawn by {@link Shuffle#permutation(int, long)} with the seed: the first {@code v}
 * examples of the permutation. Stratified, each class {@code c} with {@code n_c} examples gives
 * {@code floor(n_c * fraction)} of them, and the {@code v - sum floor(...)} examples left go one
 * each to the classes with the largest remainders {@code n_c * fraction - floor(n_c * fraction)}
 * (Hamilton's largest-remainder apportionment; ties to the lower class), each class's share being
 * the first of its examples in the permutation. Both parts keep the data set's order, so the
 * same seed gives the same parts on every run and machine.
 *
 * @param train the examples to train on
 * @param validation the examples held out, to evaluate on
 */
public record ValidationSplit(Dataset train, Dataset validation) {

  /** The one rule behind both splits; see the class comment. */
  static ValidationSplit of(Dataset data, double validationFraction, long seed,
      boolean stratified) {
    String what = stratified ? "stratifiedSplit" : "split";
    int n = data.size();
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(what + ": the validation fraction must be in (0, 1),"
          + " got " + validationFraction);
    }
    long validationCount = Math.round(n * validationFraction);
    if (validationCount == 0 || validationCount == n) {
      throw new IllegalArgumentException(what + ": a validation fraction of "
          + validationFraction + " of " + n + " examples leaves the "
          + (validationCount == 0 ? "validation" : "training") + " part empty ("
          + validationCount + " of " + n + " examples for validation)");
    }
    int exampleSize = (int) data.exampleShape().size();
    int width = data.targetWidth();
    float[] x = new float[Math.multiplyExact(n, exampleSize)];
    float[] y = new float[Math.multiplyExact(n, width)];
    data.read(0, n, x, 0, y, 0);

    int[] order = Shuffle.permutation(n, seed);
    boolean[] held = new boolean[n];
    if (stratified) {
      int[] classes = classes(y, width, what);
      int[] quota = quotas(classes, width, validationFraction, (int) validationCount);
      int[] taken = new int[width];
      for (int i : order) {
        int c = classes[i];
        if (taken[c] < quota[c]) {
          taken[c]++;
          held[i] = true;
        }
      }
    } else {
      for (int k = 0; k < validationCount; k++) {
        held[order[k]] = true;
      }
    }
    return new ValidationSplit(part(x, y, held, false, data.exampleShape(), width),
        part(x, y, held, true, data.exampleShape(), width));
  }

  /** Each example's class, from one-hot targets. */
  private static int[] classes(float[] y, int width, String what) {
    int n = y.length / width;
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      int hot = -1;
      boolean oneHot = true;
      for (int c = 0; c < width && oneHot; c++) {
        float v = y[i * width + c];
        if (v == 1f && hot < 0) {
          hot = c;
        } else if (v != 0f) {
          oneHot = false;
        }
      }
      if (!oneHot || hot < 0) {
        throw new IllegalArgumentException(what + ": example " + i + "'s targets "
            + Arrays.toString(Arrays.copyOfRange(y, i * width, (i + 1) * width))
            + " are not one-hot; stratifying needs class targets (one 1, the rest 0)");
      }
      classes[i] = hot;
    }
    return classes;
  }

  /** How many examples of each class the validation part takes: largest remainders. */
  private static int[] quotas(int[] classes, int width, double fraction, int total) {
    int[] counts = new int[width];
    for (int c : classes) {
      counts[c]++;
    }
    int[] quota = new int[width];
    double[] remainder = new double[width];
    int given = 0;
    for (int c = 0; c < width; c++) {
      double share = counts[c] * fraction;
      quota[c] = (int) Math.floor(share);
      remainder[c] = share - quota[c];
      given += quota[c];
    }
    Integer[] byRemainder = new Integer[width];
    Arrays.setAll(byRemainder, c -> c);
    Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
    for (int k = 0; given < total && k < width; k++) {
      int c = byRemainder[k];
      if (quota[c] < counts[c]) {
        quota[c]++;
        given++;
      }
    }
    return quota;
  }

  private static InMemoryDataset part(float[] x, float[] y, boolean[] held, boolean validation,
      Shape exampleShape, int width) {
    int exampleSize = (int) exampleShape.size();
    int count = 0;
    for (boolean h : held) {
      count += h == validation ? 1 : 0;
    }
    float[] px = new float[count * exampleSize];
    float[] py = new float[count * width];
    int k = 0;
    for (int i = 0; i < held.length; i++) {
      if (held[i] == validation) {
        System.arraycopy(x, i * exampleSize, px, k * exampleSize, exampleSize);
        System.arraycopy(y, i * width, py, k * width, width);
        k++;
      }
    }
    return InMemoryDataset.owning(px, exampleShape, py, width);
  }
}
