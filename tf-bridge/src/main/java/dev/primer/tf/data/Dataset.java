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
   * Cuts this data set into a training part and a validation part of about
   * {@code validationFraction} of the examples ({@code round(size() * validationFraction)}),
   * drawn at random with {@code seed} by {@link Shuffle}; the same seed gives the same parts.
   * Both parts are copies held in memory, in this data set's order.
   * <pre>
   *   ValidationSplit parts = data.split(0.2, 42);
   *   model.fit(parts.train(), FitOptions.defaults().withValidation(parts.validation()));
   * </pre>
   *
   * @throws IllegalArgumentException if the fraction is not inside (0, 1) or leaves either part
   *     empty (the counts are named)
   */
  default ValidationSplit split(double validationFraction, long seed) {
    return ValidationSplit.of(this, validationFraction, seed, false);
  }

  /**
   * As {@link #split}, but each class keeps its share in both parts: of a class with
   * {@code n_c} examples, the validation part takes {@code n_c * validationFraction} rounded so
   * that the parts' sizes are those of {@link #split} (largest remainders; see
   * {@link ValidationSplit}). For data sets whose targets are one-hot classes.
   *
   * @throws IllegalArgumentException as {@link #split}, or if an example's targets are not
   *     one-hot (the example is named)
   */
  default ValidationSplit stratifiedSplit(double validationFraction, long seed) {
    return ValidationSplit.of(this, validationFraction, seed, true);
  }

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
