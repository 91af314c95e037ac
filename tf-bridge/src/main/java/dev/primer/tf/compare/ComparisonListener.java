package dev.primer.tf.compare;

/** Hears a comparison as it goes, to draw progress. Every method defaults to nothing. */
public interface ComparisonListener {

  /** Hears nothing. */
  ComparisonListener NONE = new ComparisonListener() {};

  /** Run {@code index} (from 1) of {@code total} starts. */
  default void runStarted(int index, int total, String scheme, long seed) {}

  /** A step of the current run; {@code stepsPerEpoch} and {@code epochs} give the total. */
  default void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {}

  /** The current run ended. */
  default void runFinished(SchemeRun run) {}
}
