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
    if (!data.exampleShape().equals(input)) {
      throw new IllegalArgumentException("the data's examples have shape " + data.exampleShape()
          + ", the net takes " + input);
    }
    if (data.targetWidth() != output.size()) {
      throw new IllegalArgumentException("the data has " + data.targetWidth()
          + " target values per example, the net outputs " + output + " (" + output.size()
          + ")");
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("the data set is empty");
    }
  }
}
