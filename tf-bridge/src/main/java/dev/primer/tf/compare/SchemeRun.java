package dev.primer.tf.compare;

import dev.primer.tf.datainit.DataInitReport;
import java.util.List;
import java.util.Optional;

/**
 * One training run of a comparison: one scheme, one seed.
 *
 * @param scheme the scheme's text name
 * @param seed the seed of the model and of the shuffles
 * @param epochs one row per completed epoch (and, for a diverged run, none for the epoch it
 *     diverged in)
 * @param status how it ended
 * @param seconds wall time of the whole run, compile and evaluations included
 * @param dataInit what data-dependent initialization (LSUV, class prior) did before training;
 *     empty for a scheme without it
 */
public record SchemeRun(String scheme, long seed, List<EpochRow> epochs, RunStatus status,
    double seconds, Optional<DataInitReport> dataInit) {

  /** Copies {@code epochs}. */
  public SchemeRun {
    epochs = List.copyOf(epochs);
  }

  /** A run whose scheme has no data-dependent step. */
  public SchemeRun(String scheme, long seed, List<EpochRow> epochs, RunStatus status,
      double seconds) {
    this(scheme, seed, epochs, status, seconds, Optional.empty());
  }

  /** The last epoch's mean training loss, or NaN if no epoch completed. */
  public double finalTrainLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainLoss();
  }

  /** The last epoch's test accuracy, or NaN if no epoch completed. */
  public double finalTestAccuracy() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
  }
}
