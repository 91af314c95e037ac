package dev.primer.tf.compare;

/**
 * How a comparison trains its runs: together in one graph where the net allows it (the
 * default), or each run in a model of its own.
 */
public enum RunGrouping {
  /**
   * Runs train together in one graph and one session, one session call per step for all of
   * them: every run of a scheme without a data-dependent step (LSUV and the class prior train
   * alone), in groups of as many runs as {@code 2^24} parameter values allow (a net too large
   * for two trains each run alone). Two or more such runs are needed; the rest train one by
   * one. Each run in a group is the training step its own model would run, on the same batches
   * in the same order: on the CPU its results are bitwise those of {@link #SEPARATE} (wall
   * times aside). Measured: BENCHMARKS.md, "A comparison as one graph".
   */
  TOGETHER,
  /** Every run compiles and trains a model of its own, one after another. */
  SEPARATE
}
