package dev.primer.tf.data;

import dev.primer.dsl.base.Numbers;
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

  /**
   * The number of MNIST classes, the digits 0 to 9: every label is in {@code 0..CLASSES - 1},
   * and a net trained on MNIST ends with this many outputs.
   */
  public static final int CLASSES = 10;

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

  /**
   * The split with only the first {@code n} training examples.
   *
   * @throws IllegalArgumentException if {@code n < 1}, or if the training set has fewer than
   *     {@code n} examples: {@code the training set has 8,000 examples; cannot keep the first
   *     999,999} (never a silent clamp)
   */
  public MnistSplit withTrainSize(int n) {
    return new MnistSplit(first(train, n, "training"), test, source);
  }

  /**
   * The split with only the first {@code n} test examples.
   *
   * @throws IllegalArgumentException as {@link #withTrainSize}, for the test set
   */
  public MnistSplit withTestSize(int n) {
    return new MnistSplit(train, first(test, n, "test"), source);
  }

  private static LabeledImages first(LabeledImages images, int n, String set) {
    if (n < 1) {
      throw new IllegalArgumentException("the " + set + " set size must be >= 1, got " + n);
    }
    if (n > images.count()) {
      throw new IllegalArgumentException("the " + set + " set has "
          + Numbers.grouped(images.count()) + " example" + (images.count() == 1 ? "" : "s")
          + "; cannot keep the first " + Numbers.grouped(n));
    }
    return n == images.count() ? images : images.subset(0, n);
  }
}
