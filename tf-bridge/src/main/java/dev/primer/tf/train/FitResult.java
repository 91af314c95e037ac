package dev.primer.tf.train;

import java.util.List;
import java.util.OptionalInt;

/**
 * How a call to fit ended: every epoch done, stopped early (by {@link EarlyStopping} or a
 * {@link TrainingListener#stopReason listener}) with the reason, or stopped at the first
 * non-finite loss. A diverged run is a result, not an exception, so a caller comparing many runs
 * loses none of the others.
 */
public sealed interface FitResult
    permits FitResult.Completed, FitResult.Stopped, FitResult.Diverged {

  /** The epochs completed, in order. */
  List<EpochStats> history();

  /** One line for people. */
  String describe();

  /**
   * An exhaustive mapping of the ways a fit ends (Java 17 has no switch over sealed types): a new
   * way does not compile until every visitor handles it.
   */
  interface Visitor<R> {
    /** Every epoch ran. */
    R completed(Completed completed);

    /** Early stopping or a listener stopped it. */
    R stopped(Stopped stopped);

    /** The loss became non-finite. */
    R diverged(Diverged diverged);
  }

  /** Calls the visitor's method for this result. */
  <R> R accept(Visitor<R> visitor);

  /** Every epoch ran with finite losses. */
  record Completed(List<EpochStats> history) implements FitResult {
    /** A result over these epochs (copied). */
    public Completed {
      history = List.copyOf(history);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.completed(this);
    }

    @Override
    public String describe() {
      return "completed " + history.size() + " epoch" + (history.size() == 1 ? "" : "s");
    }
  }

  /**
   * Training stopped after an epoch because early stopping or a listener asked for it.
   *
   * @param epoch the last epoch that ran, from 1
   * @param reason why, for people: {@code early stopping: validation loss did not improve for 3
   *     epochs (best 0.0712 at epoch 4)}
   * @param restoredEpoch the epoch whose parameters the model was given back ({@link
   *     EarlyStopping#restoreBest}); empty: the model holds the weights of {@code epoch}
   * @param history the epochs that ran
   */
  record Stopped(int epoch, String reason, OptionalInt restoredEpoch, List<EpochStats> history)
      implements FitResult {
    /** A result over these epochs (copied). */
    public Stopped {
      history = List.copyOf(history);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stopped(this);
    }

    @Override
    public String describe() {
      return "stopped after epoch " + epoch + ": " + reason
          + (restoredEpoch.isPresent() ? "; weights of epoch " + restoredEpoch.getAsInt()
              + " restored" : "");
    }
  }

  /**
   * The loss became NaN or infinite; training stopped there, and the model was given back what it
   * held when that epoch began: its parameters and the optimizer's state as at the end of epoch
   * {@code epoch - 1} of this fit, or as fit found them if the first epoch diverged (see {@link
   * #weightsOfEpoch}). Every weight is finite again (if it was when the epoch began), so predict
   * works and another fit, with a lower learning rate say, starts from there. The copy this
   * needs is kept inside TensorFlow and refreshed once per epoch, not per step: one more set of
   * parameters and optimizer slots in memory (for Adam three times the parameters' size), and a
   * device-side copy per epoch that measured well under 1% of an epoch (see the README).
   *
   * @param epoch the epoch it happened in, from 1
   * @param step the step within that epoch, from 1
   * @param globalStep the step counted from the start of this fit, from 1
   * @param loss the non-finite loss seen
   * @param history the epochs completed before it
   */
  record Diverged(int epoch, long step, long globalStep, double loss, List<EpochStats> history)
      implements FitResult {
    /** A result over these epochs (copied). */
    public Diverged {
      history = List.copyOf(history);
    }

    /**
     * The epoch of this fit whose end state the model holds now, {@code epoch - 1}; 0: as the
     * fit found it.
     */
    public int weightsOfEpoch() {
      return epoch - 1;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.diverged(this);
    }

    @Override
    public String describe() {
      return "diverged at epoch " + epoch + ", step " + step + " (loss " + loss + ")";
    }
  }
}
