package dev.primer.samples.cli;

import dev.primer.tf.train.Optimizer;
import dev.primer.tf.train.OptimizerNames;

/**
 * {@code --optimizer NAME --lr X}: the library's {@link OptimizerNames}, with its errors named as
 * options.
 */
final class OptimizerOptions {
  private OptimizerOptions() {
    throw new AssertionError("no instances");
  }

  /** The names, for option help. */
  static final String NAMES = OptimizerNames.NAMES_TEXT;

  /**
   * The optimizer named {@code name} with learning rate {@code lr}, or the name's default rate
   * ({@link OptimizerNames#defaultLearningRate}) if null.
   *
   * @throws UserException naming {@code --optimizer} or {@code --lr}
   */
  static Optimizer of(String name, Double lr) {
    double rate;
    try {
      rate = OptimizerNames.defaultLearningRate(name);
    } catch (IllegalArgumentException e) {
      throw new UserException("--optimizer: " + e.getMessage());
    }
    try {
      return OptimizerNames.of(name, lr == null ? rate : lr);
    } catch (IllegalArgumentException e) {
      throw new UserException("--lr: " + e.getMessage());
    }
  }
}
