package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * The check that a data set's values are finite: the first NaN or infinity is named by its
 * example and its index within the example ({@code "features: example 3, feature [2, 1] is NaN;
 * every value must be finite"}).
 *
 * <p>One plain pass, stopping at the first such value: the data are read once more right after
 * they were copied, so the pass costs about what the copy costs (a branch-free, vectorizable
 * variant measured no faster, the pass being bound by memory bandwidth).
 */
final class Finite {
  private Finite() {
    throw new AssertionError("no instances");
  }

  /**
   * @param values examples of shape {@code exampleShape}, row-major
   * @param unit what one value is called ({@code "feature"}, {@code "target"})
   * @param subject the start of the message ({@code "features"}, {@code "targets"})
   * @throws IllegalArgumentException at the first value that is not finite
   */
  static void check(float[] values, Shape exampleShape, String unit, String subject) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw notFinite(values[i], i, exampleShape, unit, subject);
      }
    }
  }

  private static IllegalArgumentException notFinite(float value, int index, Shape exampleShape,
      String unit, String subject) {
    int size = (int) exampleShape.size();
    int example = index / size;
    int within = index % size;
    return new IllegalArgumentException(subject + ": example " + example + ", " + unit + " "
        + position(within, exampleShape) + " is " + value + "; every value must be finite");
  }

  /** {@code 5} for an example of rank 1, {@code [2, 1]} (row-major coordinates) otherwise. */
  private static String position(int within, Shape exampleShape) {
    int[] dims = exampleShape.toArray();
    if (dims.length <= 1) {
      return Integer.toString(within);
    }
    int[] at = new int[dims.length];
    int rest = within;
    for (int d = dims.length - 1; d >= 0; d--) {
      at[d] = rest % dims[d];
      rest /= dims[d];
    }
    StringBuilder text = new StringBuilder("[");
    for (int d = 0; d < at.length; d++) {
      text.append(d == 0 ? "" : ", ").append(at[d]);
    }
    return text.append(']').toString();
  }
}
