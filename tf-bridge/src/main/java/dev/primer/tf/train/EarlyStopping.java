package dev.primer.tf.train;

import java.util.Locale;

/**
 * Stops training when a validation metric has not improved for {@code patience} epochs, and
 * optionally gives the model back the weights of its best epoch (Keras's {@code EarlyStopping}
 * callback; Prechelt, "Early Stopping — But When?", 1998). An immutable value: pass it to
 * {@link FitOptions#withEarlyStopping}; each fit keeps its own count, so one value serves many
 * fits. It needs a validation set ({@link FitOptions#withValidation}).
 * <pre>
 *   FitOptions.defaults().withEpochs(100).withValidation(validation)
 *       .withEarlyStopping(EarlyStopping.onValidationLoss(5).withMinDelta(1e-3))
 * </pre>
 * After each epoch the metric's value v improves on the best so far when
 * {@code v < best - minDelta} (loss, lower is better) or {@code v > best + minDelta} (accuracy,
 * higher is better); the first epoch of a fit always improves, a NaN never does. After {@code
 * patience} epochs in a row without improvement fit returns {@link FitResult.Stopped}. With
 * {@code restoreBest} it then writes back the parameters (weights and batch norm's moving
 * statistics) of the best epoch, kept after each improvement as a copy inside TensorFlow (one
 * device copy per improving epoch, memory of one more set of parameters; nothing crosses into
 * Java); the optimizer's state is not rolled back. A fit that runs all its epochs keeps the
 * last epoch's weights, as Keras does.
 *
 * @param metric what is watched, and which way is better
 * @param patience epochs without improvement after which training stops, at least 1
 * @param minDelta how much the metric must move to count as improvement, {@code >= 0}
 * @param restoreBest whether a stopped fit gives the model its best epoch's parameters back
 */
public record EarlyStopping(Metric metric, int patience, double minDelta, boolean restoreBest) {

  /** What early stopping watches: a figure of the validation set's {@link Evaluation}. */
  public enum Metric {
    /** {@link Evaluation#loss()}; lower is better. */
    VALIDATION_LOSS,
    /**
     * {@link Evaluation#accuracy()}; higher is better; needs an accuracy: classes (targets of
     * more than one value) or binary cross-entropy.
     */
    VALIDATION_ACCURACY;

    /** Whether a lower value is better. */
    public boolean lowerIsBetter() {
      return this == VALIDATION_LOSS;
    }

    /** The metric's value in {@code validation}. */
    public double of(Evaluation validation) {
      return switch (this) {
        case VALIDATION_LOSS -> validation.loss();
        case VALIDATION_ACCURACY -> validation.accuracy();
      };
    }

    /** The metric in words: {@code validation loss}. */
    public String words() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * Early stopping with these settings.
   *
   * @throws IllegalArgumentException naming a setting out of range
   */
  public EarlyStopping {
    if (metric == null) {
      throw new IllegalArgumentException("early stopping: metric is required");
    }
    if (patience < 1) {
      throw new IllegalArgumentException("early stopping: patience must be >= 1 epoch, got "
          + patience);
    }
    if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
      throw new IllegalArgumentException("early stopping: min delta must be finite and >= 0, got "
          + minDelta);
    }
  }

  /** Stops after {@code patience} epochs without a lower validation loss; restores the best. */
  public static EarlyStopping onValidationLoss(int patience) {
    return new EarlyStopping(Metric.VALIDATION_LOSS, patience, 0, true);
  }

  /** Stops after {@code patience} epochs without a higher validation accuracy; restores the best. */
  public static EarlyStopping onValidationAccuracy(int patience) {
    return new EarlyStopping(Metric.VALIDATION_ACCURACY, patience, 0, true);
  }

  /** A copy that needs the metric to move by more than {@code minDelta} to count. */
  public EarlyStopping withMinDelta(double minDelta) {
    return new EarlyStopping(metric, patience, minDelta, restoreBest);
  }

  /** A copy that does (or does not) restore the best epoch's parameters when it stops. */
  public EarlyStopping withRestoreBest(boolean restoreBest) {
    return new EarlyStopping(metric, patience, minDelta, restoreBest);
  }

  /** Whether {@code value} improves on {@code best} by this rule; NaN never does. */
  public boolean improves(double value, double best) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (Double.isNaN(best)) {
      return true;
    }
    return metric.lowerIsBetter() ? value < best - minDelta : value > best + minDelta;
  }

  /** {@code early stopping on validation loss, patience 5, min delta 0.001, restore best}. */
  public String describe() {
    return "early stopping on " + metric.words() + ", patience " + patience
        + (minDelta > 0 ? ", min delta " + minDelta : "") + (restoreBest ? ", restore best" : "");
  }
}
