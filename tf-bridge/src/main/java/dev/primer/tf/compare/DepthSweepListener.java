package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.compare.ComparisonListener;
import dev.primer.tf.compare.SchemeRun;

/**
 * Hears a depth sweep as it goes: each depth starts, then its runs go as in a comparison (run
 * indices count within the depth). Every method defaults to nothing.
 */
public interface DepthSweepListener extends ComparisonListener {

  /** No-op listener. */
  DepthSweepListener NONE = new DepthSweepListener() {};

  /** Depth {@code index} (from 1) of {@code total}, with {@code depth} hidden layers, starts. */
  default void depthStarted(int index, int total, int depth, NetSpec net) {}

  /**
   * A run of {@code depth} ended: what a sweep carried out in parallel or by shard calls, as
   * runs of several depths may end in any order; by default {@link #runFinished(SchemeRun)}.
   */
  default void runFinished(int depth, SchemeRun run) {
    runFinished(run);
  }

  /**
   * After each run that ended, and once before the first run of a resumed sweep (with the kept
   * runs only): the sweep so far, every depth of the plan with the runs finished so far (kept
   * ones included; none yet for a depth not reached). A listener that writes results can write
   * this whole set each time; one that keeps results on a signal has them from the start.
   */
  default void sweepSoFar(DepthSweepResult soFar) {}
}
