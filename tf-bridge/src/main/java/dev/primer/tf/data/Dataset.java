package dev.primer.tf.data;

import dev.primer.dsl.base.Shape;

/**
 * Examples with targets, read in ranges. Training copies a data set into TensorFlow once and
 * slices batches inside the graph, so {@link #read} is called a few times per fit, not per step.
 */
public interface Dataset {

  /** Number of examples. */
  int size();

  /** Shape of one example, without the batch dimension. */
  Shape exampleShape();

  /** Number of target values per example: the number of classes for one-hot labels. */
  int targetWidth();

  /**
   * Copies examples {@code [from, from + count)}: their values row-major into
   * {@code features[featuresOffset ...]} and their targets into {@code targets[targetsOffset ...]}.
   */
  void read(int from, int count, float[] features, int featuresOffset, float[] targets,
      int targetsOffset);

  /**
   * Checks that {@code data} fits a net taking examples of shape {@code input} and giving
   * {@code output} values per example, and is not empty: what training, evaluation and
   * data-dependent initialization require.
   *
   * @throws IllegalArgumentException naming what differs
   */
  static void checkFits(Dataset data, Shape input, Shape output) {
    checkFits("the data", data.exampleShape(), data.targetWidth(), input, output);
    if (data.size() == 0) {
      throw new IllegalArgumentException("the data set is empty");
    }
  }

  /**
   * Checks that examples of shape {@code exampleShape} with {@code targetWidth} target values
   * each fit a net taking {@code input} and giving {@code output}; the messages start with
   * {@code subject} ({@code "the data"}, {@code "diagnose: the probe"}).
   *
   * @throws IllegalArgumentException naming what differs
   */
  static void checkFits(String subject, Shape exampleShape, int targetWidth, Shape input,
      Shape output) {
    if (!exampleShape.equals(input)) {
      throw new IllegalArgumentException(subject + "'s examples have shape " + exampleShape
          + ", the net takes " + input);
    }
    if (targetWidth != output.size()) {
      throw new IllegalArgumentException(subject + " has " + targetWidth
          + " target values per example, the net outputs " + output + " (" + output.size()
          + ")");
    }
  }
}
