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

  /**
   * Said once, before any run trains: how the runs that are not kept will train, together in
   * graphs or one by one, and why ({@code 27 runs train together, in 3 groups of up to 9 runs},
   * {@code 3 runs of 'lsuv' train one by one: dense_0/kernel initializes from data (lsuv)}).
   * See {@link RunGrouping}.
   */
  default void grouping(String description) {}

  /**
   * Runs that train together in one graph ({@link RunGrouping#TOGETHER}) start, all at once, of
   * {@code total}; in the plan's order. The {@link #step} calls that follow are steps of all of
   * them, with the mean loss of the runs that have not diverged; when they end, each gets {@link
   * #runFinished} and {@link #runsSoFar}, in the plan's order. Defaults to {@link #runStarted}
   * for each.
   */
  default void runsStarted(List<PlannedRun> runs, int total) {
    for (PlannedRun run : runs) {
      runStarted(run.index(), total, run.scheme(), run.seed());
    }
  }

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
   * Asked before each run is trained (before runs that train together, and between their
   * epochs): {@code true} stops the comparison there, and
   * {@link Comparison#run} returns the runs finished so far (fewer than the plan's). Defaults to
   * never. Runs that train together and are stopped between epochs are not finished: none of
   * them is returned.
   */
  default boolean stopRequested() {
    return false;
  }
}
