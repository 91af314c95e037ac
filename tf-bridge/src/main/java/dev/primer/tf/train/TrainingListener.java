package dev.primer.tf.train;

/** Hears about training as it goes, to draw progress. Both methods default to doing nothing. */
public interface TrainingListener {

  /** After each step: {@code step} of {@code stepsPerEpoch} in {@code epoch} (both from 1). */
  default void onStep(int epoch, long step, long stepsPerEpoch, double loss) {}

  /** After each epoch, validation included. */
  default void onEpoch(EpochStats stats) {}

  /** Does nothing. */
  TrainingListener NONE = new TrainingListener() {};
}
