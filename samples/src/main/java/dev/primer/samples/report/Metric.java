package dev.primer.samples.report;

import dev.primer.tf.compare.EpochRow;
import java.util.Locale;

/** A number recorded after each epoch of a run, as charts and TensorBoard name it. */
public enum Metric {
  /** Mean cross-entropy over the epoch's training batches. */
  TRAIN_LOSS("Training loss", "mean cross-entropy over the epoch's batches", true),
  /** Cross-entropy on the test set after the epoch. */
  TEST_LOSS("Test loss", "cross-entropy on the test set", true),
  /** Fraction of the test set classified correctly after the epoch, charted in percent. */
  TEST_ACCURACY("Test accuracy", "% of the test set classified correctly", false);

  private final String title;
  private final String axis;
  private final boolean logScale;

  Metric(String title, String axis, boolean logScale) {
    this.title = title;
    this.axis = axis;
    this.logScale = logScale;
  }

  /** The tag in TensorBoard and the column in results files: {@code train_loss}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A chart title: {@code Training loss}. */
  public String title() {
    return title;
  }

  /** What the y axis shows. */
  public String axis() {
    return axis;
  }

  /** Whether a chart of it reads better on a log scale (losses span decades). */
  public boolean logScale() {
    return logScale;
  }

  /** Its value in {@code row}, as stored (accuracy as a fraction). */
  public double of(EpochRow row) {
    return switch (this) {
      case TRAIN_LOSS -> row.trainLoss();
      case TEST_LOSS -> row.testLoss();
      case TEST_ACCURACY -> row.testAccuracy();
    };
  }

  /** Its value as charted: accuracy in percent. */
  double charted(EpochRow row) {
    return this == TEST_ACCURACY ? 100 * of(row) : of(row);
  }
}
