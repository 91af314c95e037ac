package dev.primer.tf.compare;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.compare.ComparisonListener;

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
   * After each run that ended, and once before the first run of a resumed sweep (with the kept
   * runs only): the sweep so far, every depth of the plan with the runs finished so far (kept
   * ones included; none yet for a depth not reached). A listener that writes results can write
   * this whole set each time; one that keeps results on a signal has them from the start.
   */
  default void sweepSoFar(DepthSweepResult soFar) {}
}
