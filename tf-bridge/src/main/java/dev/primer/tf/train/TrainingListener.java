package dev.primer.tf.train;

import java.util.Optional;

/**
 * Hears about training as it goes, to draw progress, and may stop it after an epoch. Every
 * method defaults to doing nothing (and going on). Fit calls it on its own thread.
 */
public interface TrainingListener {

  /**
   * After each step: {@code step} of {@code stepsPerEpoch} in {@code epoch} (both from 1), with
   * the step's mean loss. Every step is heard, in order; where fit runs several steps per session
   * call ({@link Trainer}), it is heard after the call, when later steps may have run.
   */
  default void onStep(int epoch, long step, long stepsPerEpoch, double loss) {}

  /** After each epoch, validation included. */
  default void onEpoch(EpochStats stats) {}

  /**
   * Asked after each epoch, after {@link #onEpoch} (and after {@link EarlyStopping}): a reason to
   * stop training there — fit then returns {@link FitResult.Stopped} with it, the model holding
   * that epoch's weights — or empty to go on.
   * <pre>
   *   public Optional&lt;String&gt; stopReason(EpochStats stats) {
   *     return stats.trainLoss() &lt; 0.01 ? Optional.of("train loss below 0.01") : Optional.empty();
   *   }
   * </pre>
   */
  default Optional<String> stopReason(EpochStats stats) {
    return Optional.empty();
  }

  /** Does nothing. */
  TrainingListener NONE = new TrainingListener() {};
}
