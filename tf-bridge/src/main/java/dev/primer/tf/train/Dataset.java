package dev.primer.tf.train;

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
}
