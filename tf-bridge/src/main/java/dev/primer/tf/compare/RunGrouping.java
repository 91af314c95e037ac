package dev.primer.tf.compare;

/**
 * How a comparison trains its runs: together in one graph where the net allows it (the
 * default), or each run in a model of its own.
 */
public enum RunGrouping {
  /**
   * Every run whose net and scheme allow it trains together with the others in one graph, one
   * session call per step for all of them: a chain of dense layers with any activations, and a
   * scheme without a data-dependent step (LSUV and the class prior train alone). Two or more
   * such runs are needed; the rest train one by one. Each run sees the same batches in the same
   * order, starts from bitwise the same weights and follows the same optimizer as alone; its
   * values agree with a separate run's to float rounding (summation order), not bitwise.
   */
  TOGETHER,
  /** Every run compiles and trains a model of its own, one after another. */
  SEPARATE
}
