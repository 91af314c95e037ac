package dev.primer.tf.compare;

import java.util.List;

/**
 * Hears a comparison as it goes, to draw progress, to keep each finished run (for example on
 * disk, so that an interrupted comparison can be {@linkplain Comparison#run(ComparisonPlan,
 * dev.primer.tf.data.Dataset, dev.primer.tf.data.Dataset, ComparisonListener, List) resumed})
 * and to stop early. Every method defaults to nothing.
 */
public interface ComparisonListener {

  /** Hears nothing. */
  ComparisonListener NONE = new ComparisonListener() {};

  /** Run {@code index} (from 1) of {@code total} starts. */
  default void runStarted(int index, int total, String scheme, long seed) {}

  /** A step of the current run; {@code stepsPerEpoch} and {@code epochs} give the total. */
  default void step(int epoch, long step, long stepsPerEpoch, int epochs, double loss) {}

  /** The current run ended. */
  default void runFinished(SchemeRun run) {}

  /**
   * Run {@code index} (from 1) of {@code total} was finished before (it was passed in as
   * finished) and is kept, not trained again.
   */
  default void runKept(int index, int total, SchemeRun run) {}

  /**
   * After each run that ended: every run finished so far, kept ones included, in the plan's
   * order (schemes outer, seeds inner). A listener that writes results can write this whole set
   * each time; it grows by one run per call.
   */
  default void runsSoFar(List<SchemeRun> runs) {}

  /**
   * Asked before each run is trained: {@code true} stops the comparison there, and
   * {@link Comparison#run} returns the runs finished so far (fewer than the plan's). Defaults to
   * never.
   */
  default boolean stopRequested() {
    return false;
  }
}
