package dev.primer.tf.compare;

/**
 * How a comparison trains its runs: each run in a model of its own (the default), or together in
 * one graph where the net allows it.
 *
 * <p>Why separate is the default: training together runs the same ops (kept the same so that the
 * results are bitwise equal), so it saves only the session calls, graph builds and data copies
 * of all but one run: on a quiet 2-core machine the default comparison took 0.68x the wall time
 * together (BENCHMARKS.md, "A comparison as one graph"). But the runs of a group finish
 * together, so a comparison interrupted during a group keeps none of that group's runs, where
 * separate runs keep every run finished so far.
 */
public enum RunGrouping {
  /**
   * Runs train together in one graph and one session, one session call per step for all of
   * them: every run of a scheme without a data-dependent step (LSUV and the class prior train
   * alone), in groups of as many runs as {@code 2^24} parameter values allow (a net too large
   * for two trains each run alone). Two or more such runs are needed; the rest train one by
   * one. Each run in a group is the training step its own model would run, on the same batches
   * in the same order: on the CPU its results are bitwise those of {@link #SEPARATE} (wall
   * times aside). Measured: BENCHMARKS.md, "A comparison as one graph". A comparison stopped
   * during a group keeps none of the group's runs.
   */
  TOGETHER,
  /**
   * Every run compiles and trains a model of its own, one after another; each finished run is
   * handed to the listener before the next starts (the default).
   */
  SEPARATE
}
