package dev.primer.tf.data;

import java.util.Objects;

/**
 * A training set and a test set of the same image size.
 *
 * @param train  the images to fit on
 * @param test   the held-out images to report accuracy on
 * @param source where the data came from, for logs and reports: a directory, or a description
 *               of the embedded set
 */
public record MnistSplit(LabeledImages train, LabeledImages test, String source) {

  /** @throws IllegalArgumentException if the two sets differ in image size or source is blank */
  public MnistSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (train.rows() != test.rows() || train.cols() != test.cols()) {
      throw new IllegalArgumentException("train images are " + train.rows() + "x" + train.cols()
          + " but test images are " + test.rows() + "x" + test.cols());
    }
  }
}
