package dev.primer.samples.cli;

import dev.primer.tf.train.Optimizer;
import java.util.Locale;

/** {@code --optimizer NAME --lr X}: the optimizers the bridge offers, by name. */
final class OptimizerOptions {
  private OptimizerOptions() {
    throw new AssertionError("no instances");
  }

  static final String NAMES = "sgd, momentum, nesterov, adam, rmsprop";

  /**
   * The optimizer named {@code name} with learning rate {@code lr}, or the name's default rate
   * (sgd 0.1, momentum and nesterov 0.01 with momentum 0.9, adam and rmsprop 0.001) if null.
   */
  static Optimizer of(String name, Double lr) {
    String key = name.toLowerCase(Locale.ROOT);
    double rate = lr != null ? lr : switch (key) {
      case "sgd" -> 0.1;
      case "momentum", "nesterov" -> 0.01;
      default -> 0.001;
    };
    try {
      return switch (key) {
        case "sgd" -> Optimizer.sgd(rate);
        case "momentum" -> Optimizer.momentum(rate, 0.9);
        case "nesterov" -> Optimizer.nesterov(rate, 0.9);
        case "adam" -> Optimizer.adam(rate);
        case "rmsprop" -> Optimizer.rmsProp(rate);
        default -> throw new UserException("--optimizer: unknown optimizer '" + name
            + "'; allowed: " + NAMES);
      };
    } catch (IllegalArgumentException e) {
      throw new UserException("--lr: " + e.getMessage());
    }
  }
}
