package dev.primer.tf.train;

import java.util.List;

/**
 * How a call to fit ended: every epoch done, or stopped at the first non-finite loss. A diverged
 * run is a result, not an exception, so a caller comparing many runs loses none of the others.
 */
public sealed interface FitResult permits FitResult.Completed, FitResult.Diverged {

  /** The epochs completed, in order. */
  List<EpochStats> history();

  /** One line for people. */
  String describe();

  /** Every epoch ran with finite losses. */
  record Completed(List<EpochStats> history) implements FitResult {
    /** Copies {@code history}. */
    public Completed {
      history = List.copyOf(history);
    }

    @Override
    public String describe() {
      return "completed " + history.size() + " epoch" + (history.size() == 1 ? "" : "s");
    }
  }

  /**
   * The loss became NaN or infinite; training stopped there.
   *
   * @param epoch the epoch it happened in, from 1
   * @param step the step within that epoch, from 1
   * @param globalStep the step counted from the start of this fit, from 1
   * @param loss the non-finite loss seen
   */
  record Diverged(int epoch, long step, long globalStep, double loss, List<EpochStats> history)
      implements FitResult {
    /** Copies {@code history}. */
    public Diverged {
      history = List.copyOf(history);
    }

    @Override
    public String describe() {
      return "diverged at epoch " + epoch + ", step " + step + " (loss " + loss + ")";
    }
  }
}
