package dev.primer.tf.train;

import java.util.Optional;

/**
 * One fit's count for an {@link EarlyStopping}: the best value so far, its epoch, and the epochs
 * since. Fit makes one per call, so the rule's value stays immutable and reusable.
 */
final class EarlyStoppingState {
  private final EarlyStopping rule;
  private double best = Double.NaN;
  private int bestEpoch;
  private int since;

  EarlyStoppingState(EarlyStopping rule) {
    this.rule = rule;
  }

  /** Whether the epoch of {@code stats} improved on the best: then it is the best. */
  boolean improved(EpochStats stats) {
    double value = rule.metric().of(stats.validation().orElseThrow());
    if (rule.improves(value, best)) {
      best = value;
      bestEpoch = stats.epoch();
      since = 0;
      return true;
    }
    since++;
    return false;
  }

  /**
   * After {@link #improved}: the reason to stop now, or empty to go on. {@code validation loss
   * did not improve for 3 epochs (best 0.1234 at epoch 4)}.
   */
  Optional<String> stopReason() {
    if (since < rule.patience()) {
      return Optional.empty();
    }
    return Optional.of(rule.metric().words() + " did not improve"
        + (rule.minDelta() > 0 ? " by more than " + rule.minDelta() : "") + " for " + since
        + " epoch" + (since == 1 ? "" : "s") + " (best " + best + " at epoch " + bestEpoch + ")");
  }

  /** The best epoch so far, 0 if none improved (every value NaN). */
  int bestEpoch() {
    return bestEpoch;
  }
}
