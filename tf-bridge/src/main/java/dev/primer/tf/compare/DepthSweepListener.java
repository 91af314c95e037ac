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
}
