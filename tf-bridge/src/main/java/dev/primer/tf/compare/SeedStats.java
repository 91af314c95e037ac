package dev.primer.tf.compare;

import java.util.List;

/**
 * Mean and spread of one number over the seeds of a scheme (a final accuracy, a loss, a time).
 * Runs that did not produce the number (NaN: a failed run, no completed epoch) are left out.
 */
public final class SeedStats {
  private SeedStats() {
    throw new AssertionError("no instances");
  }

  /** Mean of the finite values; NaN if none. */
  public static double mean(List<Double> values) {
    return values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average()
        .orElse(Double.NaN);
  }

  /**
   * Sample standard deviation of the finite values,
   * {@code sqrt( sum (x_i - mean)^2 / (n - 1) )}; NaN with fewer than two.
   */
  public static double standardDeviation(List<Double> values) {
    List<Double> finite = values.stream().filter(Double::isFinite).toList();
    if (finite.size() < 2) {
      return Double.NaN;
    }
    double m = mean(finite);
    double sum = finite.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
    return Math.sqrt(sum / (finite.size() - 1));
  }
}
