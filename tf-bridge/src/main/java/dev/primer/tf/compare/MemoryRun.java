package dev.primer.tf.compare;

import dev.primer.tf.data.AddingProblem;
import dev.primer.tf.diagnose.GradientThroughTime;
import java.util.List;
import java.util.OptionalLong;

/**
 * One run of a {@link RecurrentMemory} experiment: one cell under one recurrent-kernel scheme.
 *
 * @param cell the recurrent layer
 * @param scheme the recurrent kernel's initializer, by name
 * @param atInit how far back the gradient reached before training
 * @param trainLoss the mean training loss (MSE) of each completed epoch
 * @param testMse the test set's mean squared error after training (NaN if it diverged)
 * @param divergedAtStep the step whose loss was not finite, if the run diverged
 * @param seconds wall time of the run, compile and evaluation included
 */
public record MemoryRun(RecurrentCell cell, String scheme, GradientThroughTime atInit,
    List<Double> trainLoss, double testMse, OptionalLong divergedAtStep, double seconds) {

  /**
   * A test MSE below this counts as solved: 6% of {@link AddingProblem#BASELINE_MSE}, the
   * threshold under which the adding-problem papers call the task solved (0.01).
   */
  public static final double SOLVED_MSE = 0.01;
  /** A test MSE below this fraction of the baseline counts as having learned something. */
  public static final double LEARNED_FRACTION = 0.5;
  /**
   * A finite test MSE above this multiple of the baseline: the weights grew until the output is
   * far worse than a constant, an exploding gradient that stayed finite.
   */
  public static final double EXPLODED_MULTIPLE = 10;

  /** Copies {@code trainLoss}. */
  public MemoryRun {
    trainLoss = List.copyOf(trainLoss);
  }

  /** How a run ended, judged on the test MSE against the constant predictor's. */
  public enum Status {
    /** test MSE below {@link #SOLVED_MSE}: the net adds the two marked values. */
    SOLVED("solved"),
    /** below half the baseline: it uses the markers, not well enough to solve the task. */
    LEARNED("partly learned"),
    /** at or above half the baseline: it predicts about the mean; the markers are lost. */
    NEVER_LEARNED("never learned"),
    /** finite, but more than {@link #EXPLODED_MULTIPLE} times the baseline: it blew up. */
    EXPLODED("exploded"),
    /** the loss became NaN or infinite; training stopped there. */
    DIVERGED("diverged");

    private final String words;

    Status(String words) {
      this.words = words;
    }

    /** How tables and results files write it. */
    public String words() {
      return words;
    }
  }

  /** This run's status: the one rule above, in one place. */
  public Status status() {
    if (divergedAtStep.isPresent() || !Double.isFinite(testMse)) {
      return Status.DIVERGED;
    }
    if (testMse < SOLVED_MSE) {
      return Status.SOLVED;
    }
    if (testMse < LEARNED_FRACTION * AddingProblem.BASELINE_MSE) {
      return Status.LEARNED;
    }
    return testMse > EXPLODED_MULTIPLE * AddingProblem.BASELINE_MSE ? Status.EXPLODED
        : Status.NEVER_LEARNED;
  }
}
